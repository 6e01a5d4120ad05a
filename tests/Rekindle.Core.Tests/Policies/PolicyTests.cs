using Rekindle.Common;
using Rekindle.Policies;
using Rekindle.Reactivation;

namespace Rekindle.Core.Tests.Policies;

public class PolicyTests
{
    [Fact]
    public void Defaults_ArePinned()
    {
        var p = Policy.Default;
        Assert.Equal(90, p.NewAccountDays);
        Assert.Equal(2.0, p.InactiveAfterCycles);
        Assert.Equal(3, p.RegularMinOrders);
        Assert.Equal(365, p.RegularWindowDays);
        Assert.Equal(90, p.EngagementWindowDays);
        Assert.Equal(365, p.DormantAfterDays);
        Assert.Equal(180, p.DormantPipelineDays);
        Assert.Equal(1095, p.CycleWindowDays);
        Assert.Equal(3, p.MinOrdersForOwnCycle);
        Assert.Null(p.FixedCycleDays);
        Assert.Equal(0.80m, p.KeyRevenueShare);
        Assert.Equal(30, p.PoolAfterDormantDays);
        Assert.Equal(14, p.PoolNoticeDays);
        Assert.Equal(5, p.MaxClaimsPerRepPerDay);
        Assert.Equal(20, p.MaxOpenClaimsPerRep);
        Assert.Equal(180, p.ReclaimCooldownDays);
        Assert.Equal(90, p.ClaimExpiryDays);
        Assert.Equal(0.05m, p.HandoffBonusRate);
        Assert.Null(p.HandoffBonusFixed);
        Assert.Equal(0.02m, p.AcceleratorRate);
        Assert.Equal(90, p.AcceleratorDays);
        Assert.Equal(1.5, p.EarlyReleaseBonusMultiplier);
        Assert.Equal(60, p.AttributionWindowDays);
        Assert.Equal(0.10m, p.HoldoutShare);
        Assert.Null(p.SignalModel);
        Assert.Equal(90, p.ModelHorizonDays);
        Assert.Equal(0.5m, p.SlippingAliveBelow);
        Assert.Equal(
            [EngagementKind.WebVisit, EngagementKind.EmailClick, EngagementKind.CallAnswered, EngagementKind.Meeting, EngagementKind.SupportTicket, EngagementKind.Event],
            p.EngagementKinds);
        Assert.Equal([90, 180, 365, 730], p.SegmentDowntimeEdgesDays!);
        Assert.Equal(new SpendTierShares(0.20m, 0.30m), p.SpendTierShares);
        Assert.Null(p.SpendTierCutPoints);
        Assert.Equal(
            [("personal_outreach", 1, null), ("release_to_pool", 4, null), ("find_contact", 2, null),
             ("favourite_product_offer", 2, Offer.PercentOff(10m)), ("loyalty_invitation", 2, Offer.AmountOff(50m)), ("we_miss_you", 3, Offer.PercentOff(15m))],
            p.Playbook.Rules.Select(r => (r.Play, r.Priority, r.Offer)));
        Assert.Empty(p.Validate());
    }

    [Fact]
    public void Write_ThenParse_RoundTripsEveryParameter()
    {
        var custom = Policy.Default with { NewAccountDays = 60, FixedCycleDays = 45, HandoffBonusFixed = 250m, EngagementKinds = [EngagementKind.Meeting] };
        var parsed = PolicyJson.Parse(PolicyJson.Write(custom));
        Assert.True(parsed.IsValid);
        Assert.Equal(custom, parsed.Policy);
    }

    [Fact]
    public void Parse_MissingKeys_KeepTheirDefaults()
    {
        var parsed = PolicyJson.Parse("""{ "dormantAfterDays": 400 }""");
        Assert.Equal(Policy.Default with { DormantAfterDays = 400 }, parsed.Policy);
    }

    [Theory]
    [InlineData("""{ "dormantAfterDay": 400 }""", "dormantAfterDay", "unknown key (did you mean dormantAfterDays?)")]
    [InlineData("""{ "colour": "red" }""", "colour", "unknown key")]
    [InlineData("""{ "newAccountDays": "ninety" }""", "newAccountDays", "must be a whole number, got a string \"ninety\"")]
    [InlineData("""{ "newAccountDays": 90.5 }""", "newAccountDays", "must be a whole number, got a number 90.5")]
    [InlineData("""{ "dormantAfterDays": -1 }""", "dormantAfterDays", "days must not be negative, got -1")]
    [InlineData("""{ "inactiveAfterCycles": 0 }""", "inactiveAfterCycles", "a multiplier must be greater than 0, got 0")]
    [InlineData("""{ "earlyReleaseBonusMultiplier": -1.5 }""", "earlyReleaseBonusMultiplier", "a multiplier must be greater than 0, got -1.5")]
    [InlineData("""{ "keyRevenueShare": 0 }""", "keyRevenueShare", "a share must be in (0, 1], got 0")]
    [InlineData("""{ "keyRevenueShare": 1.2 }""", "keyRevenueShare", "a share must be in (0, 1], got 1.2")]
    [InlineData("""{ "holdoutShare": -0.1 }""", "holdoutShare", "a share must be in (0, 1], got -0.1")]
    [InlineData("""{ "handoffBonusRate": 1.5 }""", "handoffBonusRate", "a rate must be in [0, 1], got 1.5")]
    [InlineData("""{ "handoffBonusFixed": -10 }""", "handoffBonusFixed", "an amount must not be negative, got -10")]
    [InlineData("""{ "fixedCycleDays": 0 }""", "fixedCycleDays", "must be at least 1 (or null), got 0")]
    [InlineData("""{ "regularMinOrders": 0 }""", "regularMinOrders", "must be at least 1, got 0")]
    [InlineData("""{ "engagementKinds": ["meeting", "carrier_pigeon"] }""", "engagementKinds", "unknown engagement kind \"carrier_pigeon\" (known: web_visit, email_open, email_click, call_answered, call_unanswered, meeting, support_ticket, event)")]
    [InlineData("""{ "signalModel": "gamma-gamma" }""", "signalModel", "must be none, bgnbd, mbgnbd or pareto-nbd, got \"gamma-gamma\"")]
    [InlineData("""{ "slippingAliveBelow": 0 }""", "slippingAliveBelow", "a share must be in (0, 1], got 0")]
    [InlineData("""{ "engagementKinds": "meeting" }""", "engagementKinds", "must be a list of engagement kinds, got a string \"meeting\"")]
    public void Parse_ReportsEachProblemWithItsKey(string json, string key, string message)
    {
        var parsed = PolicyJson.Parse(json);
        Assert.False(parsed.IsValid);
        var problem = Assert.Single(parsed.Problems);
        Assert.Equal(key, problem.Key);
        Assert.Equal(message, problem.Message);
    }

    [Fact]
    public void Parse_ReportsEveryProblemAtOnce()
    {
        var parsed = PolicyJson.Parse("""{ "newAccountDays": -5, "keyRevenueShare": 2, "bogus": 1, "inactiveAfterCycles": "x" }""");
        Assert.Equal(["bogus", "inactiveAfterCycles", "keyRevenueShare", "newAccountDays"], parsed.Problems.Select(p => p.Key).Order().ToArray());
    }

    [Fact]
    public void Parse_NotJson_SaysSo()
    {
        var parsed = PolicyJson.Parse("{ newAccountDays: ");
        Assert.Equal("(document)", Assert.Single(parsed.Problems).Key);
    }

    [Fact]
    public void VersionId_IsStableAndFollowsContent()
    {
        Assert.Equal(PolicyJson.VersionId(Policy.Default), PolicyJson.VersionId(PolicyJson.Parse("{}").Policy!));
        Assert.NotEqual(PolicyJson.VersionId(Policy.Default), PolicyJson.VersionId(Policy.Default with { DormantAfterDays = 366 }));
        Assert.Matches("^[0-9a-f]{12}$", PolicyJson.VersionId(Policy.Default));
    }

    [Fact]
    public void VersionId_IgnoresTheOrderOfKeysAndOfEngagementKinds()
    {
        var a = PolicyJson.Parse("""{ "newAccountDays": 60, "engagementKinds": ["meeting", "web_visit"] }""").Policy!;
        var b = PolicyJson.Parse("""{ "engagementKinds": ["web_visit", "meeting"], "newAccountDays": 60 }""").Policy!;
        Assert.Equal(PolicyJson.VersionId(a), PolicyJson.VersionId(b));
    }

    [Fact]
    public void SameValue_SameShareWrittenDifferently_IsTheSameValue()
    {
        var share = PolicyParameters.Find("keyRevenueShare")!;
        Assert.True(share.SameValue(Policy.Default, Policy.Default with { KeyRevenueShare = 0.8m }));
        Assert.False(share.SameValue(Policy.Default, Policy.Default with { KeyRevenueShare = 0.81m }));
        Assert.True(PolicyParameters.All.All(p => p.SameValue(Policy.Default, Policy.Default with { KeyRevenueShare = 0.800m, HoldoutShare = 0.1000m })));
    }
}
