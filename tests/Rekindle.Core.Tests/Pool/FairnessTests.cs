using Rekindle.Incentives;
using Rekindle.Pool;
using static Rekindle.Core.Tests.TestBook;

namespace Rekindle.Core.Tests.Pool;

/// <summary>The fairness report computed from the audit log of a scripted month.</summary>
public class FairnessTests
{
    private static AuditLog Script()
    {
        var s = PoolKit.Owned(4);
        var ledger = IncentiveLedger.Empty;
        var log = AuditLog.Empty;
        void Take<T>(Decision<T> d) where T : class => (s, log) = (d.State, log.Append(d.Events));
        void Book(string id, string account, string on, decimal amount)
        {
            var p = OrderCredits.Book(s, ledger, new BookedOrder(id, account, D(on), amount), PoolKit.Policy);
            (s, ledger, log) = (p.State, p.Ledger, log.Append(p.Events));
        }

        Take(HandoffNotes.Write(s, new HandoffNote("A1", "R1", D("2026-01-01"), "CFO", "tender", "none")));
        Take(PoolReleases.ReleaseEarly(s, "A1", "R1", "no fit", D("2026-01-01")));
        Take(PoolReleases.ReleaseEarly(s, "A2", "R1", "no fit", D("2026-01-01")));
        var sweep = PoolSweep.Run(s, [new DormancyFact("A3", D("2025-12-01"))], PoolKit.Policy, D("2026-01-01"));
        (s, log) = (sweep.State, log.Append(sweep.Events));
        Take(PoolClaims.Claim(s, "A1", "R2", PoolKit.Policy, D("2026-01-05")));
        Take(PoolClaims.Claim(s, "A2", "R2", PoolKit.Policy, D("2026-01-05")));
        Take(PoolClaims.Claim(s, "A2", "R3", PoolKit.Policy, D("2026-01-05")));
        Take(PoolClaims.Claim(s, "A3", "R1", PoolKit.Policy, D("2026-01-05")));
        Take(PoolClaims.Claim(s, "A3", "R3", PoolKit.Policy, D("2026-01-11")));
        Book("O1", "A1", "2026-01-15", 1000m);
        Book("O2", "A1", "2026-02-01", 500m);
        Book("O3", "A3", "2026-01-21", 200m);
        var refund = OrderCredits.Refund(s, ledger, "O3", D("2026-01-25"));
        return log.Append(refund.Events);
    }

    [Fact]
    public void Build_January_PerRepClaimsRefusalsSalesRevenueIncentives()
    {
        var report = PoolFairness.Build(Script(), D("2026-01-01"), D("2026-01-31"));
        Assert.Equal(["R1", "R2", "R3"], report.Reps.Select(r => r.RepId));
        var (r1, r2, r3) = (report.Reps[0], report.Reps[1], report.Reps[2]);

        Assert.Equal((0, 105.00m, 0m), (r1.Claims, r1.IncentivesEarned, r1.RevenueWonBack));
        Assert.Equal(new Dictionary<RefusalRule, int> { [RefusalRule.ReclaimCooldown] = 1 }, r1.Refusals);

        Assert.Equal((2, 1, 0.5, 10.0, 1000m, 0m), (r2.Claims, r2.ClaimsWithFirstSale, r2.ClaimToFirstSaleRate, r2.MedianDaysToFirstSale, r2.RevenueWonBack, r2.IncentivesEarned));
        Assert.Equal(0, r2.RefusalCount);

        Assert.Equal((1, 0, 0.0, (double?)null, 0m), (r3.Claims, r3.ClaimsWithFirstSale, r3.ClaimToFirstSaleRate, r3.MedianDaysToFirstSale, r3.RevenueWonBack));
        Assert.Equal(new Dictionary<RefusalRule, int> { [RefusalRule.AlreadyClaimed] = 1 }, r3.Refusals);
    }

    [Fact]
    public void Build_January_PoolSizeEachDayAndMedianTimeInPool()
    {
        var report = PoolFairness.Build(Script(), D("2026-01-01"), D("2026-01-31"));
        Assert.Equal(31, report.PoolSize.Count);
        Assert.Equal([3, 3, 3, 3, 1, 1, 1, 1, 1, 1, 0], report.PoolSize.Take(11).Select(p => p.Accounts));
        Assert.Equal((3, 4.0, 0), (report.StaysEnded, report.MedianDaysInPool, report.StillInPool));
    }

    [Fact]
    public void Build_February_OnlyThatWindowsEvents()
    {
        var report = PoolFairness.Build(Script(), D("2026-02-01"), D("2026-02-28"));
        var r2 = Assert.Single(report.Reps);
        Assert.Equal(("R2", 0, 500m), (r2.RepId, r2.Claims, r2.RevenueWonBack));
        Assert.All(report.PoolSize, p => Assert.Equal(0, p.Accounts));
        Assert.Null(report.MedianDaysInPool);
    }
}
