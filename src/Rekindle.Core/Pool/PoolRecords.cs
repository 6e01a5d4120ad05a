namespace Rekindle.Pool;

/// <summary>A sales rep as the pool and the ledger see one: active flag and commission rate (a fraction, 0.04 = 4%).</summary>
public sealed record Rep(string Id, bool Active, decimal CommissionRate);

/// <summary>
/// The id of a claim: the account id and the claim's sequence number on that account (<c>ACME#2</c>).
/// Deterministic, so replaying the same decisions gives the same ids.
/// </summary>
public readonly record struct ClaimId(string Value)
{
    public static ClaimId For(string accountId, int sequence) => new($"{accountId}#{sequence}");

    public override string ToString() => Value;
}

/// <summary>
/// One stay of an account in the pool, from its release. <see cref="PreviousOwnerRepId"/> is the rep who held it
/// just before (null for an account nobody owned); <see cref="Actor"/> who released it (a rep, a manager, or
/// <see cref="AuditActors.Sweep"/>); <see cref="Why"/> the reason given, for early releases and deactivations.
/// </summary>
public sealed record PoolEntry(
    string AccountId,
    DateOnly ReleasedOn,
    string? PreviousOwnerRepId,
    ReleaseReason Reason,
    string Actor,
    string? Why);

/// <summary>
/// A rep's claim of an account from the pool, and what happened since. A claim is <see cref="IsOpen"/> while it
/// has no sale and has not ended (that is what <c>maxOpenClaimsPerRep</c> counts). It ends when the account is
/// released again (expiry, early release, deactivation) or reassigned.
/// </summary>
public sealed record Claim(ClaimId Id, string AccountId, string RepId, DateOnly ClaimedOn, PoolEntry From)
{
    /// <summary>Latest activity recorded on the account while claimed (an engagement, an order); null: none yet.</summary>
    public DateOnly? LastActivityOn { get; init; }

    /// <summary>The claimer's first booked order on the account after the claim; null while there is none.</summary>
    public string? FirstSaleOrderId { get; init; }

    public DateOnly? FirstSaleOn { get; init; }

    /// <summary>The day the claimer stopped holding the account; null while they hold it.</summary>
    public DateOnly? EndedOn { get; init; }

    public bool HasSale => FirstSaleOn is not null;

    public bool IsHeld => EndedOn is null;

    /// <summary>Claimed, no sale yet, still held.</summary>
    public bool IsOpen => IsHeld && !HasSale;

    public string? PreviousOwnerRepId => From.PreviousOwnerRepId;

    public bool FromEarlyRelease => From.Reason == ReleaseReason.EarlyRelease;

    /// <summary>The expiry clock runs from the later of the claim date and the last activity.</summary>
    public DateOnly ExpiryClockFrom => LastActivityOn is { } a && a > ClaimedOn ? a : ClaimedOn;

    /// <summary>Whole days without activity as of <paramref name="asOf"/> (0 on the claim day).</summary>
    public int IdleDays(DateOnly asOf) => asOf.DayNumber - ExpiryClockFrom.DayNumber;

    /// <summary>The day the claim expires under <paramref name="claimExpiryDays"/>, unless there is activity first.</summary>
    public DateOnly ExpiresOn(int claimExpiryDays) => ExpiryClockFrom.AddDays(claimExpiryDays);
}

/// <summary>How a rep came to own an account (the Ownership entity's reason).</summary>
public enum TenureKind : byte
{
    /// <summary>Owner from the imported book, or assigned outside the pool.</summary>
    Assigned = 0,
    /// <summary>Claimed from the pool; <see cref="Tenure.ClaimId"/> says which claim.</summary>
    Claimed = 1,
    /// <summary>Reassigned by a manager when the previous owner was deactivated.</summary>
    Reassigned = 2,
}

/// <summary>
/// One rep's ownership of an account: <c>[From, To]</c>, both ends inclusive; <see cref="To"/> is null while it
/// lasts. On a day two tenures share (released and claimed the same day), the later one owns the day.
/// <see cref="From"/> is <see cref="DateOnly.MinValue"/> when the start is not known (an imported owner).
/// </summary>
public sealed record Tenure(string RepId, DateOnly From, TenureKind Kind, ClaimId? ClaimId)
{
    public DateOnly? To { get; init; }

    public bool Covers(DateOnly day) => From <= day && (To is null || day <= To);
}

/// <summary>Who did something, when it was not a person.</summary>
public static class AuditActors
{
    public const string Sweep = "system:sweep";
    public const string Ledger = "system:ledger";
}
