namespace Rekindle.Pool;

/// <summary>An expected refusal: the rule that refused and a sentence naming it, its numbers and its dates.</summary>
public sealed record Refusal(RefusalRule Rule, string Message)
{
    public string Code => PoolCodes.Of(Rule);

    public override string ToString() => $"{Code}: {Message}";
}

/// <summary>
/// What a pool decision returns: either granted, with its <see cref="Value"/> and the new <see cref="State"/>, or
/// refused, with the <see cref="Refusal"/> and the state unchanged. Either way <see cref="Events"/> holds the audit
/// events to append (a refusal is logged too) and <see cref="ChangedAccounts"/> the accounts whose standing changed.
/// </summary>
public sealed record Decision<T>
    where T : class
{
    public required PoolState State { get; init; }

    public T? Value { get; init; }

    public Refusal? Refusal { get; init; }

    public IReadOnlyList<AuditEvent> Events { get; init; } = [];

    public IReadOnlyList<string> ChangedAccounts { get; init; } = [];

    public bool Granted => Refusal is null;

    internal static Decision<T> Grant(PoolState state, T value, IReadOnlyList<AuditEvent> events, IReadOnlyList<string> changed) =>
        new() { State = state, Value = value, Events = events, ChangedAccounts = changed };

    internal static Decision<T> Refuse(PoolState state, Refusal refusal, AuditEvent logged) =>
        new() { State = state, Refusal = refusal, Events = [logged] };
}
