using Rekindle.Policies;

namespace Rekindle.Pool;

/// <summary>
/// What a claim decision reads, for an edge that counts in SQL instead of loading a <see cref="PoolState"/>:
/// the claiming rep (null: unknown), the account's standing (null: unknown), the claims the rep made that day
/// and the open claims the rep holds (claimed, no sale yet).
/// </summary>
public readonly record struct ClaimFacts(Rep? Rep, AccountStanding? Account, int ClaimsMadeToday, int OpenClaims);

/// <summary>
/// Claims from the pool. Checked in this order, the first failing rule refuses: the rep is known and active; the
/// account is in the pool (else it is already claimed, or owned); the rep did not release this account within
/// <c>reclaimCooldownDays</c> (refused while days since that release &lt; N, allowed from day N); the rep made fewer
/// than <c>maxClaimsPerRepPerDay</c> claims that day; the rep holds fewer than <c>maxOpenClaimsPerRep</c> open claims.
/// </summary>
public static class PoolClaims
{
    /// <summary>Decides and applies a claim of <paramref name="accountId"/> by <paramref name="repId"/> on <paramref name="on"/>.</summary>
    public static Decision<Claim> Claim(PoolState state, string accountId, string repId, Policy policy, DateOnly on)
    {
        var facts = new ClaimFacts(state.FindRep(repId), state.Find(accountId), state.ClaimsMadeOn(repId, on), state.OpenClaims(repId));
        if (Check(facts, accountId, repId, policy, on) is { } refusal)
        {
            return Decision<Claim>.Refuse(state, refusal, Refused(accountId, repId, refusal, on));
        }

        var standing = facts.Account!.ClaimBy(repId, on, out var claim);
        var granted = new AuditEvent
        {
            On = on,
            Actor = repId,
            Action = AuditAction.ClaimGranted,
            AccountId = accountId,
            RepId = repId,
            OtherRepId = claim.PreviousOwnerRepId,
            ClaimId = claim.Id.Value,
            Code = PoolCodes.Of(claim.From.Reason),
            What = $"{repId} claimed {accountId} from the pool (claim {claim.Id})",
            Why = $"in the pool since {claim.From.ReleasedOn.Iso()} ({PoolCodes.Of(claim.From.Reason)}), previous owner {claim.PreviousOwnerRepId ?? "none"}",
        };
        return Decision<Claim>.Grant(state.With(standing), claim, [granted], [accountId]);
    }

    /// <summary>
    /// Records activity on a claimed account (an engagement, a call, a meeting, an order) on <paramref name="on"/>:
    /// it restarts the claim's expiry clock. Activity before the claim or older than the last one changes nothing.
    /// Not an audit event (the activity itself is the record); the value is the updated claim, or null.
    /// </summary>
    public static Decision<Claim> RecordActivity(PoolState state, string accountId, DateOnly on)
    {
        var standing = state.Get(accountId);
        if (standing.Claim is not { } claim || on < claim.ClaimedOn || (claim.LastActivityOn is { } last && last >= on))
        {
            return new Decision<Claim> { State = state };
        }

        var updated = claim with { LastActivityOn = on };
        return Decision<Claim>.Grant(state.With(standing.WithClaim(updated)), updated, [], [accountId]);
    }

    /// <summary>The refusal for a claim, or null when it may be granted. Pure: facts, policy and date in.</summary>
    public static Refusal? Check(ClaimFacts facts, string accountId, string repId, Policy policy, DateOnly on)
    {
        if (facts.Rep is not { } rep)
        {
            return new(RefusalRule.RepUnknown, $"No rep {repId}.");
        }

        if (!rep.Active)
        {
            return new(RefusalRule.RepInactive, $"{repId} is inactive; an inactive rep can never receive an account.");
        }

        if (facts.Account is not { } account)
        {
            return new(RefusalRule.AccountNotInPool, $"No account {accountId}.");
        }

        if (!account.InPool)
        {
            return account.Claim is { IsHeld: true } held
                ? new(RefusalRule.AlreadyClaimed, $"{accountId} was claimed by {held.RepId} on {held.ClaimedOn.Iso()}.")
                : new(RefusalRule.AccountNotInPool, $"{accountId} is not in the pool (owner: {account.Owner ?? "none"}).");
        }

        if (account.LastReleaseFrom(repId) is { } mine && on.DayNumber - mine.ReleasedOn.DayNumber < policy.ReclaimCooldownDays)
        {
            return new(
                RefusalRule.ReclaimCooldown,
                $"{repId} released {accountId} on {mine.ReleasedOn.Iso()}; reclaimCooldownDays = {policy.ReclaimCooldownDays}, " +
                $"so not before {mine.ReleasedOn.AddDays(policy.ReclaimCooldownDays).Iso()}.");
        }

        if (facts.ClaimsMadeToday >= policy.MaxClaimsPerRepPerDay)
        {
            return new(
                RefusalRule.DailyClaimLimit,
                $"{repId} made {facts.ClaimsMadeToday} claims on {on.Iso()}; maxClaimsPerRepPerDay = {policy.MaxClaimsPerRepPerDay}.");
        }

        if (facts.OpenClaims >= policy.MaxOpenClaimsPerRep)
        {
            return new(
                RefusalRule.OpenClaimLimit,
                $"{repId} holds {facts.OpenClaims} open claims (claimed, no sale yet); maxOpenClaimsPerRep = {policy.MaxOpenClaimsPerRep}.");
        }

        return null;
    }

    private static AuditEvent Refused(string accountId, string repId, Refusal refusal, DateOnly on) => new()
    {
        On = on,
        Actor = repId,
        Action = AuditAction.ClaimRefused,
        AccountId = accountId,
        RepId = repId,
        Code = refusal.Code,
        What = $"claim of {accountId} by {repId} refused: {refusal.Code}",
        Why = refusal.Message,
    };
}
