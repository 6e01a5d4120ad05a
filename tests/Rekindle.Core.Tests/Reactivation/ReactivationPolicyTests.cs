using Rekindle.Policies;
using Rekindle.Reactivation;

namespace Rekindle.Core.Tests.Reactivation;

/// <summary>The reactivation keys of the policy document: downtime edges, spend tiers (the playbook is in PlaybookTests).</summary>
public class ReactivationPolicyTests
{
    [Fact]
    public void Write_NewKeys_WithTheirDefaults()
    {
        var json = PolicyJson.Write(Policy.Default);
        Assert.Contains("\"segmentDowntimeEdgesDays\": [", json, StringComparison.Ordinal);
        Assert.Contains("\"spendTierCutPoints\": null", json, StringComparison.Ordinal);
        Assert.Contains("\"spendTierShares\": {", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EdgesCutPointsShares_RoundTrip()
    {
        var parsed = PolicyJson.Parse("""
            { "segmentDowntimeEdgesDays": [90, 180, 365], "spendTierShares": { "big": 0.1, "medium": 0.4 },
              "spendTierCutPoints": { "big": 50000, "medium": 10000 } }
            """);
        Assert.Empty(parsed.Problems);
        var p = parsed.Policy!;
        Assert.Equal([90, 180, 365], p.SegmentDowntimeEdgesDays!);
        Assert.Equal(new SpendTierShares(0.1m, 0.4m), p.SpendTierShares);
        Assert.Equal(new SpendTierCutPoints(50000m, 10000m), p.SpendTierCutPoints);
        Assert.Equal(p, PolicyJson.Parse(PolicyJson.Write(p)).Policy);
        Assert.Null(PolicyJson.Parse("""{ "segmentDowntimeEdgesDays": "auto" }""").Policy!.SegmentDowntimeEdgesDays);
    }

    [Theory]
    [InlineData("""{ "segmentDowntimeEdgesDays": [180, 90] }""", "segmentDowntimeEdgesDays", "edges must be positive and strictly increasing, got [180, 90]")]
    [InlineData("""{ "segmentDowntimeEdgesDays": [0, 90] }""", "segmentDowntimeEdgesDays", "edges must be positive and strictly increasing, got [0, 90]")]
    [InlineData("""{ "segmentDowntimeEdgesDays": [] }""", "segmentDowntimeEdgesDays", "needs 1 to 9 edges (2 to 10 bands), got 0")]
    [InlineData("""{ "segmentDowntimeEdgesDays": "monthly" }""", "segmentDowntimeEdgesDays", "must be \"auto\" or a list of whole days, got a string \"monthly\"")]
    [InlineData("""{ "segmentDowntimeEdgesDays": [90.5] }""", "segmentDowntimeEdgesDays", "must be \"auto\" or a list of whole days, got a list [90.5]")]
    [InlineData("""{ "spendTierShares": { "big": 0, "medium": 0.3 } }""", "spendTierShares.big", "a share must be in (0, 1), got 0")]
    [InlineData("""{ "spendTierShares": { "big": 0.6, "medium": 0.5 } }""", "spendTierShares.medium", "big + medium must not exceed 1, got 1.1")]
    [InlineData("""{ "spendTierShares": { "big": 0.2 } }""", "spendTierShares.medium", "is missing")]
    [InlineData("""{ "spendTierShares": { "big": 0.2, "medium": 0.3, "tiny": 0.1 } }""", "spendTierShares.tiny", "unknown key (big, medium)")]
    [InlineData("""{ "spendTierShares": { "big": "a lot", "medium": 0.3 } }""", "spendTierShares.big", "must be a number, got a string \"a lot\"")]
    [InlineData("""{ "spendTierShares": [0.2, 0.3] }""", "spendTierShares", "must be an object { \"big\": ..., \"medium\": ... }, got a list [0.2, 0.3]")]
    [InlineData("""{ "spendTierCutPoints": { "big": 100, "medium": 100 } }""", "spendTierCutPoints.big", "must be greater than medium (100), got 100")]
    [InlineData("""{ "spendTierCutPoints": { "big": 100, "medium": -1 } }""", "spendTierCutPoints.medium", "an amount must not be negative, got -1")]
    public void Parse_ReportsEachProblemWithItsKey(string json, string key, string message)
    {
        var parsed = PolicyJson.Parse(json);
        Assert.False(parsed.IsValid);
        var problem = Assert.Single(parsed.Problems);
        Assert.Equal((key, message), (problem.Key, problem.Message));
    }

    [Fact]
    public void Display_ReadableOneLiners()
    {
        string Show(string key) => PolicyParameters.Find(key)!.Display(Policy.Default);
        Assert.Equal("90, 180, 365, 730", Show("segmentDowntimeEdgesDays"));
        Assert.Equal("auto", PolicyParameters.Find("segmentDowntimeEdgesDays")!.Display(Policy.Default with { SegmentDowntimeEdgesDays = null }));
        Assert.Equal("big 0.20, medium 0.30", Show("spendTierShares"));
        Assert.Equal("none", Show("spendTierCutPoints"));
        Assert.Equal("6 plays: personal_outreach, release_to_pool, find_contact, favourite_product_offer, loyalty_invitation, we_miss_you", Show("playbook"));
    }
}
