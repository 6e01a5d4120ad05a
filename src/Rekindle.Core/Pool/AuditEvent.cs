using System.Collections;
using System.Collections.Immutable;

namespace Rekindle.Pool;

/// <summary>
/// One line of the append-only audit log: who (<see cref="Actor"/>), when (<see cref="On"/>), what
/// (<see cref="Action"/> and the sentence <see cref="What"/>) and why (<see cref="Why"/>), with the ids and the
/// amount it concerns so reports can be computed from the log alone. <see cref="Code"/> carries the release
/// reason, the refusal rule or the ledger line kind (for a reversal, the kind reversed), in snake_case.
/// <see cref="Amount"/> is the credit for credit events and the order amount for sale events.
/// </summary>
public sealed record AuditEvent
{
    public required DateOnly On { get; init; }

    public required string Actor { get; init; }

    public required AuditAction Action { get; init; }

    public required string What { get; init; }

    public string? Why { get; init; }

    public string? AccountId { get; init; }

    /// <summary>The rep the event is about: claimer, releasing owner, credited rep, deactivated rep.</summary>
    public string? RepId { get; init; }

    /// <summary>The other rep involved: the previous owner of a claim, the target of a reassignment.</summary>
    public string? OtherRepId { get; init; }

    public string? ClaimId { get; init; }

    public string? OrderId { get; init; }

    public decimal? Amount { get; init; }

    public string? Code { get; init; }

    public string ActionCode => PoolCodes.Of(Action);
}

/// <summary>
/// The audit log as a value: events in the order they were appended. It can only grow: <see cref="Append"/>
/// returns a longer log and leaves this one as it was; nothing updates or removes an event.
/// </summary>
public sealed class AuditLog : IReadOnlyList<AuditEvent>
{
    private readonly ImmutableList<AuditEvent> events;

    private AuditLog(ImmutableList<AuditEvent> events) => this.events = events;

    public static AuditLog Empty { get; } = new([]);

    public int Count => events.Count;

    public AuditEvent this[int index] => events[index];

    public AuditLog Append(IEnumerable<AuditEvent> more) => new(events.AddRange(more));

    public IEnumerator<AuditEvent> GetEnumerator() => events.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
