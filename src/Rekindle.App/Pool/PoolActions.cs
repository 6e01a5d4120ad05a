using Microsoft.EntityFrameworkCore;
using Rekindle.App.Workspace;
using Rekindle.Policies;
using Rekindle.Pool;
using Rekindle.Storage;

namespace Rekindle.App.Pool;

/// <summary>What a pool action did: granted (with its value) or refused by a rule; either way it is in the audit log.</summary>
public sealed record PoolOutcome<T>(T? Value, Refusal? Refusal)
    where T : class
{
    public bool Granted => Refusal is null;
}

/// <summary>A granted claim with what the claimer now sees: the previous owner's handoff note and the contacts.</summary>
public sealed record ClaimGranted(Claim Claim, HandoffNote? Note, IReadOnlyList<Contact> Contacts);

/// <summary>
/// The pool actions of people: claim, early release, handoff note, deactivation of a rep. Each reads the standing of
/// the accounts involved after taking its locks (see <see cref="PoolTransaction"/>), decides with the domain, and
/// writes the new standing, the audit events (refusals too) in one transaction. The policy is the workspace's current one.
/// </summary>
public sealed class PoolActions(WorkspaceDb db, TimeProvider clock)
{
    private const int Attempts = 5;

    /// <summary>
    /// A refusal for an action dated after today (the injected clock): a claim or release in the future would stand in
    /// front of every action dated today. Null when <paramref name="on"/> is today or before.
    /// </summary>
    public Refusal? AfterToday(DateOnly on)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return on > today
            ? new Refusal(RefusalRule.DateAfterToday, $"{on:yyyy-MM-dd} is after today ({today:yyyy-MM-dd}): claims and releases are dated today or earlier")
            : null;
    }

    /// <summary>
    /// Claims <paramref name="accountId"/> for <paramref name="repId"/> on <paramref name="on"/>. The rep's claims that
    /// day and open claims are counted in SQL inside the transaction, so two claims at once see each other: exactly one
    /// of two claimers of the same account wins, and a rep's limits hold under concurrency.
    /// </summary>
    public PoolOutcome<ClaimGranted> Claim(string accountId, string repId, DateOnly on)
    {
        if (AfterToday(on) is { } future)
        {
            return new PoolOutcome<ClaimGranted>(null, future);
        }

        var policy = Policy();
        return Retry(() =>
        {
            using var tx = PoolTransaction.ForRows(db, repId, [accountId]);
            var store = PoolStore.Load(db, [accountId]);
            var state = store.State;
            var facts = new ClaimFacts(
                state.FindRep(repId),
                state.Find(accountId),
                db.PoolClaims.Count(c => c.RepId == repId && c.ClaimedOn == on),
                db.PoolClaims.Count(c => c.RepId == repId && c.EndedOn == null && c.FirstSaleOn == null));
            if (PoolClaims.Check(facts, accountId, repId, policy, on) is { } refusal)
            {
                store.Save(state, [], [Refused(accountId, repId, refusal, on)], [], clock);
                tx.Commit();
                return new PoolOutcome<ClaimGranted>(null, refusal);
            }

            var decision = PoolClaims.Claim(state, accountId, repId, policy, on);
            store.Save(decision.State, decision.ChangedAccounts, decision.Events, [], clock);
            tx.Commit();
            if (!decision.Granted)
            {
                return new PoolOutcome<ClaimGranted>(null, decision.Refusal);
            }

            var contacts = db.Contacts.AsNoTracking().Where(c => c.AccountId == accountId).OrderBy(c => c.ContactId).ToList();
            return new PoolOutcome<ClaimGranted>(new ClaimGranted(decision.Value!, HandoffNotes.VisibleTo(decision.State, accountId, repId), contacts), null);
        });
    }

    /// <summary>The owner <paramref name="repId"/> releases <paramref name="accountId"/> before the sweep, with a reason.</summary>
    public PoolOutcome<PoolEntry> Release(string accountId, string repId, string why, DateOnly on) => AfterToday(on) is { } future
        ? new PoolOutcome<PoolEntry>(null, future)
        : Retry(() =>
    {
        using var tx = PoolTransaction.ForRows(db, repId, [accountId]);
        var store = PoolStore.Load(db, [accountId]);
        var decision = PoolReleases.ReleaseEarly(store.State, accountId, repId, why, on);
        store.Save(decision.State, decision.ChangedAccounts, decision.Events, [], clock);
        tx.Commit();
        return new PoolOutcome<PoolEntry>(decision.Value, decision.Refusal);
    });

    /// <summary>Writes (or replaces) <paramref name="note"/>'s author's handoff note on its account.</summary>
    public PoolOutcome<HandoffNote> Note(HandoffNote note) => Retry(() =>
    {
        using var tx = PoolTransaction.ForRows(db, note.AuthorRepId, [note.AccountId]);
        var store = PoolStore.Load(db, [note.AccountId]);
        var decision = HandoffNotes.Write(store.State, note);
        store.Save(decision.State, decision.ChangedAccounts, decision.Events, [], clock);
        tx.Commit();
        return new PoolOutcome<HandoffNote>(decision.Value, decision.Refusal);
    });

    /// <summary>Deactivates <paramref name="repId"/> and moves every account they own to the pool or to another rep, in one step.</summary>
    public PoolOutcome<IReadOnlyList<string>> Deactivate(string repId, Handover handover, string actor, DateOnly on) => Retry(() =>
    {
        using var tx = PoolTransaction.ForPool(db);
        var owned = db.Accounts.Where(a => a.OwnerRepId == repId).Select(a => a.AccountId).ToList();
        var store = PoolStore.Load(db, owned);
        var decision = PoolReleases.DeactivateRep(store.State, repId, handover, actor, on);
        store.Save(decision.State, decision.ChangedAccounts, decision.Events, [], clock);
        tx.Commit();
        return new PoolOutcome<IReadOnlyList<string>>(decision.Value, decision.Refusal);
    });

    private Policy Policy() => new WorkspacePolicies(db, clock).CurrentPolicy().Policy;

    /// <summary>
    /// Runs <paramref name="action"/> again when the database refused its write because a concurrent decision got there
    /// first (a unique index, a serialization failure): the next attempt reads that decision and decides again.
    /// </summary>
    private T Retry<T>(Func<T> action)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return action();
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>The audit event of a refused claim, as the domain's <see cref="PoolClaims.Claim"/> logs it.</summary>
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
