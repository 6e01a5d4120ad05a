using Rekindle.Pool;
using static Rekindle.Core.Tests.TestBook;

namespace Rekindle.Core.Tests.Pool;

/// <summary>Early releases by the owner and the one-step move of a departing rep's accounts.</summary>
public class ReleaseTests
{
    [Fact]
    public void ReleaseEarly_Owner_PoolEntryWithReasonAndEvent()
    {
        var d = PoolReleases.ReleaseEarly(PoolKit.Owned(1), "A1", "R1", "  moved to a competitor ", D("2026-03-01"));
        Assert.Equal(new PoolEntry("A1", D("2026-03-01"), "R1", ReleaseReason.EarlyRelease, "R1", "moved to a competitor"), d.Value);
        Assert.True(d.State.Get("A1").InPool);
        var e = Assert.Single(d.Events);
        Assert.Equal((AuditAction.AccountReleased, "R1", "early_release", "moved to a competitor"), (e.Action, e.Actor, e.Code, e.Why));
    }

    [Theory]
    [InlineData("NOPE", "R1", "why", RefusalRule.AccountUnknown)]
    [InlineData("A1", "R2", "why", RefusalRule.NotOwner)]
    [InlineData("A2", "R1", "why", RefusalRule.NotOwner)]
    [InlineData("A1", "R1", " ", RefusalRule.ReasonRequired)]
    public void ReleaseEarly_RuleBroken_RefusedAndLogged(string account, string rep, string why, RefusalRule rule)
    {
        var s = PoolKit.Owned(2).ReleaseEarly("A2", "2026-01-01");
        var d = PoolReleases.ReleaseEarly(s, account, rep, why, D("2026-03-01"));
        Assert.Equal(rule, d.Refusal?.Rule);
        Assert.Same(s, d.State);
        Assert.Equal(AuditAction.ActionRefused, Assert.Single(d.Events).Action);
    }

    [Fact]
    public void ReleaseEarly_ClaimerLetsGo_ClaimEndsAndClaimerIsPreviousOwner()
    {
        var s = PoolKit.Owned(1).ReleaseEarly("A1", "2026-01-01").Claim("A1", "R2", "2026-01-02").ReleaseEarly("A1", "2026-02-01");
        var a = s.Get("A1");
        Assert.Equal("R2", a.Entry!.PreviousOwnerRepId);
        Assert.Equal(D("2026-02-01"), a.Claims[0].EndedOn);
        Assert.False(a.Claims[0].IsOpen);
        Assert.Equal(0, s.OpenClaims("R2"));
    }

    [Fact]
    public void DeactivateRep_ToPool_ReleasesEveryAccountInOneStep()
    {
        var s = PoolKit.State(("A1", "R1"), ("A2", "R1"), ("A3", "R2"), ("A4", "R3")).ReleaseEarly("A4", "2026-01-01").Claim("A4", "R1", "2026-01-02");
        var d = PoolReleases.DeactivateRep(s, "R1", Handover.ToPool, "M1", D("2026-02-01"));
        Assert.Equal(["A1", "A2", "A4"], d.Value);
        Assert.Equal(["A1", "A2", "A4"], d.ChangedAccounts);
        Assert.All(d.Value!, a => Assert.Equal(ReleaseReason.RepDeactivated, d.State.Get(a).Entry!.Reason));
        Assert.Equal("R2", d.State.Get("A3").Owner);
        Assert.False(d.State.FindRep("R1")!.Active);
        Assert.Equal(D("2026-02-01"), d.State.Get("A4").Claims[0].EndedOn);
        Assert.Equal(
            [AuditAction.AccountReleased, AuditAction.AccountReleased, AuditAction.AccountReleased, AuditAction.RepDeactivated],
            d.Events.Select(e => e.Action));
        Assert.All(d.Events, e => Assert.Equal("M1", e.Actor));
    }

    [Fact]
    public void DeactivateRep_ToActiveRep_ReassignsWithFreshTenure()
    {
        var s = PoolKit.State(("A1", "R1"), ("A2", "R1"));
        var d = PoolReleases.DeactivateRep(s, "R1", Handover.To("R3"), "M1", D("2026-02-01"));
        Assert.Equal(["A1", "A2"], d.Value);
        Assert.All(d.Value!, a =>
        {
            Assert.Equal("R3", d.State.Get(a).Owner);
            Assert.Equal(D("2026-02-01"), d.State.Get(a).OwnedSince);
            Assert.Equal(TenureKind.Reassigned, d.State.Get(a).CurrentTenure!.Kind);
            Assert.False(d.State.Get(a).InPool);
        });
        var moved = d.Events.Where(e => e.Action == AuditAction.AccountReassigned).ToList();
        Assert.Equal(2, moved.Count);
        Assert.All(moved, e => Assert.Equal(("R1", "R3"), (e.RepId, e.OtherRepId)));
        Assert.Equal(RefusalRule.RepInactive, d.State.ClaimRefusal("A1", "R1", "2026-02-02")?.Rule);
    }

    [Theory]
    [InlineData("GHOST", "R2", RefusalRule.RepUnknown)]
    [InlineData("R1", "R1", RefusalRule.SameRep)]
    [InlineData("R1", "GHOST", RefusalRule.TargetUnknown)]
    [InlineData("R1", "OFF", RefusalRule.TargetInactive)]
    public void DeactivateRep_BadHandover_RefusedNothingMoves(string rep, string target, RefusalRule rule)
    {
        var s = PoolKit.State(("A1", "R1"));
        var d = PoolReleases.DeactivateRep(s, rep, Handover.To(target), "M1", D("2026-02-01"));
        Assert.Equal(rule, d.Refusal?.Rule);
        Assert.Same(s, d.State);
        Assert.Equal("M1", Assert.Single(d.Events).Actor);
    }

    [Fact]
    public void DeactivateRep_AlreadyInactiveWithNothingLeft_ChangesNothing()
    {
        var d = PoolReleases.DeactivateRep(PoolKit.State(("A1", "R1")), "OFF", Handover.ToPool, "M1", D("2026-02-01"));
        Assert.True(d.Granted);
        Assert.Empty(d.Value!);
        Assert.Empty(d.Events);
    }
}
