using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Rekindle.Common;
using Rekindle.Reactivation;
using static Rekindle.Core.Tests.TestBook;

namespace Rekindle.Core.Tests.Reactivation;

public class CampaignPlannerTests
{
    private static CampaignRequest Request(int seed = 1, decimal? holdout = 0m) => new() { Name = "spring", Seed = seed, HoldoutShare = holdout };

    private static CampaignPlan Valid(CampaignPlanResult result)
    {
        Assert.Empty(result.Problems);
        return result.Plan!;
    }

    private static Scenario Many(int count)
    {
        var s = new Scenario();
        for (var i = 0; i < count; i++)
        {
            s.Lapsed($"A{i:0000}", 100 + (i % 200), 100m + (i % 37));
        }

        return s;
    }

    [Fact]
    public void Plan_RendersThePlaysMessage_ForTheAccount()
    {
        var s = new Scenario().Lapsed("A", 166).Lapsed("B", 120, 1m);
        var plan = Valid(s.Plan(Request() with { Currency = "EUR" }));
        var a = plan.Members.Single(m => m.AccountId == "A");
        Assert.Equal("loyalty_invitation", a.Play);
        Assert.Equal(Channel.Email, a.Channel);
        Assert.Equal("ann@a.example", a.Address);
        Assert.Equal(("Ann", "Smith", "Rita Rep"), (a.ContactFirstName, a.ContactLastName, a.RepName));
        Assert.Equal("Account A, an invitation to our loyalty programme", a.Subject);
        Assert.Equal(
            "Hi Ann, Account A has been one of our best customers, and we would like to invite you to our loyalty programme. "
            + $"As a welcome, 50.00 EUR off your next order with code {a.OfferCode}. Best regards, Rita Rep",
            a.Body);
        var b = plan.Members.Single(m => m.AccountId == "B");
        Assert.Equal("We miss you, Ann", b.Subject);
        Assert.Contains("it has been 120 days since Account B's last order", b.Body, StringComparison.Ordinal);
        Assert.Contains("Here is 15% off", b.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_OptedOutChannel_IsNeverUsed_NextPreferredInstead()
    {
        var s = new Scenario()
            .Lapsed("A", 200, withContact: false)
            .Contact("A", "Ann Smith", email: "ann@a.example", phone: "+44 1", postal: "1 High St", optedOut: ChannelSet.Email | ChannelSet.Postal);
        var a = Assert.Single(Valid(s.Plan(Request())).Members);
        Assert.Equal(Channel.Phone, a.Channel);
        Assert.Equal("+44 1", a.Address);
    }

    [Property(MaxTest = 50)]
    public Property Plan_RandomContactsAndOptOuts_NeverUsesAnOptedOutChannel(int seed)
    {
        var random = new Random(seed);
        var s = new Scenario();
        for (var a = 0; a < 20; a++)
        {
            var id = $"A{a:00}";
            s.Lapsed(id, 100 + a, withContact: false);
            for (var c = random.Next(0, 4); c > 0; c--)
            {
                string? Maybe(string value) => random.Next(3) == 0 ? null : value;
                var optedOut = (ChannelSet)random.Next(16);
                s.Contact(id, "Ann Smith", Maybe("ann@x.example"), Maybe("+44 1"), Maybe("@ann"), Maybe("1 High St"), optedOut, id: $"{id}-C{c}");
            }
        }

        var directory = s.Directory;
        var plan = Valid(s.Plan(Request()));
        var ok = plan.Members.All(m => m.Channel is not { } channel
            ? m.Play == "find_contact" && directory.ReachableChannels(m.AccountId) == ChannelSet.None
            : directory.ContactsOf(m.AccountId).Single(c => c.Id == m.ContactId).CanUse(channel)
                && !directory.ContactsOf(m.AccountId).Single(c => c.Id == m.ContactId).OptedOut.Has(channel));
        return ok.Label($"seed {seed}");
    }

    [Fact]
    public void Plan_ContactOptedOutOfTheChannel_AnotherContactOnItIsUsed()
    {
        var s = new Scenario()
            .Lapsed("A", 200, withContact: false)
            .Contact("A", "Ann Smith", email: "ann@a.example", optedOut: ChannelSet.Email, id: "C-ANN")
            .Contact("A", "Bob Jones", email: "bob@a.example", id: "C-BOB");
        var a = Assert.Single(Valid(s.Plan(Request())).Members);
        Assert.Equal(("C-BOB", "bob@a.example", Channel.Email), (a.ContactId, a.Address, a.Channel));
    }

    [Fact]
    public void Plan_FirstContactHasNoUsableName_OneWhoseNameFillsTheTemplate()
    {
        var s = new Scenario()
            .Lapsed("A", 200, withContact: false)
            .Contact("A", "  ", email: "info@a.example", id: "C-INFO")
            .Contact("A", "Bob Jones", email: "bob@a.example", id: "C-BOB");
        Assert.Equal("C-BOB", Assert.Single(Valid(s.Plan(Request())).Members).ContactId);
    }

    [Fact]
    public void Plan_PlaceholderWithNoValue_IsAnErrorNamingAccountAndPlaceholder_AndNoPlan()
    {
        var s = new Scenario().Lapsed("A", 200).Lapsed("B", 200, 10m, owner: "R9").Passive("C", 200, 10m);
        var result = s.Plan(Request());
        Assert.Null(result.Plan);
        Assert.Contains(result.Problems, p => p.ToString() == "account B (play we_miss_you): {rep_name} in the body has no value: owner rep R9 is not in the rep list");
        Assert.Contains(result.Problems, p => p is { AccountId: "C", Play: "favourite_product_offer", Placeholder: "favourite_product" });
        Assert.Contains(result.Problems, p => p.ToString() == "account C (play favourite_product_offer): {favourite_product} in the subject has no value: the account has no order lines");
        Assert.DoesNotContain(result.Problems, p => p.AccountId == "A");
    }

    [Fact]
    public void Plan_AccountWithNoOwner_IsSkippedWithTheReason_AndThePlanStands()
    {
        var s = new Scenario().Lapsed("A", 200).Lapsed("P", 200, owner: "");
        var plan = Valid(s.Plan(Request()));
        Assert.Equal("A", Assert.Single(plan.Members).AccountId);
        var skipped = Assert.Single(plan.Skipped, k => k.AccountId == "P");
        Assert.StartsWith("no owner (in the pool or unassigned)", skipped.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_OnePlayAsked_EveryOtherAccountIsSkippedWithItsReason()
    {
        var s = new Scenario()
            .Lapsed("N", 200, withContact: false)
            .Lapsed("O", 200, withContact: false).Contact("O", "Olga Out", email: "o@o.example", optedOut: ChannelSet.Email)
            .Lapsed("D", 400)
            .Lapsed("P", 200, owner: "");
        var plan = Valid(s.Plan(Request() with { Plays = ["we_miss_you"] }));
        Assert.Empty(plan.Members);
        var reasons = plan.Skipped.ToDictionary(k => k.AccountId, k => k.Reason);
        Assert.Equal(CampaignSkipReasons.NoContact, reasons["N"]);
        Assert.Equal(CampaignSkipReasons.OptedOutEverywhere, reasons["O"]);
        Assert.Equal(CampaignSkipReasons.LeftToPool, reasons["D"]);
        Assert.Equal(CampaignSkipReasons.NoOwner, reasons["P"]);
    }

    [Fact]
    public void Plan_PassiveWithOrderLines_OffersTheFavouriteProduct()
    {
        var s = new Scenario().Passive("C", 200)
            .Line("C", "O1", "2025-06-01", "GLUE", "Super Glue", "Adhesives").Line("C", "O2", "2025-09-01", "GLUE", "Super Glue", "Adhesives")
            .Line("C", "O2", "2025-09-01", "SAW", "Hand Saw", "Tools");
        var c = Assert.Single(Valid(s.Plan(Request())).Members);
        Assert.Equal("Ann, 10% off Super Glue", c.Subject);
        Assert.Equal(FavouriteLevel.Product, c.Favourite!.Level);
    }

    [Fact]
    public void Plan_ControlGetsNothing_TreatmentGetsMessageAndCode()
    {
        var plan = Valid(Many(200).Plan(Request(holdout: 0.1m)));
        Assert.Equal(20, plan.Control.Count());
        Assert.All(plan.Control, m => Assert.True(m.Subject is null && m.Body is null && m.OfferCode is null));
        Assert.All(plan.Treatment, m => Assert.True(m.Subject is not null && m.Body is not null && m.OfferCode is not null));
        Assert.Equal(plan.Treatment.Count(), plan.Treatment.Select(m => m.OfferCode).Distinct().Count());
    }

    [Fact]
    public void Plan_DefaultHoldout_IsThePolicys()
    {
        var plan = Valid(Many(100).Plan(Request(holdout: null)));
        Assert.Equal(0.10m, plan.HoldoutShare);
        Assert.Equal(10, plan.Control.Count());
    }

    [Fact]
    public void Plan_SameAccountsPolicyAndSeed_SamePlan_OtherSeed_OtherControl()
    {
        var s = Many(300);
        string Fingerprint(CampaignPlan p) => string.Join(";", p.Members.Select(m => $"{m.AccountId}:{m.Group}:{m.OfferCode}:{m.Body}"));
        var one = Valid(s.Plan(Request(seed: 5, holdout: 0.1m)));
        Assert.Equal(Fingerprint(one), Fingerprint(Valid(s.Plan(Request(seed: 5, holdout: 0.1m)))));
        var other = Valid(s.Plan(Request(seed: 6, holdout: 0.1m)));
        Assert.NotEqual(one.Control.Select(m => m.AccountId).Order(), other.Control.Select(m => m.AccountId).Order());
    }

    [Fact]
    public void Plan_StratifiedBySegment_EachSegmentKeepsItsShare()
    {
        var plan = Valid(Many(600).Plan(Request(holdout: 0.2m)));
        foreach (var g in plan.Members.GroupBy(m => (m.SegmentCode, m.Play)))
        {
            var exact = 0.2 * g.Count();
            Assert.InRange(g.Count(m => m.Group == CampaignGroup.Control), Math.Floor(exact), Math.Ceiling(exact));
        }
    }

    [Fact]
    public void Plan_DormantAccounts_SkippedForThePoolSweep()
    {
        var s = new Scenario().Lapsed("A", 200).Lapsed("DOR", 400, 1m);
        var plan = Valid(s.Plan(Request()));
        Assert.Equal(["A"], plan.Members.Select(m => m.AccountId));
        var skipped = Assert.Single(plan.Skipped);
        Assert.Equal(("DOR", "release_to_pool"), (skipped.AccountId, skipped.Play));
    }

    [Fact]
    public void Plan_FilterBySegmentAndPlay()
    {
        var s = new Scenario().Lapsed("BIG", 200, 5000m).Lapsed("S1", 200, 10m).Lapsed("S2", 200, 10m).Lapsed("S3", 200, 10m)
            .Lapsed("NOC", 200, 10m, withContact: false);
        Assert.True(SegmentFilter.TryParse("tier=big", out var big, out _));
        Assert.Equal(["BIG"], Valid(s.Plan(Request() with { Segments = [big] })).Members.Select(m => m.AccountId));
        Assert.Equal(["NOC"], Valid(s.Plan(Request() with { Plays = ["find_contact"] })).Members.Select(m => m.AccountId));
        Assert.True(SegmentFilter.TryParse("channels=none", out var none, out _));
        var task = Assert.Single(Valid(s.Plan(Request() with { Segments = [none] })).Members);
        Assert.Equal((PlayAction.OwnerTask, (Channel?)null), (task.Action, task.Channel));
        Assert.StartsWith("Account NOC has not ordered for 200 days", task.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_WorkOrder_PriorityThenKeyThenRevenueAtStake()
    {
        var s = new Scenario(whale: false)
            .Lapsed("KEY", 100, 1_000_000m)
            .Passive("PAS", 100, 10m).Line("PAS", "O1", "2025-01-01", "G", "Glue", "Adhesives").Line("PAS", "O2", "2025-02-01", "G", "Glue", "Adhesives")
            .Lapsed("SMALL", 200, 20m).Lapsed("SMALLER", 200, 10m).Lapsed("TINY", 200, 5m).Lapsed("TINIER", 200, 4m).Lapsed("LEAST", 200, 3m);
        var plan = Valid(s.Plan(Request()));
        // KEY: personal outreach (1); SMALL (big tier: loyalty) and PAS (favourite) share priority 2, larger revenue first.
        Assert.Equal(["KEY", "SMALL", "PAS", "SMALLER", "TINY", "TINIER", "LEAST"], plan.Members.Select(m => m.AccountId));
    }

    [Theory]
    [InlineData("nope", "unknown play 'nope' (plays: personal_outreach, release_to_pool, find_contact, favourite_product_offer, loyalty_invitation, we_miss_you)")]
    [InlineData("release_to_pool", "play 'release_to_pool' releases accounts to the pool; the pool sweep does that, not a campaign")]
    public void Plan_BadPlay_IsARequestProblem(string play, string message)
    {
        var result = new Scenario().Lapsed("A", 200).Plan(Request() with { Plays = [play] });
        Assert.Equal([message], result.Problems.Select(p => p.Message));
    }

    [Fact]
    public void Plan_BadRequest_EveryProblemAtOnce()
    {
        Assert.True(SegmentFilter.TryParse("band=1-2d", out var band, out _));
        var result = new Scenario().Lapsed("A", 200).Plan(new CampaignRequest
        {
            Name = " ",
            HoldoutShare = 1m,
            LaunchOn = D("2026-06-29"),
            Segments = [band],
        });
        Assert.Equal(4, result.Problems.Count);
        Assert.Null(result.Plan);
    }

    [Fact]
    public void Plan_LaunchAndWindow_RecordedForMeasurement()
    {
        var plan = Valid(new Scenario().Lapsed("A", 200).Plan(Request() with { LaunchOn = D("2026-07-01") }));
        Assert.Equal((D("2026-06-30"), D("2026-07-01"), 60), (plan.AsOf, plan.LaunchOn, plan.AttributionWindowDays));
    }

    [Theory]
    [InlineData("status=passive|inactive,tier=big,channels=email+phone,key=false", true)]
    [InlineData("band=181-365d", true)]
    [InlineData("status=active", false)]
    [InlineData("tier=huge", false)]
    [InlineData("colour=red", false)]
    [InlineData("tier", false)]
    [InlineData("key=maybe", false)]
    public void SegmentFilter_TryParse(string text, bool ok) =>
        Assert.Equal(ok, SegmentFilter.TryParse(text, out _, out _));
}
