using Microsoft.EntityFrameworkCore;
using Rekindle.App.Pool;
using Rekindle.Common;
using Rekindle.Incentives;
using Rekindle.Pool;
using static Rekindle.Storage.Tests.Pooling.PoolKit;

namespace Rekindle.Storage.Tests.Pooling;

/// <summary>Orders of the workspace through the ledger: commission in full, the handoff overlay, reversal on refund; the log is append-only.</summary>
public class PoolLedgerTests
{
    [Theory]
    [InlineData(WorkspaceProvider.Sqlite)]
    [PostgresData]
    public void Post_FirstSaleAfterClaimThenRefund_CreditsThenReversesIdempotently(WorkspaceProvider provider)
    {
        using var workspace = new TestWorkspace(provider);
        Reps(workspace, ["OLD"], rate: 0.04m);
        Reps(workspace, ["NEW"], rate: 0.05m);
        Accounts(workspace, "OLD", ["A1"]);
        using (var db = workspace.Open())
        {
            var actions = new PoolActions(db, Clock);
            Assert.True(actions.Note(new HandoffNote("A1", "OLD", D("2026-08-31"), "CFO decides", "annual tender", "IT vs finance")).Granted);
            Assert.True(actions.Release("A1", "OLD", "no time for it", D("2026-09-01")).Granted);
            var claim = actions.Claim("A1", "NEW", D("2026-09-02"));
            Assert.Equal("CFO decides", claim.Value!.Note!.Players);
        }

        Order(workspace, "O0", "A1", "2026-06-01", 200m);
        Order(workspace, "O1", "A1", "2026-09-10", 1000m);
        using (var db = workspace.Open())
        {
            var posted = new PoolSweeper(db, Clock).Post(D("2026-09-30"));
            Assert.Equal(2, posted.OrdersBooked);
        }

        using (var db = workspace.Open())
        {
            var queries = new PoolQueries(db);
            var old = queries.Statement("OLD", StatementPeriod.Parse("2026-09"));
            Assert.Equal(75.00m, old.Totals.HandoffBonus); // 5% of 1000 x 1.5 (released early)
            Assert.Equal(30.00m, old.Totals.Accelerator); // 2% of 1000 x 1.5, 8 days after the claim
            Assert.Equal(8.00m, queries.Statement("OLD", StatementPeriod.Parse("2026-06")).Totals.Commission); // its own order, 4%
            Assert.Equal(50.00m, queries.Statement("NEW", StatementPeriod.Parse("2026-09")).Totals.Commission); // in full: 5% of 1000
            Assert.NotNull(db.PoolClaims.AsNoTracking().Single().FirstSaleOn);
            db.Orders.Where(o => o.OrderId == "O1").ExecuteUpdate(s => s.SetProperty(o => o.Status, OrderStatus.Refunded));
        }

        using (var db = workspace.Open())
        {
            Assert.Equal(1, new PoolSweeper(db, Clock).Post(D("2026-10-05")).OrdersReversed);
            Assert.Equal(0, new PoolSweeper(db, Clock).Post(D("2026-10-05")).LinesWritten);
        }

        using (var check = workspace.Open())
        {
            var queries = new PoolQueries(check);
            var october = queries.Statement("OLD", StatementPeriod.Parse("2026-10"));
            Assert.Equal(-105.00m, october.Totals.Reversals);
            Assert.Equal(-105.00m, october.Totals.NetIncentiveOverlay);
            Assert.Equal(-50.00m, queries.Statement("NEW", StatementPeriod.Parse("2026-10")).Totals.NetCommission);
            Assert.Equal(0m, check.LedgerLines.AsNoTracking().Where(l => l.OrderId == "O1").Sum(l => l.Amount));
            Assert.Null(check.PoolClaims.AsNoTracking().Single().FirstSaleOn); // the claim is open again
            Assert.Equal(3, check.PoolEvents.Count(e => e.Action == "credit_reversed"));
        }
    }

    [Theory]
    [InlineData(WorkspaceProvider.Sqlite)]
    [PostgresData]
    public void Sweep_HistoryWrittenInBatches_SameLedgerAndLogAsOneWrite(WorkspaceProvider provider)
    {
        (int Lines, int Events, decimal Total, int Booked) Run(int flushEvery)
        {
            using var workspace = new TestWorkspace(provider);
            Reps(workspace, ["OLD"], rate: 0.04m);
            Reps(workspace, ["NEW"], rate: 0.05m);
            Accounts(workspace, "OLD", ["A1", "A2", "A3"]);
            using (var db = workspace.Open())
            {
                var actions = new PoolActions(db, Clock);
                actions.Note(new HandoffNote("A1", "OLD", D("2026-08-31"), "CFO decides", "annual tender", "IT vs finance"));
                actions.Release("A1", "OLD", "no time for it", D("2026-09-01"));
                actions.Claim("A1", "NEW", D("2026-09-02"));
            }

            for (var i = 0; i < 7; i++)
            {
                Order(workspace, $"O{i}", $"A{(i % 3) + 1}", $"2026-0{(i % 3) + 6}-1{i}", 100m + i);
            }

            Order(workspace, "O9", "A1", "2026-09-10", 1000m);
            using (var db = workspace.Open())
            {
                var run = new PoolSweeper(db, Clock, flushEvery).Sweep(D("2026-09-30"));
                Assert.Equal(0, new PoolSweeper(db, Clock, flushEvery).Post(D("2026-09-30")).LinesWritten);
                return (run.Posting.LinesWritten, db.PoolEvents.Count(), db.LedgerLines.Sum(l => l.Amount), run.Posting.OrdersBooked);
            }
        }

        var whole = Run(PoolSweeper.FlushEvery);
        var batched = Run(2);
        Assert.Equal(8, whole.Booked);
        Assert.Equal(10, whole.Lines); // 8 commissions, the handoff bonus and its accelerator
        Assert.Equal(whole, batched);
    }

    [Theory]
    [InlineData(WorkspaceProvider.Sqlite)]
    [PostgresData]
    public void AppendOnly_EventsLedgerAndNotes_CannotBeChangedOrDeleted(WorkspaceProvider provider)
    {
        using var workspace = new TestWorkspace(provider);
        Reps(workspace, ["R1"]);
        Accounts(workspace, "R1", ["A1"]);
        Order(workspace, "O1", "A1", "2026-09-10", 100m);
        using var db = workspace.Open();
        new PoolActions(db, Clock).Note(new HandoffNote("A1", "R1", D("2026-09-11"), "p", "p", "p"));
        new PoolSweeper(db, Clock).Post(D("2026-09-30"));
        db.ChangeTracker.Clear();

        var e = db.PoolEvents.First();
        e.Why = "rewritten";
        Assert.Throws<InvalidOperationException>(() => db.SaveChanges());
        db.ChangeTracker.Clear();
        db.LedgerLines.Remove(db.LedgerLines.First());
        Assert.Throws<InvalidOperationException>(() => db.SaveChanges());
        db.ChangeTracker.Clear();
        var n = db.PoolNotes.First();
        n.Players = "rewritten";
        Assert.Throws<InvalidOperationException>(() => db.SaveChanges());
        db.ChangeTracker.Clear();

        // The database refuses too, whoever writes SQL.
        foreach (var sql in new[]
        {
            "UPDATE pool_events SET why = 'x'", "DELETE FROM pool_events",
            "UPDATE ledger_lines SET amount = 0", "DELETE FROM ledger_lines",
            "UPDATE pool_notes SET players = 'x'", "DELETE FROM pool_notes",
        })
        {
            Assert.ThrowsAny<Exception>(() => db.Database.ExecuteSqlRaw(sql));
        }

        Assert.Equal(1, db.LedgerLines.Count());
        Assert.Equal("p", db.PoolNotes.AsNoTracking().Single().Players);
    }
}
