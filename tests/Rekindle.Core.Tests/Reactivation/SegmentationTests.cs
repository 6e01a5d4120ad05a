using Rekindle.Lifecycle;
using Rekindle.Policies;
using Rekindle.Reactivation;
using static Rekindle.Core.Tests.TestBook;

namespace Rekindle.Core.Tests.Reactivation;

public class SegmentationTests
{
    [Fact]
    public void Segment_OnlyLapsedAccounts_PassiveInactiveDormant()
    {
        var s = new Scenario()
            .Active("ACT")
            .Passive("PAS", 100)
            .Lapsed("INA", 200)
            .Lapsed("DOR", 400);
        s.Policy = s.Policy with { SegmentDowntimeEdgesDays = [90, 180, 365] };
        var segmented = s.Segment();
        Assert.Equal(["PAS", "INA", "DOR"], segmented.Accounts.Select(a => a.AccountId));
        Assert.Equal(
            [LifecycleStatus.Passive, LifecycleStatus.Inactive, LifecycleStatus.Dormant],
            segmented.Accounts.Select(a => a.Status));
        Assert.Null(segmented.Find("ACT"));
        Assert.Null(segmented.Find("WHALE"));
    }

    [Theory]
    [InlineData(180, "91-180d")]
    [InlineData(181, "181-365d")]
    [InlineData(365, "181-365d")]
    [InlineData(366, "366d+")]
    public void Segment_PolicyEdges_BandAroundEachEdge(int daysSince, string band)
    {
        var s = new Scenario().Lapsed("A", daysSince);
        s.Policy = s.Policy with { SegmentDowntimeEdgesDays = [90, 180, 365] };
        var a = s.SegmentOf("A");
        Assert.Equal(daysSince, a.DaysSinceLastOrder);
        Assert.Equal(band, a.BandLabel);
        Assert.Equal(D(Scenario.DaysBefore(daysSince)), a.LastOrderOn);
    }

    [Fact]
    public void Segment_AutoBands_ComeFromTheLapsedAccountsDowntimes()
    {
        var s = new Scenario();
        for (var i = 0; i < 60; i++)
        {
            s.Lapsed($"A{i:00}", 100 + (i * 10));
        }

        s.Policy = s.Policy with { SegmentDowntimeEdgesDays = null };
        var segmented = s.Segment();
        Assert.True(segmented.Bands.Auto);
        Assert.InRange(segmented.Bands.Count, 3, 6);
        Assert.All(segmented.Bands.EdgesDays, e => Assert.Equal(0, e % 30));
    }

    [Fact]
    public void Segment_AverageAnnualSpend_LifetimeOverYearsOfBuying_AtLeastOneYear()
    {
        var s = new Scenario()
            .Lapsed("ONE", 200, 1000m)
            .Lapsed("TWO", 200, 1000m).Order("TWO", Scenario.DaysBefore(200 + 730), 2000m);
        var one = s.SegmentOf("ONE");
        var two = s.SegmentOf("TWO");
        Assert.Equal(1000m, one.AverageAnnualSpend);
        Assert.Equal(3000m, two.LifetimeSpend);
        Assert.Equal(1500m, two.AverageAnnualSpend);
        Assert.Equal(1000m, two.RevenueAtStake); // the 365 days up to the last order, not the average
    }

    [Fact]
    public void Segment_SpendTiers_DefaultSharesOverTheLapsedAccounts()
    {
        var s = new Scenario();
        for (var i = 1; i <= 10; i++)
        {
            s.Lapsed($"A{i:00}", 200, i * 100m);
        }

        var segmented = s.Segment();
        Assert.Equal(new SpendTierCutPoints(900m, 600m), segmented.TierCuts);
        Assert.False(segmented.TierCutsFromPolicy);
        Assert.Equal(SpendTier.Big, segmented.Find("A09")!.Tier);
        Assert.Equal(SpendTier.Medium, segmented.Find("A08")!.Tier);
        Assert.Equal(SpendTier.Medium, segmented.Find("A06")!.Tier);
        Assert.Equal(SpendTier.Small, segmented.Find("A05")!.Tier);
    }

    [Fact]
    public void Segment_PolicyCutPoints_OverrideTheShares()
    {
        var s = new Scenario().Lapsed("A", 200, 5000m).Lapsed("B", 200, 4999.99m).Lapsed("C", 200, 1000m).Lapsed("D", 200, 999.99m);
        s.Policy = s.Policy with { SpendTierCutPoints = new SpendTierCutPoints(5000m, 1000m) };
        var segmented = s.Segment();
        Assert.True(segmented.TierCutsFromPolicy);
        Assert.Equal(
            [SpendTier.Big, SpendTier.Medium, SpendTier.Medium, SpendTier.Small],
            segmented.Accounts.Select(a => a.Tier));
    }

    [Fact]
    public void Segment_Channels_PresentAndNotOptedOut_UnionOverContacts()
    {
        var s = new Scenario()
            .Lapsed("A", 200, withContact: false)
            .Contact("A", "Ann Smith", email: "ann@a.example", phone: "+44 1", optedOut: ChannelSet.Email)
            .Contact("A", "Bob Jones", social: "   ", postal: "1 High St");
        Assert.Equal(ChannelSet.Phone | ChannelSet.Postal, s.SegmentOf("A").Channels);
        Assert.Equal("phone+postal", s.SegmentOf("A").Channels.Code());
    }

    [Fact]
    public void Segment_NoContact_ReachableOnNone()
    {
        var s = new Scenario().Lapsed("A", 200, withContact: false);
        Assert.Equal(ChannelSet.None, s.SegmentOf("A").Channels);
        Assert.EndsWith("/none", s.SegmentOf("A").SegmentCode, StringComparison.Ordinal);
    }

    [Fact]
    public void Segment_SegmentCode_BandTierChannels()
    {
        var s = new Scenario().Lapsed("A", 200);
        s.Policy = s.Policy with { SegmentDowntimeEdgesDays = [90, 180, 365] };
        Assert.Equal("181-365d/big/email", s.SegmentOf("A").SegmentCode);
    }

    [Fact]
    public void Segment_EachAccountGetsItsDefaultPlay()
    {
        var s = new Scenario(whale: false)
            .Lapsed("KEY", 100, 1_000_000m)
            .Passive("PAS", 100, 10m)
            .Lapsed("BIG", 200, 5000m)
            .Lapsed("INA", 200, 10m).Lapsed("INB", 200, 10m).Lapsed("INC", 200, 10m).Lapsed("IND", 200, 10m)
            .Lapsed("DOR", 400, 10m)
            .Lapsed("NOC", 200, 10m, withContact: false);
        var segmented = s.Segment();
        string? Play(string id) => segmented.Find(id)!.PlayId;
        Assert.True(segmented.Find("KEY")!.Key);
        Assert.Equal("personal_outreach", Play("KEY"));
        Assert.Equal("favourite_product_offer", Play("PAS"));
        Assert.Equal("loyalty_invitation", Play("BIG"));
        Assert.Equal("we_miss_you", Play("INA"));
        Assert.Equal("release_to_pool", Play("DOR"));
        Assert.Equal("find_contact", Play("NOC"));
    }

    [Fact]
    public void Matrix_CellsCountAccountsAndSumRevenueAtStake()
    {
        var s = new Scenario()
            .Lapsed("A", 100, 100m).Lapsed("B", 120, 300m).Lapsed("C", 200, 50m, withContact: false).Passive("D", 400, 1000m);
        s.Policy = s.Policy with { SegmentDowntimeEdgesDays = [180], SpendTierCutPoints = new SpendTierCutPoints(1000m, 100m) };
        var matrix = s.Segment().Matrix;
        Assert.Equal(
            ["0-180d/medium/email", "181d+/big/email", "181d+/small/none"],
            matrix.Cells.Select(c => c.Code));
        var first = matrix.Cells[0];
        Assert.Equal((2, 400m, 2, 0), (first.Accounts, first.RevenueAtStake, first.Inactive, first.Passive));
        Assert.Equal(1, matrix.Cells[1].Passive);
        Assert.Equal((4, 1450m), (matrix.Total.Accounts, matrix.Total.RevenueAtStake));
    }

    [Fact]
    public void Matrix_BandByTier_ListsEveryBandAndTierEvenWhenEmpty()
    {
        var s = new Scenario().Lapsed("A", 100, 100m);
        s.Policy = s.Policy with { SegmentDowntimeEdgesDays = [180, 365] };
        var grid = s.Segment().Matrix.Rollup(SegmentAxes.Band | SegmentAxes.Tier);
        Assert.Equal(9, grid.Count);
        Assert.Equal(1, grid.Single(c => c.Code == "0-180d/big/*").Accounts);
        Assert.Equal(8, grid.Count(c => c.Accounts == 0));
    }

    [Fact]
    public void Segment_SameInputs_SameSegments()
    {
        var s = new Scenario().Lapsed("A", 100).Lapsed("B", 250).Passive("C", 300);
        Assert.Equal(
            s.Segment().Accounts.Select(a => a.SegmentCode + a.PlayId),
            s.Segment().Accounts.Select(a => a.SegmentCode + a.PlayId));
    }

    [Fact]
    public void Segment_DefaultPolicy_BandsComeFromItsEdgesOnAnyDate()
    {
        var s = new Scenario().Lapsed("A", 200).Lapsed("B", 300).Lapsed("C", 700);
        s.Policy = Policy.Default with { FixedCycleDays = 30 };
        var early = s.Segment(Scenario.DaysBefore(50));
        var late = s.Segment();
        Assert.False(late.Bands.Auto);
        Assert.Equal(early.Bands.Labels, late.Bands.Labels);
        Assert.Equal(["0-90d", "91-180d", "181-365d", "366-730d", "731d+"], late.Bands.Labels);
    }
}
