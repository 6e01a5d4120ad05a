using Rekindle.Policies;

namespace Rekindle.Pool;

/// <summary>An account the sweep will release soon: its owner, why, on which day, and the countdown in days (1 = tomorrow).</summary>
public sealed record ReleaseWarning(string AccountId, string? OwnerRepId, ReleaseReason Reason, DateOnly ReleaseOn, int DaysLeft);

/// <summary>What one sweep did: accounts released for dormancy, claims returned, warnings, and the audit events.</summary>
public sealed record SweepResult(
    PoolState State,
    IReadOnlyList<PoolEntry> Released,
    IReadOnlyList<Claim> Returned,
    IReadOnlyList<ReleaseWarning> Upcoming,
    IReadOnlyList<AuditEvent> Events,
    IReadOnlyList<string> ChangedAccounts);

/// <summary>
/// The sweep as of a date D: the same rule for every owner, no exemptions.
/// <list type="bullet">
/// <item>An owned account (not under an open claim) dormant for at least <c>poolAfterDormantDays</c> is released.
/// Its clock runs from the later of its dormant-since date and the day its owner got it, so an owner who just
/// received a dormant account (a reassignment) gets the full period too.</item>
/// <item>An open claim (no sale yet) with no activity for at least <c>claimExpiryDays</c> returns to the pool; its
/// clock runs from the later of the claim date and the last activity, so a fresh claim is never returned on day
/// one and a worked account never is. Dormancy does not release an account under an open claim: expiry governs it.
/// Once the claimer sells, the account is theirs like any other.</item>
/// <item>Warnings: each account due within <c>poolNoticeDays</c> (1 to N days ahead), with the countdown.</item>
/// </list>
/// Releases are dated D. Idempotent: sweeping again as of the same date changes nothing (the state instance is
/// returned as it was) and logs only a run with zero releases.
/// </summary>
public static class PoolSweep
{
    public static SweepResult Run(PoolState state, IEnumerable<DormancyFact> dormant, Policy policy, DateOnly asOf)
    {
        var released = new List<PoolEntry>();
        var returned = new List<Claim>();
        var warnings = new List<ReleaseWarning>();
        var events = new List<AuditEvent>();
        var next = state;
        foreach (var s in Schedule(state, dormant, policy))
        {
            if (s.Due > asOf)
            {
                AddWarning(warnings, s, policy, asOf);
                continue;
            }

            var standing = s.Standing.Release(asOf, s.Reason, AuditActors.Sweep, s.Why(asOf), out var entry);
            next = next.With(standing);
            if (s.Reason == ReleaseReason.ClaimExpired)
            {
                returned.Add(s.Standing.Claim!);
            }
            else
            {
                released.Add(entry);
            }

            events.Add(s.Event(entry));
        }

        events.Add(new AuditEvent
        {
            On = asOf,
            Actor = AuditActors.Sweep,
            Action = AuditAction.SweepRun,
            What = $"sweep as of {asOf.Iso()}: {released.Count} released, {returned.Count} claims returned, {warnings.Count} warned",
            Why = $"poolAfterDormantDays = {policy.PoolAfterDormantDays}, claimExpiryDays = {policy.ClaimExpiryDays}, poolNoticeDays = {policy.PoolNoticeDays}",
        });
        var changed = released.Select(r => r.AccountId).Concat(returned.Select(c => c.AccountId)).Order(StringComparer.Ordinal).ToList();
        return new SweepResult(next, released, returned, warnings, events, changed);
    }

    /// <summary>Accounts due within <c>poolNoticeDays</c> after <paramref name="asOf"/>, optionally of one owner, soonest first.</summary>
    public static IReadOnlyList<ReleaseWarning> Upcoming(
        PoolState state, IEnumerable<DormancyFact> dormant, Policy policy, DateOnly asOf, string? ownerRepId = null)
    {
        var warnings = new List<ReleaseWarning>();
        foreach (var s in Schedule(state, dormant, policy))
        {
            if (ownerRepId is null || s.Standing.Owner == ownerRepId)
            {
                AddWarning(warnings, s, policy, asOf);
            }
        }

        return [.. warnings.OrderBy(w => w.DaysLeft).ThenBy(w => w.AccountId, StringComparer.Ordinal)];
    }

    private static void AddWarning(List<ReleaseWarning> warnings, Scheduled s, Policy policy, DateOnly asOf)
    {
        var daysLeft = s.Due.DayNumber - asOf.DayNumber;
        if (daysLeft >= 1 && daysLeft <= policy.PoolNoticeDays)
        {
            warnings.Add(new ReleaseWarning(s.Standing.AccountId, s.Standing.Owner, s.Reason, s.Due, daysLeft));
        }
    }

    /// <summary>Each owned account's next scheduled release, in ordinal account order.</summary>
    private static IEnumerable<Scheduled> Schedule(PoolState state, IEnumerable<DormancyFact> dormant, Policy policy)
    {
        var since = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        foreach (var f in dormant)
        {
            _ = state.Get(f.AccountId);
            since[f.AccountId] = f.DormantSince;
        }

        foreach (var standing in state.Accounts.Values)
        {
            if (standing.InPool)
            {
                continue;
            }

            if (standing.Claim is { IsOpen: true } claim)
            {
                yield return new Scheduled(standing, ReleaseReason.ClaimExpired, claim.ExpiresOn(policy.ClaimExpiryDays), claim.ExpiryClockFrom, policy);
            }
            else if (since.TryGetValue(standing.AccountId, out var dormantSince))
            {
                var clock = standing.OwnedSince is { } owned && owned > dormantSince ? owned : dormantSince;
                yield return new Scheduled(standing, ReleaseReason.DormantSweep, clock.AddDays(policy.PoolAfterDormantDays), clock, policy);
            }
        }
    }

    private sealed record Scheduled(AccountStanding Standing, ReleaseReason Reason, DateOnly Due, DateOnly ClockFrom, Policy Policy)
    {
        public string Why(DateOnly asOf)
        {
            var days = asOf.DayNumber - ClockFrom.DayNumber;
            return Reason == ReleaseReason.ClaimExpired
                ? $"no activity since {ClockFrom.Iso()}: {days} days >= claimExpiryDays {Policy.ClaimExpiryDays}"
                : $"dormant since {ClockFrom.Iso()}: {days} days >= poolAfterDormantDays {Policy.PoolAfterDormantDays}";
        }

        public AuditEvent Event(PoolEntry entry) => new()
        {
            On = entry.ReleasedOn,
            Actor = AuditActors.Sweep,
            Action = Reason == ReleaseReason.ClaimExpired ? AuditAction.ClaimReturned : AuditAction.AccountReleased,
            AccountId = entry.AccountId,
            RepId = entry.PreviousOwnerRepId,
            ClaimId = Reason == ReleaseReason.ClaimExpired ? Standing.Claim?.Id.Value : null,
            Code = PoolCodes.Of(Reason),
            What = Reason == ReleaseReason.ClaimExpired
                ? $"claim {Standing.Claim?.Id} of {entry.AccountId} by {entry.PreviousOwnerRepId} returned to the pool"
                : $"{entry.AccountId} released to the pool from {entry.PreviousOwnerRepId ?? "no owner"}",
            Why = entry.Why,
        };
    }
}
