using Rekindle.Common;
using Rekindle.Lifecycle;
using Rekindle.Policies;
using Rekindle.Reactivation;

namespace Rekindle.Core.Tests.Reactivation;

public class PlaybookTests
{
    private static AccountSegment Segment(
        LifecycleStatus status = LifecycleStatus.Inactive, bool key = false, SpendTier tier = SpendTier.Small,
        ChannelSet channels = ChannelSet.Email, int days = 200) => new()
        {
            AccountIndex = 0,
            AccountId = "A",
            AccountName = "Acme",
            OwnerRepId = "R1",
            Status = status,
            Key = key,
            LastOrderOn = new DateOnly(2026, 1, 1),
            DaysSinceLastOrder = days,
            CycleDays = 30,
            LifetimeSpend = 100m,
            AverageAnnualSpend = 100m,
            ValueAtStake = 100m,
            Band = 0,
            BandLabel = "0-365d",
            Tier = tier,
            Channels = channels,
        };

    [Fact]
    public void Default_IsValid_AndInDocumentOrder()
    {
        Assert.Empty(Playbook.Default.Validate());
        Assert.Equal(
            ["personal_outreach", "release_to_pool", "find_contact", "favourite_product_offer", "loyalty_invitation", "we_miss_you"],
            Playbook.Default.Rules.Select(r => r.Play));
    }

    [Theory]
    [InlineData(LifecycleStatus.Dormant, true, SpendTier.Small, ChannelSet.Email, "personal_outreach")]
    [InlineData(LifecycleStatus.Passive, true, SpendTier.Big, ChannelSet.Social, "personal_outreach")]
    [InlineData(LifecycleStatus.Inactive, true, SpendTier.Big, ChannelSet.None, "find_contact")]
    [InlineData(LifecycleStatus.Dormant, false, SpendTier.Big, ChannelSet.Email, "release_to_pool")]
    [InlineData(LifecycleStatus.Dormant, false, SpendTier.Big, ChannelSet.None, "release_to_pool")]
    [InlineData(LifecycleStatus.Passive, false, SpendTier.Small, ChannelSet.None, "find_contact")]
    [InlineData(LifecycleStatus.Passive, false, SpendTier.Big, ChannelSet.Postal, "favourite_product_offer")]
    [InlineData(LifecycleStatus.Inactive, false, SpendTier.Big, ChannelSet.Email, "loyalty_invitation")]
    [InlineData(LifecycleStatus.Inactive, false, SpendTier.Medium, ChannelSet.Phone, "we_miss_you")]
    public void Match_DefaultPlaybook_FirstRuleThatApplies(LifecycleStatus status, bool key, SpendTier tier, ChannelSet channels, string play) =>
        Assert.Equal(play, Playbook.Default.Match(Segment(status, key, tier, channels))!.Play);

    [Fact]
    public void ChooseChannel_FirstPreferredThatIsReachable()
    {
        var we = Playbook.Default.Find("we_miss_you")!;
        Assert.Equal(Channel.Email, we.ChooseChannel(ChannelSet.Email | ChannelSet.Phone));
        Assert.Equal(Channel.Postal, we.ChooseChannel(ChannelSet.Phone | ChannelSet.Postal));
        Assert.Null(we.ChooseChannel(ChannelSet.None));
    }

    [Theory]
    [InlineData(99, false)]
    [InlineData(100, true)]
    [InlineData(200, true)]
    [InlineData(201, false)]
    public void Match_DaysSinceBounds_AreInclusive(int days, bool matches)
    {
        var rule = new PlayRule
        {
            Play = "window",
            Channels = [Channel.Email],
            Subject = "s",
            Body = "b",
            When = new PlayCondition { MinDaysSinceLastOrder = 100, MaxDaysSinceLastOrder = 200 },
        };
        Assert.Equal(matches, rule.Matches(Segment(days: days)));
    }

    [Fact]
    public void Json_DefaultPlaybook_RoundTrips()
    {
        var json = PolicyJson.Write(Policy.Default);
        Assert.Contains("\"playbook\": [", json, StringComparison.Ordinal);
        Assert.Equal(Playbook.Default, PolicyJson.Parse(json).Policy!.Playbook);
    }

    [Fact]
    public void Json_EditedPlaybook_RoundTripsAndChangesTheVersion()
    {
        var json = """
            { "playbook": [
                { "play": "vip_call", "action": "owner_task", "priority": 1, "when": { "key": true, "tiers": ["big", "medium"], "minDaysSinceLastOrder": 90 },
                  "channels": ["phone"], "subject": "Call {account_name}", "body": "Call {contact_first_name} {contact_last_name}." },
                { "play": "winback", "action": "message", "priority": 2, "when": { "statuses": ["inactive", "dormant"], "reachable": true },
                  "channels": ["email", "postal"], "subject": "{offer} off", "body": "Use {offer_code}.", "offer": { "amount": 25.5 } }
            ] }
            """;
        var parsed = PolicyJson.Parse(json);
        Assert.Empty(parsed.Problems);
        var playbook = parsed.Policy!.Playbook;
        Assert.Equal(["vip_call", "winback"], playbook.Rules.Select(r => r.Play));
        Assert.Equal(Offer.AmountOff(25.5m), playbook.Rules[1].Offer);
        Assert.Equal([SpendTier.Big, SpendTier.Medium], playbook.Rules[0].When.Tiers);
        Assert.Equal(parsed.Policy, PolicyJson.Parse(PolicyJson.Write(parsed.Policy)).Policy);
        Assert.NotEqual(PolicyJson.VersionId(Policy.Default), PolicyJson.VersionId(parsed.Policy));
    }

    [Theory]
    [InlineData("""{ "play": "p", "action": "message", "priority": 1, "channels": ["email"], "subject": "s", "body": "{offer}", "offer": { "percent": 150 } }""", "playbook[1].offer.percent", "a percent must be in (0, 100], got 150")]
    [InlineData("""{ "play": "p", "action": "message", "priority": 1, "channels": ["email"], "subject": "s", "body": "{offer}", "offer": { "amount": 0 } }""", "playbook[1].offer.amount", "an amount must be greater than 0, got 0")]
    [InlineData("""{ "play": "p", "action": "message", "priority": 1, "channels": ["email"], "subject": "s", "body": "b", "offer": { "percent": 5, "amount": 5 } }""", "playbook[1].offer", "give either percent or amount, not both")]
    [InlineData("""{ "play": "p", "action": "message", "priority": 1, "channels": ["email"], "subject": "s", "body": "b", "offer": { "pct": 5 } }""", "playbook[1].offer.pct", "unknown key (percent, amount)")]
    [InlineData("""{ "play": "p", "action": "message", "priority": "high", "channels": ["email"], "subject": "s", "body": "b" }""", "playbook[1].priority", "must be a whole number, got a string \"high\"")]
    [InlineData("""{ "play": "p", "action": "message", "channels": ["email"], "subject": "s", "body": "b" }""", "playbook[1].priority", "is missing")]
    [InlineData("""{ "play": "p", "action": "message", "priority": 0, "channels": ["email"], "subject": "s", "body": "b" }""", "playbook[1].priority", "must be at least 1 (1 comes first), got 0")]
    [InlineData("""{ "play": "p", "action": "fax", "priority": 1 }""", "playbook[1].action", "must be one of message, owner_task, pool, got a string \"fax\"")]
    [InlineData("""{ "play": "p", "action": "message", "priority": 1, "channels": ["email", "pigeon"], "subject": "s", "body": "b" }""", "playbook[1].channels", "unknown channel (email, phone, social, postal): \"pigeon\"")]
    [InlineData("""{ "play": "p", "action": "message", "priority": 1, "channels": [], "subject": "s", "body": "b" }""", "playbook[1].channels", "a message play needs at least one channel")]
    [InlineData("""{ "play": "p", "action": "message", "priority": 1, "channels": ["email"], "subject": "s", "body": "b", "colour": "red" }""", "playbook[1].colour", "unknown key (play, action, priority, when, channels, subject, body, offer)")]
    [InlineData("""{ "play": "p", "action": "message", "priority": 1, "channels": ["email"], "subject": "s", "body": "b", "when": { "statuses": ["active"] } }""", "playbook[1].when.statuses", "only lapsed statuses (passive, inactive, dormant) have plays")]
    [InlineData("""{ "play": "p", "action": "message", "priority": 1, "channels": ["email"], "subject": "s", "body": "b", "when": { "tiers": ["huge"] } }""", "playbook[1].when.tiers", "unknown tier (big, medium, small): \"huge\"")]
    [InlineData("""{ "play": "p", "action": "message", "priority": 1, "channels": ["email"], "subject": "s", "body": "b", "when": { "minDaysSinceLastOrder": 200, "maxDaysSinceLastOrder": 100 } }""", "playbook[1].when.maxDaysSinceLastOrder", "must be at least minDaysSinceLastOrder (200), got 100")]
    [InlineData("""{ "play": "p", "action": "message", "priority": 1, "channels": ["email"], "subject": "s", "body": "Use {offer_code}" }""", "playbook[1].body", "{offer_code} needs an offer, but the play has none")]
    [InlineData("""{ "play": "p", "action": "message", "priority": 1, "channels": ["email"], "subject": "Hi {frist_name}", "body": "b" }""", "playbook[1].subject", "unknown placeholder {frist_name} (known: {account_name}, {contact_first_name}, {contact_last_name}, {favourite_product}, {last_order_date}, {days_since}, {rep_name}, {offer}, {offer_code})")]
    [InlineData("""{ "play": "p", "action": "owner_task", "priority": 1, "when": { "reachable": false }, "body": "Ask {contact_first_name}" }""", "playbook[1].body", "{contact_first_name} needs a contact, but the play has no channels")]
    [InlineData("""{ "play": "p", "action": "message", "priority": 1, "channels": ["email"], "subject": "", "body": "b" }""", "playbook[1].subject", "a message needs a subject")]
    [InlineData("""{ "play": "p", "action": "pool", "priority": 1, "channels": ["email"] }""", "playbook[1].channels", "a pool play sends nothing, so it has no channels")]
    [InlineData("""{ "play": "Bad Id", "action": "pool", "priority": 1 }""", "playbook[1].play", "a play id is lower-case letters, digits and _ starting with a letter, got 'Bad Id'")]
    [InlineData("""{ "play": "ok", "action": "pool", "priority": 1 }""", "playbook[1].play", "play 'ok' is already defined at playbook[0]")]
    [InlineData("""7""", "playbook[1]", "must be an object with play, action, priority, got a number 7")]
    public void Parse_BadRule_OneProblemNamingItsPath(string rule, string key, string message)
    {
        var json = $$"""{ "playbook": [ { "play": "ok", "action": "pool", "priority": 1 }, {{rule}} ] }""";
        var parsed = PolicyJson.Parse(json);
        Assert.False(parsed.IsValid);
        var problem = Assert.Single(parsed.Problems);
        Assert.Equal((key, message), (problem.Key, problem.Message));
    }

    [Fact]
    public void Parse_PlaybookNotAList_SaysSo()
    {
        var problem = Assert.Single(PolicyJson.Parse("""{ "playbook": {} }""").Problems);
        Assert.Equal(("playbook", "must be a list of play rules, got an object {}"), (problem.Key, problem.Message));
    }

    [Fact]
    public void Parse_EmptyPlaybook_NeedsAPlay()
    {
        var problem = Assert.Single(PolicyJson.Parse("""{ "playbook": [] }""").Problems);
        Assert.Equal(("playbook", "needs at least one play"), (problem.Key, problem.Message));
    }

    [Fact]
    public void Parse_ProblemsInSeveralRules_AllReportedAtOnce()
    {
        var parsed = PolicyJson.Parse("""
            { "playbook": [
                { "play": "a", "action": "message", "priority": 1, "channels": ["email"], "subject": "s", "body": "{offer}", "offer": { "percent": 0 } },
                { "play": "b", "action": "message", "priority": "x", "channels": ["email"], "subject": "s", "body": "b" },
                { "play": "c", "action": "message", "priority": 1, "channels": ["email"], "subject": "s", "body": "{nope}" }
            ] }
            """);
        Assert.Equal(["playbook[0].offer.percent", "playbook[1].priority", "playbook[2].body"], parsed.Problems.Select(p => p.Key));
    }

    [Fact]
    public void Validate_PolicyBuiltInCode_ChecksThePlaybookToo()
    {
        var broken = Policy.Default with { Playbook = new Playbook([Playbook.Default.Rules[0] with { Priority = 0 }]) };
        Assert.Equal(["playbook[0].priority"], broken.Validate().Select(p => p.Key));
    }
}
