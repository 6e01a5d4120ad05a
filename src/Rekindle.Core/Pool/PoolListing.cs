namespace Rekindle.Pool;

/// <summary>
/// One pooled account as a rep sees it before claiming: when and why it was released, by whom, how long it has
/// waited, whether a handoff note awaits the claimer, and how many claims it had before. No contact details and
/// not the note's text (those come with the claim); the value at stake is joined in by the edge.
/// </summary>
public sealed record PooledAccount(
    string AccountId,
    DateOnly ReleasedOn,
    int DaysInPool,
    string? PreviousOwnerRepId,
    ReleaseReason Reason,
    string? Why,
    bool HasHandoffNote,
    int PastClaims);

public static class PoolListing
{
    /// <summary>The accounts in the pool as of <paramref name="asOf"/>, longest waiting first, then by id.</summary>
    public static IReadOnlyList<PooledAccount> List(PoolState state, DateOnly asOf) =>
    [
        .. state.Pooled
            .Select(s => (s, e: s.Entry!))
            .Where(x => x.e.ReleasedOn <= asOf)
            .Select(x => new PooledAccount(
                x.s.AccountId,
                x.e.ReleasedOn,
                asOf.DayNumber - x.e.ReleasedOn.DayNumber,
                x.e.PreviousOwnerRepId,
                x.e.Reason,
                x.e.Why,
                x.s.NoteBy(x.e.PreviousOwnerRepId) is not null,
                x.s.Claims.Count))
            .OrderByDescending(p => p.DaysInPool)
            .ThenBy(p => p.AccountId, StringComparer.Ordinal),
    ];
}
