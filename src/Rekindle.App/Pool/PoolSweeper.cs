using Microsoft.EntityFrameworkCore;
using Rekindle.App.Workspace;
using Rekindle.Common;
using Rekindle.Incentives;
using Rekindle.Lifecycle;
using Rekindle.Policies;
using Rekindle.Pool;
using Rekindle.Storage;

namespace Rekindle.App.Pool;

/// <summary>What posting orders to the ledger did.</summary>
public sealed record PostingResult(int OrdersBooked, int OrdersReversed, int LinesWritten);

/// <summary>What a sweep did, with the posting that came first.</summary>
public sealed record SweepRun(SweepResult Sweep, PostingResult Posting);

/// <summary>
/// The sweep and the ledger posting as of a date, on the whole workspace, under its current policy.
/// <see cref="Post"/> books every booked order up to D that the ledger does not have yet, in date order, and
/// reverses the credits of orders refunded or cancelled since (dated D); orders are activity on their claims.
/// <see cref="Sweep"/> posts, records engagements on claimed accounts as activity, then releases dormant accounts and
/// returns expired claims (<see cref="PoolSweep.Run"/>). Each runs in one transaction; running either again as of the
/// same date changes nothing (the sweep logs its run). The first posting of a large workspace books its whole order
/// history: the lines and events go to the database in batches (<see cref="FlushEvery"/> lines by default) inside that transaction,
/// so memory stays bounded by the batch, not by the history.
/// </summary>
public sealed class PoolSweeper(WorkspaceDb db, TimeProvider clock, int flushEvery = PoolSweeper.FlushEvery)
{
    /// <summary>Ledger lines held in memory before they are written (within the use case's transaction).</summary>
    public const int FlushEvery = 20_000;

    public SweepRun Sweep(DateOnly asOf)
    {
        var policy = Policy();
        var facts = Dormancy(policy, asOf);
        using var tx = PoolTransaction.ForPool(db);
        var store = PoolStore.Load(db, null);
        var work = new Work(store.State, flushEvery, (events, lines) => store.Append(events, lines, clock));
        var posting = PostOrders(work, policy, asOf);
        RecordEngagements(work, asOf);
        var sweep = PoolSweep.Run(work.State, facts.Where(f => work.State.Find(f.AccountId) is not null), policy, asOf);
        store.Save(sweep.State, work.Changed.Concat(sweep.ChangedAccounts), work.Events.Concat(sweep.Events), work.Lines, clock);
        tx.Commit();
        return new SweepRun(sweep, posting);
    }

    /// <summary>Accounts due for the sweep within poolNoticeDays, optionally of one owner; reads only.</summary>
    public IReadOnlyList<ReleaseWarning> Upcoming(DateOnly asOf, string? ownerRepId)
    {
        var policy = Policy();
        var facts = Dormancy(policy, asOf);
        var work = new Work(PoolStore.Load(db, null).State, flushEvery, null);
        PostOrders(work, policy, asOf);
        RecordEngagements(work, asOf);
        return PoolSweep.Upcoming(work.State, facts.Where(f => work.State.Find(f.AccountId) is not null), policy, asOf, ownerRepId);
    }

    public PostingResult Post(DateOnly asOf)
    {
        var policy = Policy();
        using var tx = PoolTransaction.ForPool(db);
        var accounts = ToBook(asOf).Select(o => o.AccountId).Concat(ToReverse().Select(l => l.AccountId)).Distinct(StringComparer.Ordinal).ToList();
        var store = PoolStore.Load(db, accounts);
        var work = new Work(store.State, flushEvery, (events, lines) => store.Append(events, lines, clock));
        var posting = PostOrders(work, policy, asOf);
        store.Save(work.State, work.Changed, work.Events, work.Lines, clock);
        tx.Commit();
        return posting;
    }

    private PostingResult PostOrders(Work work, Policy policy, DateOnly asOf)
    {
        var booked = 0;
        foreach (var order in ToBook(asOf))
        {
            var owner = work.State.Find(order.AccountId)?.TenureOn(order.On)?.RepId;
            if (owner is not null && work.State.FindRep(owner) is null)
            {
                continue; // An owner the workspace has no rep row for: no rate to pay commission at.
            }

            // Order ids are unique and ToBook leaves out every order the ledger has: no line of this run can repeat one.
            var posted = OrderCredits.Book(work.State, IncentiveLedger.Empty, order, policy);
            booked += posted.Lines.Count > 0 ? 1 : 0;
            work.Apply(posted);
        }

        var reversed = 0;
        var credited = ToReverse();
        var ledger = IncentiveLedger.Of(credited.Select(PoolStore.Line));
        foreach (var orderId in credited.Select(l => l.OrderId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var posted = OrderCredits.Refund(work.State, ledger, orderId, asOf);
            reversed += posted.Lines.Count > 0 ? 1 : 0;
            work.Apply(posted);
            ledger = posted.Ledger;
        }

        work.Flush();
        return new PostingResult(booked, reversed, work.LinesWritten);
    }

    /// <summary>Booked orders up to <paramref name="asOf"/> with no ledger line yet, in date order.</summary>
    private List<BookedOrder> ToBook(DateOnly asOf) => db.Orders.AsNoTracking()
        .Where(o => o.Status == OrderStatus.Booked && o.OrderDate <= asOf && !db.LedgerLines.Any(l => l.OrderId == o.OrderId))
        .Select(o => new { o.OrderId, o.AccountId, o.OrderDate, o.ReportingAmount })
        .ToList()
        .Select(o => new BookedOrder(o.OrderId, o.AccountId, o.OrderDate, o.ReportingAmount))
        .Where(o => o.Amount > 0m)
        .OrderBy(o => o.On).ThenBy(o => o.OrderId, StringComparer.Ordinal)
        .ToList();

    /// <summary>The ledger lines of orders no longer booked (refunded, cancelled) whose credits do not net to zero yet.</summary>
    private List<LedgerEntry> ToReverse() => db.LedgerLines.AsNoTracking()
        .Where(l => db.Orders.Any(o => o.OrderId == l.OrderId && o.Status != OrderStatus.Booked))
        .OrderBy(l => l.Id)
        .ToList()
        .GroupBy(l => l.OrderId, StringComparer.Ordinal)
        .Where(g => g.Sum(l => l.Amount) != 0m)
        .SelectMany(g => g)
        .ToList();

    /// <summary>The latest engagement up to <paramref name="asOf"/> on each claimed account restarts its claim's expiry clock.</summary>
    private void RecordEngagements(Work work, DateOnly asOf)
    {
        var claimed = work.State.Accounts.Values.Where(a => a.Claim is { IsOpen: true }).Select(a => a.AccountId).ToList();
        if (claimed.Count == 0)
        {
            return;
        }

        var latest = db.Engagements.AsNoTracking()
            .Where(e => claimed.Contains(e.AccountId) && e.Date <= asOf)
            .GroupBy(e => e.AccountId)
            .Select(g => new { AccountId = g.Key, Last = g.Max(e => e.Date) })
            .ToList();
        foreach (var e in latest.OrderBy(e => e.AccountId, StringComparer.Ordinal))
        {
            var decision = PoolClaims.RecordActivity(work.State, e.AccountId, e.Last);
            work.State = decision.State;
            work.Changed.UnionWith(decision.ChangedAccounts);
        }
    }

    private List<DormancyFact> Dormancy(Policy policy, DateOnly asOf)
    {
        var loaded = WorkspaceBook.Load(db);
        return [.. DormancyClock.Facts(LifecycleEngine.Classify(loaded.Book, policy, asOf))];
    }

    private Policy Policy() => new WorkspacePolicies(db, clock).CurrentPolicy().Policy;

    /// <summary>
    /// The state a use case works on, and the events and lines it has made. <paramref name="write"/> takes them in
    /// batches as they grow (null: a read-only use, which drops them).
    /// </summary>
    private sealed class Work(PoolState state, int flushEvery, Action<IReadOnlyList<AuditEvent>, IReadOnlyList<LedgerLine>>? write)
    {
        public PoolState State { get; set; } = state;
        public HashSet<string> Changed { get; } = new(StringComparer.Ordinal);
        public List<AuditEvent> Events { get; } = [];
        public List<LedgerLine> Lines { get; } = [];
        public int LinesWritten { get; private set; }

        public void Apply(OrderPosting posted)
        {
            State = posted.State;
            Changed.UnionWith(posted.ChangedAccounts);
            Events.AddRange(posted.Events);
            Lines.AddRange(posted.Lines);
            if (Lines.Count >= flushEvery)
            {
                Flush();
            }
        }

        public void Flush()
        {
            LinesWritten += Lines.Count;
            write?.Invoke(Events, Lines);
            Events.Clear();
            Lines.Clear();
        }
    }
}
