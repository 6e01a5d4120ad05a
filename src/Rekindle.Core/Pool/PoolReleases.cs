namespace Rekindle.Pool;

/// <summary>Where a departing rep's accounts go: to the pool (<see cref="ToRepId"/> null) or to one active rep.</summary>
public readonly record struct Handover(string? ToRepId)
{
    public static Handover ToPool => new(null);

    public static Handover To(string repId) => new(repId);
}

/// <summary>
/// Releases made by people: an owner letting an account go early (with a reason; the policy may reward it through
/// <c>earlyReleaseBonusMultiplier</c>), and a manager deactivating a rep, which moves every account the rep owns
/// in one step, to the pool or to another active rep. A claim the departing rep held ends with it (no handoff
/// bonus follows a reassignment: the new owner did not claim). Logged like any other change.
/// </summary>
public static class PoolReleases
{
    public static Decision<PoolEntry> ReleaseEarly(PoolState state, string accountId, string repId, string why, DateOnly on)
    {
        var standing = state.Find(accountId);
        Refusal? refusal =
            standing is null ? new(RefusalRule.AccountUnknown, $"No account {accountId}.")
            : standing.Owner != repId ? new(RefusalRule.NotOwner, $"{repId} does not own {accountId} (owner: {standing.Owner ?? "none, it is in the pool"}).")
            : string.IsNullOrWhiteSpace(why) ? new(RefusalRule.ReasonRequired, "An early release needs a reason.")
            : null;
        if (refusal is not null)
        {
            return Decision<PoolEntry>.Refuse(state, refusal, Refused(on, repId, accountId, repId, "early release", refusal));
        }

        var released = standing!.Release(on, ReleaseReason.EarlyRelease, repId, why.Trim(), out var entry);
        return Decision<PoolEntry>.Grant(state.With(released), entry, [Released(entry)], [accountId]);
    }

    /// <summary>Deactivates <paramref name="repId"/> and moves all their accounts; the value is the ids of the accounts moved.</summary>
    public static Decision<IReadOnlyList<string>> DeactivateRep(PoolState state, string repId, Handover handover, string actor, DateOnly on)
    {
        var target = handover.ToRepId is { } t ? state.FindRep(t) : null;
        Refusal? refusal =
            state.FindRep(repId) is null ? new(RefusalRule.RepUnknown, $"No rep {repId}.")
            : handover.ToRepId is null ? null
            : handover.ToRepId == repId ? new(RefusalRule.SameRep, $"{repId} cannot take over their own accounts.")
            : target is null ? new(RefusalRule.TargetUnknown, $"No rep {handover.ToRepId}.")
            : !target.Active ? new(RefusalRule.TargetInactive, $"{target.Id} is inactive; an inactive rep can never receive an account.")
            : null;
        if (refusal is not null)
        {
            return Decision<IReadOnlyList<string>>.Refuse(state, refusal, Refused(on, actor, null, repId, "deactivation", refusal));
        }

        var next = state;
        var events = new List<AuditEvent>();
        var moved = new List<string>();
        foreach (var standing in state.OwnedBy(repId))
        {
            moved.Add(standing.AccountId);
            if (target is null)
            {
                next = next.With(standing.Release(on, ReleaseReason.RepDeactivated, actor, $"{repId} deactivated", out var entry));
                events.Add(Released(entry));
            }
            else
            {
                next = next.With(standing.ReassignTo(target.Id, on));
                events.Add(new AuditEvent
                {
                    On = on,
                    Actor = actor,
                    Action = AuditAction.AccountReassigned,
                    AccountId = standing.AccountId,
                    RepId = repId,
                    OtherRepId = target.Id,
                    ClaimId = standing.Claim?.Id.Value,
                    What = $"{standing.AccountId} reassigned from {repId} to {target.Id}",
                    Why = $"{repId} deactivated",
                });
            }
        }

        var rep = state.FindRep(repId)!;
        if (rep.Active || moved.Count > 0)
        {
            next = next.WithRep(rep with { Active = false });
            events.Add(new AuditEvent
            {
                On = on,
                Actor = actor,
                Action = AuditAction.RepDeactivated,
                RepId = repId,
                OtherRepId = target?.Id,
                What = $"{repId} deactivated; {moved.Count} accounts {(target is null ? "released to the pool" : "reassigned to " + target.Id)}",
                Why = "rep left",
            });
        }

        return Decision<IReadOnlyList<string>>.Grant(next, moved, events, moved);
    }

    private static AuditEvent Released(PoolEntry entry) => new()
    {
        On = entry.ReleasedOn,
        Actor = entry.Actor,
        Action = AuditAction.AccountReleased,
        AccountId = entry.AccountId,
        RepId = entry.PreviousOwnerRepId,
        Code = PoolCodes.Of(entry.Reason),
        What = $"{entry.AccountId} released to the pool from {entry.PreviousOwnerRepId ?? "no owner"} ({PoolCodes.Of(entry.Reason)})",
        Why = entry.Why,
    };

    private static AuditEvent Refused(DateOnly on, string actor, string? accountId, string repId, string what, Refusal refusal) => new()
    {
        On = on,
        Actor = actor,
        Action = AuditAction.ActionRefused,
        AccountId = accountId,
        RepId = repId,
        Code = refusal.Code,
        What = $"{what} refused: {refusal.Code}",
        Why = refusal.Message,
    };
}
