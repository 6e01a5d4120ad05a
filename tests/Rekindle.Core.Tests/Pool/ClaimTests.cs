using Rekindle.Incentives;
using Rekindle.Pool;
using static Rekindle.Core.Tests.TestBook;

namespace Rekindle.Core.Tests.Pool;

/// <summary>Claims: every refusal rule, the limits at N-1, N and N+1, the cooldown the day before, on and after.</summary>
public class ClaimTests
{
    [Fact]
    public void Claim_PooledAccount_GrantedWithClaimTenureAndEvent()
    {
        var s = PoolKit.Owned(1).ReleaseEarly("A1", "2026-01-01");
        var d = PoolClaims.Claim(s, "A1", "R2", PoolKit.Policy, D("2026-01-05"));
        Assert.True(d.Granted);
        var claim = d.Value!;
        Assert.Equal((new ClaimId("A1#1"), "R2", D("2026-01-05"), "R1"), (claim.Id, claim.RepId, claim.ClaimedOn, claim.PreviousOwnerRepId));
        Assert.True(claim.IsOpen);
        var standing = d.State.Get("A1");
        Assert.Equal("R2", standing.Owner);
        Assert.Equal(new Tenure("R2", D("2026-01-05"), TenureKind.Claimed, claim.Id), standing.CurrentTenure);
        Assert.Equal(["A1"], d.ChangedAccounts);
        var e = Assert.Single(d.Events);
        Assert.Equal((AuditAction.ClaimGranted, "R2", "R2", "R1", "A1#1", "early_release"), (e.Action, e.Actor, e.RepId, e.OtherRepId, e.ClaimId, e.Code));
    }

    [Theory]
    [InlineData("GHOST", "A1", RefusalRule.RepUnknown)]
    [InlineData("OFF", "A1", RefusalRule.RepInactive)]
    [InlineData("R2", "NOPE", RefusalRule.AccountNotInPool)]
    [InlineData("R2", "A2", RefusalRule.AccountNotInPool)]
    [InlineData("R2", "A3", RefusalRule.AlreadyClaimed)]
    [InlineData("R1", "A1", RefusalRule.ReclaimCooldown)]
    public void Claim_RuleBroken_RefusedWithThatRule(string rep, string account, RefusalRule rule)
    {
        var s = PoolKit.Owned(3).ReleaseEarly("A1", "2026-01-01").ReleaseEarly("A3", "2026-01-01").Claim("A3", "R4", "2026-01-02");
        var d = PoolClaims.Claim(s, account, rep, PoolKit.Policy, D("2026-01-05"));
        Assert.Equal(rule, d.Refusal?.Rule);
        Assert.Same(s, d.State);
        Assert.Empty(d.ChangedAccounts);
        var e = Assert.Single(d.Events);
        Assert.Equal((AuditAction.ClaimRefused, rep, PoolCodes.Of(rule), d.Refusal!.Message), (e.Action, e.RepId, e.Code, e.Why));
    }

    [Fact]
    public void Claim_TwoRepsSameAccount_ExactlyOneWins()
    {
        var s = PoolKit.Owned(1).ReleaseEarly("A1", "2026-01-01");
        var first = PoolClaims.Claim(s, "A1", "R2", PoolKit.Policy, D("2026-01-05"));
        var second = PoolClaims.Claim(first.State, "A1", "R3", PoolKit.Policy, D("2026-01-05"));
        Assert.True(first.Granted);
        Assert.Equal(RefusalRule.AlreadyClaimed, second.Refusal?.Rule);
        Assert.Equal("A1 was claimed by R2 on 2026-01-05.", second.Refusal!.Message);
    }

    [Theory]
    [InlineData(4, null)]
    [InlineData(5, RefusalRule.DailyClaimLimit)]
    [InlineData(6, RefusalRule.DailyClaimLimit)]
    public void Claim_ClaimsMadeTodayAroundMaxClaimsPerRepPerDay_RefusedFromN(int madeToday, RefusalRule? expected)
    {
        var s = PoolKit.Owned(8);
        for (var i = 1; i <= 8; i++)
        {
            s = s.ReleaseEarly($"A{i}", "2026-01-01");
        }

        var policy = PoolKit.Policy with { MaxClaimsPerRepPerDay = 5 };
        var made = Math.Min(madeToday, 5);
        for (var i = 1; i <= made; i++)
        {
            s = s.Claim($"A{i}", "R2", "2026-01-05", policy);
        }

        // a sixth claim made today cannot be granted, so N+1 is the facts-level check
        var facts = new ClaimFacts(s.FindRep("R2"), s.Get("A8"), madeToday, 0);
        Assert.Equal(expected, PoolClaims.Check(facts, "A8", "R2", policy, D("2026-01-05"))?.Rule);
        if (madeToday <= 5)
        {
            Assert.Equal(expected, s.ClaimRefusal("A8", "R2", "2026-01-05", policy)?.Rule);
        }

        Assert.Null(s.ClaimRefusal("A8", "R2", "2026-01-06", policy));
    }

    [Fact]
    public void Claim_ClaimsReleasedSameDay_StillCountTowardTheDailyLimit()
    {
        var policy = PoolKit.Policy with { MaxClaimsPerRepPerDay = 2 };
        var s = PoolKit.Owned(3).ReleaseEarly("A1", "2026-01-01").ReleaseEarly("A2", "2026-01-01").ReleaseEarly("A3", "2026-01-01")
            .Claim("A1", "R2", "2026-01-05", policy).ReleaseEarly("A1", "2026-01-05", "R2")
            .Claim("A2", "R2", "2026-01-05", policy);
        Assert.Equal(RefusalRule.DailyClaimLimit, s.ClaimRefusal("A3", "R2", "2026-01-05", policy)?.Rule);
    }

    [Theory]
    [InlineData(2, null)]
    [InlineData(3, RefusalRule.OpenClaimLimit)]
    [InlineData(4, RefusalRule.OpenClaimLimit)]
    public void Claim_OpenClaimsAroundMaxOpenClaimsPerRep_RefusedFromN(int open, RefusalRule? expected)
    {
        var policy = PoolKit.Policy with { MaxOpenClaimsPerRep = 3 };
        var s = PoolKit.Owned(6);
        for (var i = 1; i <= 6; i++)
        {
            s = s.ReleaseEarly($"A{i}", "2026-01-01");
        }

        for (var i = 1; i <= Math.Min(open, 3); i++)
        {
            s = s.Claim($"A{i}", "R2", $"2026-01-0{i + 1}", policy);
        }

        Assert.Equal(Math.Min(open, 3), s.OpenClaims("R2"));
        var facts = new ClaimFacts(s.FindRep("R2"), s.Get("A6"), 0, open);
        Assert.Equal(expected, PoolClaims.Check(facts, "A6", "R2", policy, D("2026-02-01"))?.Rule);
        if (open <= 3)
        {
            Assert.Equal(expected, s.ClaimRefusal("A6", "R2", "2026-02-01", policy)?.Rule);
        }
    }

    [Fact]
    public void Claim_ClaimWithASale_NoLongerOpenSoFreesTheLimit()
    {
        var policy = PoolKit.Policy with { MaxOpenClaimsPerRep = 1 };
        var s = PoolKit.Owned(2).ReleaseEarly("A1", "2026-01-01").ReleaseEarly("A2", "2026-01-01").Claim("A1", "R2", "2026-01-02", policy);
        Assert.Equal(RefusalRule.OpenClaimLimit, s.ClaimRefusal("A2", "R2", "2026-01-10", policy)?.Rule);
        s = OrderCredits.Book(s, IncentiveLedger.Empty, new BookedOrder("O1", "A1", D("2026-01-09"), 500m), policy).State;
        Assert.Null(s.ClaimRefusal("A2", "R2", "2026-01-10", policy));
    }

    [Theory]
    [InlineData("2026-06-29", 179, true)]
    [InlineData("2026-06-30", 180, false)]
    [InlineData("2026-07-01", 181, false)]
    public void Claim_PreviousOwnerAroundReclaimCooldownDays_RefusedBeforeDayN(string on, int days, bool refused)
    {
        Assert.Equal(days, D(on).DayNumber - D("2026-01-01").DayNumber);
        var s = PoolKit.Owned(1).ReleaseEarly("A1", "2026-01-01");
        var refusal = s.ClaimRefusal("A1", "R1", on);
        Assert.Equal(refused ? RefusalRule.ReclaimCooldown : null, refusal?.Rule);
        if (refused)
        {
            Assert.Equal("R1 released A1 on 2026-01-01; reclaimCooldownDays = 180, so not before 2026-06-30.", refusal!.Message);
        }
    }

    [Fact]
    public void Claim_ExpiredClaimer_IsPreviousOwnerInCooldown()
    {
        var s = PoolKit.Owned(1).ReleaseEarly("A1", "2026-01-01").Claim("A1", "R2", "2026-01-02");
        s = PoolSweep.Run(s, [], PoolKit.Policy, D("2026-04-02")).State;
        Assert.Equal(RefusalRule.ReclaimCooldown, s.ClaimRefusal("A1", "R2", "2026-04-03")?.Rule);
        Assert.Equal(RefusalRule.ReclaimCooldown, s.ClaimRefusal("A1", "R1", "2026-04-03")?.Rule);
        Assert.Null(s.ClaimRefusal("A1", "R3", "2026-04-03"));
    }

    [Fact]
    public void Claim_SecondClaimOfAccount_GetsNextSequenceId()
    {
        var s = PoolKit.Owned(1).ReleaseEarly("A1", "2026-01-01").Claim("A1", "R2", "2026-01-02").ReleaseEarly("A1", "2026-01-03");
        var d = PoolClaims.Claim(s, "A1", "R3", PoolKit.Policy, D("2026-01-04"));
        Assert.Equal(new ClaimId("A1#2"), d.Value!.Id);
        Assert.Equal("R2", d.Value.PreviousOwnerRepId);
        Assert.Equal(D("2026-01-03"), d.State.Get("A1").Claims[0].EndedOn);
    }

    [Fact]
    public void Listing_Pool_ShowsReleaseFactsWithoutTheNoteText()
    {
        var s = PoolKit.Owned(3).Note("A2", "R1", "2026-01-01").ReleaseEarly("A2", "2026-01-01").ReleaseEarly("A1", "2026-02-01");
        var list = PoolListing.List(s, D("2026-02-11"));
        Assert.Equal(
            [new("A2", D("2026-01-01"), 41, "R1", ReleaseReason.EarlyRelease, "no longer buying from us", true, 0),
             new PooledAccount("A1", D("2026-02-01"), 10, "R1", ReleaseReason.EarlyRelease, "no longer buying from us", false, 0)],
            list);
    }
}
