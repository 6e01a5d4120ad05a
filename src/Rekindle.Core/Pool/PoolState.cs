using System.Collections.Immutable;
using Rekindle.Lifecycle;

namespace Rekindle.Pool;

/// <summary>
/// Everything the pool decisions read: every account's standing and every rep. Immutable; each decision returns
/// a new state (the same instance when nothing changed) with the audit events it produced and the ids of the
/// accounts it changed, so an edge can upsert just those and append the events. Iteration is by ordinal id.
/// </summary>
public sealed record PoolState
{
    private static readonly ImmutableSortedDictionary<string, AccountStanding> NoAccounts =
        ImmutableSortedDictionary.Create<string, AccountStanding>(StringComparer.Ordinal);

    private static readonly ImmutableSortedDictionary<string, Rep> NoReps =
        ImmutableSortedDictionary.Create<string, Rep>(StringComparer.Ordinal);

    public static PoolState Empty { get; } = new();

    public ImmutableSortedDictionary<string, AccountStanding> Accounts { get; private init; } = NoAccounts;

    public ImmutableSortedDictionary<string, Rep> Reps { get; private init; } = NoReps;

    public static PoolState Of(IEnumerable<Rep> reps, IEnumerable<AccountStanding> accounts) => new()
    {
        Reps = NoReps.AddRange(reps.Select(r => KeyValuePair.Create(r.Id, r))),
        Accounts = NoAccounts.AddRange(accounts.Select(a => KeyValuePair.Create(a.AccountId, a))),
    };

    /// <summary>Every account of the book owned by its directory owner (an empty owner: nobody), no pool history.</summary>
    public static PoolState FromBook(AccountBook book, IEnumerable<Rep> reps) =>
        Of(reps, book.Accounts.Select(a => AccountStanding.Owned(a.Id, a.OwnerRepId)));

    public AccountStanding? Find(string accountId) => Accounts.GetValueOrDefault(accountId);

    public AccountStanding Get(string accountId) =>
        Find(accountId) ?? throw new ArgumentException($"Account {accountId} is not in the pool state.", nameof(accountId));

    public Rep? FindRep(string repId) => Reps.GetValueOrDefault(repId);

    public IEnumerable<AccountStanding> Pooled => Accounts.Values.Where(a => a.InPool);

    public IEnumerable<AccountStanding> OwnedBy(string repId) => Accounts.Values.Where(a => a.Owner == repId);

    /// <summary>Claims <paramref name="repId"/> made on <paramref name="day"/>, whatever became of them since.</summary>
    public int ClaimsMadeOn(string repId, DateOnly day) =>
        Accounts.Values.Sum(a => a.Claims.Count(c => c.RepId == repId && c.ClaimedOn == day));

    /// <summary>Claims <paramref name="repId"/> holds with no sale yet.</summary>
    public int OpenClaims(string repId) => Accounts.Values.Count(a => a.Claim is { IsOpen: true } c && c.RepId == repId);

    public PoolState WithRep(Rep rep) => this with { Reps = Reps.SetItem(rep.Id, rep) };

    public PoolState With(AccountStanding standing) => this with { Accounts = Accounts.SetItem(standing.AccountId, standing) };
}
