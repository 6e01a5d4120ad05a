using Rekindle.Incentives;
using Rekindle.Pool;
using static Rekindle.Core.Tests.TestBook;

namespace Rekindle.Core.Tests.Pool;

/// <summary>The sweep at its boundaries: dormant days, the claim-expiry clock, the notice window, idempotence.</summary>
public class SweepTests
{
    private static SweepResult Run(PoolState s, string asOf, params (string Account, string Since)[] dormant) =>
        PoolSweep.Run(s, dormant.Select(f => new DormancyFact(f.Account, D(f.Since))), PoolKit.Policy, D(asOf));

    [Theory]
    [InlineData("2026-01-30", 29, false)]
    [InlineData("2026-01-31", 30, true)]
    [InlineData("2026-02-01", 31, true)]
    public void Run_DormantDaysAroundPoolAfterDormantDays_ReleasesFromThirty(string asOf, int daysDormant, bool released)
    {
        Assert.Equal(daysDormant, D(asOf).DayNumber - D("2026-01-01").DayNumber);
        var result = Run(PoolKit.Owned(1), asOf, ("A1", "2026-01-01"));
        Assert.Equal(released, result.State.Get("A1").InPool);
        Assert.Equal(released ? ["A1"] : [], result.ChangedAccounts);
    }

    [Fact]
    public void Run_Released_EntryNamesPreviousOwnerReasonAndSweepDate()
    {
        var result = Run(PoolKit.Owned(1, "R2"), "2026-02-01", ("A1", "2026-01-01"));
        var entry = Assert.Single(result.Released);
        Assert.Equal(new PoolEntry("A1", D("2026-02-01"), "R2", ReleaseReason.DormantSweep, AuditActors.Sweep, entry.Why), entry);
        Assert.Contains("31 days >= poolAfterDormantDays 30", entry.Why, StringComparison.Ordinal);
        Assert.Null(result.State.Get("A1").Owner);
        Assert.Equal(D("2026-02-01"), result.State.Get("A1").Tenures[^1].To);
        var released = Assert.Single(result.Events, e => e.Action == AuditAction.AccountReleased);
        Assert.Equal(("A1", "R2", "dormant_sweep", AuditActors.Sweep), (released.AccountId, released.RepId, released.Code, released.Actor));
    }

    [Fact]
    public void Run_OwnersAlike_SameRuleForEveryOwnerNoExemption()
    {
        var s = PoolKit.State(("A1", "R1"), ("A2", "R2"), ("A3", "R3"), ("A4", null));
        var result = Run(s, "2026-01-31", ("A1", "2026-01-01"), ("A2", "2026-01-01"), ("A3", "2026-01-01"), ("A4", "2026-01-01"));
        Assert.Equal(["A1", "A2", "A3", "A4"], result.Released.Select(r => r.AccountId));
        Assert.Null(result.Released[3].PreviousOwnerRepId);
        var poolMembers = typeof(PoolState).Assembly.GetTypes().Where(t => t.Namespace == "Rekindle.Pool").SelectMany(t => t.GetMembers());
        Assert.DoesNotContain(poolMembers, m => m.Name.Contains("Exempt", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("2026-03-30", false)]
    [InlineData("2026-03-31", true)]
    public void Run_OwnerGotDormantAccountLater_ClockFromTheDayTheyGotIt(string asOf, bool released)
    {
        var s = PoolState.Of(PoolKit.State().Reps.Values, [AccountStanding.Owned("A1", "R2", D("2026-03-01"))]);
        var result = Run(s, asOf, ("A1", "2025-01-01"));
        Assert.Equal(released, result.State.Get("A1").InPool);
    }

    [Theory]
    [InlineData("2026-03-31", 89, false)]
    [InlineData("2026-04-01", 90, true)]
    [InlineData("2026-04-02", 91, true)]
    public void Run_IdleDaysAroundClaimExpiryDays_ReturnsFromNinety(string asOf, int idle, bool returned)
    {
        Assert.Equal(idle, D(asOf).DayNumber - D("2026-01-01").DayNumber);
        var s = PoolKit.Owned(1).ReleaseEarly("A1", "2025-12-01").Claim("A1", "R2", "2026-01-01");
        var result = Run(s, asOf, ("A1", "2024-01-01"));
        Assert.Equal(returned, result.State.Get("A1").InPool);
        Assert.Equal(returned ? 1 : 0, result.Returned.Count);
        Assert.Empty(result.Released);
        if (returned)
        {
            var entry = result.State.Get("A1").Entry!;
            Assert.Equal(("R2", ReleaseReason.ClaimExpired), (entry.PreviousOwnerRepId, entry.Reason));
            Assert.Equal(D(asOf), result.State.Get("A1").Claims[^1].EndedOn);
            var e = Assert.Single(result.Events, e => e.Action == AuditAction.ClaimReturned);
            Assert.Equal(("A1#1", "claim_expired"), (e.ClaimId, e.Code));
        }
    }

    [Theory]
    [InlineData("2026-02-01", "2026-05-01", false)]
    [InlineData("2026-02-01", "2026-05-02", true)]
    [InlineData("2025-12-15", "2026-03-31", false)]
    [InlineData("2025-12-15", "2026-04-01", true)]
    public void Run_ExpiryClock_RunsFromLaterOfActivityAndClaim(string activity, string asOf, bool returned)
    {
        var s = PoolKit.Owned(1).ReleaseEarly("A1", "2025-12-01").Claim("A1", "R2", "2026-01-01");
        s = PoolClaims.RecordActivity(s, "A1", D(activity)).State;
        Assert.Equal(returned, Run(s, asOf).State.Get("A1").InPool);
    }

    [Fact]
    public void Run_ClaimedToday_NeverReturnedOnDayOne()
    {
        var policy = PoolKit.Policy with { ClaimExpiryDays = 1 };
        var s = PoolKit.Owned(1).ReleaseEarly("A1", "2024-06-01").Claim("A1", "R2", "2026-01-01");
        var dormant = new[] { new DormancyFact("A1", D("2024-01-01")) };
        Assert.False(PoolSweep.Run(s, dormant, policy, D("2026-01-01")).State.Get("A1").InPool);
        Assert.True(PoolSweep.Run(s, dormant, policy, D("2026-01-02")).State.Get("A1").InPool);
    }

    [Fact]
    public void Run_OpenClaimOnLongDormantAccount_DormancyDoesNotReleaseIt()
    {
        var s = PoolKit.Owned(1).ReleaseEarly("A1", "2025-12-01").Claim("A1", "R2", "2026-01-01");
        var result = Run(s, "2026-02-15", ("A1", "2023-01-01"));
        Assert.Equal("R2", result.State.Get("A1").Owner);
    }

    [Fact]
    public void Run_ClaimWithASale_NotReturnedHowEverIdle()
    {
        var s = PoolKit.Owned(1).ReleaseEarly("A1", "2025-12-01").Claim("A1", "R2", "2026-01-01");
        s = OrderCredits.Book(s, IncentiveLedger.Empty, new BookedOrder("O1", "A1", D("2026-01-10"), 100m), PoolKit.Policy).State;
        Assert.Equal("R2", Run(s, "2026-12-31").State.Get("A1").Owner);
    }

    [Theory]
    [InlineData("2026-01-15", null)]
    [InlineData("2026-01-16", 15)]
    [InlineData("2026-01-17", 14)]
    [InlineData("2026-01-30", 1)]
    [InlineData("2026-01-31", null)]
    public void Upcoming_DaysLeftAroundPoolNoticeDays_WarnsFourteenDaysAhead(string asOf, int? expected)
    {
        var policy = PoolKit.Policy with { PoolNoticeDays = 15 };
        var warnings = PoolSweep.Upcoming(PoolKit.Owned(1), [new DormancyFact("A1", D("2026-01-01"))], policy, D(asOf));
        Assert.Equal(expected, warnings.SingleOrDefault()?.DaysLeft);
        var defaults = PoolSweep.Upcoming(PoolKit.Owned(1), [new DormancyFact("A1", D("2026-01-01"))], PoolKit.Policy, D(asOf));
        Assert.Equal(expected is > 14 ? null : expected, defaults.SingleOrDefault()?.DaysLeft);
    }

    [Fact]
    public void Upcoming_ByRep_ListsThatOwnersAccountsAndClaimsSoonestFirst()
    {
        var s = PoolKit.State(("A1", "R1"), ("A2", "R2"), ("A3", "R1"), ("A4", "R3"))
            .ReleaseEarly("A4", "2025-12-01").Claim("A4", "R1", "2026-01-01");
        var dormant = new[] { new DormancyFact("A1", D("2026-03-01")), new DormancyFact("A2", D("2026-03-01")), new DormancyFact("A3", D("2026-02-28")) };
        var warnings = PoolSweep.Upcoming(s, dormant, PoolKit.Policy, D("2026-03-25"), "R1");
        Assert.Equal(
            [new("A3", "R1", ReleaseReason.DormantSweep, D("2026-03-30"), 5), new("A1", "R1", ReleaseReason.DormantSweep, D("2026-03-31"), 6),
             new ReleaseWarning("A4", "R1", ReleaseReason.ClaimExpired, D("2026-04-01"), 7)],
            warnings);
    }

    [Fact]
    public void Run_Twice_SecondChangesNothing()
    {
        var s = PoolKit.Owned(3).ReleaseEarly("A3", "2025-12-01").Claim("A3", "R2", "2026-01-01");
        var first = Run(s, "2026-04-01", ("A1", "2026-01-01"), ("A2", "2026-03-20"));
        var second = Run(first.State, "2026-04-01", ("A1", "2026-01-01"), ("A2", "2026-03-20"));
        Assert.Equal((1, 1), (first.Released.Count, first.Returned.Count));
        Assert.Same(first.State, second.State);
        Assert.Empty(second.Released);
        Assert.Empty(second.Returned);
        Assert.Empty(second.ChangedAccounts);
        Assert.Equal(first.Upcoming, second.Upcoming);
        var run = Assert.Single(second.Events);
        Assert.Equal(AuditAction.SweepRun, run.Action);
        Assert.StartsWith("sweep as of 2026-04-01: 0 released, 0 claims returned", run.What, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_FactForUnknownAccount_Throws() =>
        Assert.Throws<ArgumentException>(() => Run(PoolKit.Owned(1), "2026-04-01", ("NOPE", "2026-01-01")));
}
