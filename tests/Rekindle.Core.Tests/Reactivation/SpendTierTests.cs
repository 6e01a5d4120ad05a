using Rekindle.Reactivation;

namespace Rekindle.Core.Tests.Reactivation;

public class SpendTierTests
{
    private static readonly decimal[] TenSpends = [1000m, 900m, 800m, 700m, 600m, 500m, 400m, 300m, 200m, 100m];

    [Fact]
    public void CutsFromShares_DefaultShares_Top20Next30()
    {
        // Ten accounts: big are the top ceil(0.2 x 10) = 2, big + medium the top ceil(0.5 x 10) = 5.
        var cuts = SpendTiers.CutsFromShares(TenSpends, SpendTierShares.Default);
        Assert.Equal(new SpendTierCutPoints(900m, 600m), cuts);
        var tiers = TenSpends.Select(s => SpendTiers.TierOf(s, cuts)).ToArray();
        Assert.Equal(2, tiers.Count(t => t == SpendTier.Big));
        Assert.Equal(3, tiers.Count(t => t == SpendTier.Medium));
        Assert.Equal(5, tiers.Count(t => t == SpendTier.Small));
    }

    [Theory]
    [InlineData("900.00", SpendTier.Big)]
    [InlineData("899.99", SpendTier.Medium)]
    [InlineData("600.00", SpendTier.Medium)]
    [InlineData("599.99", SpendTier.Small)]
    [InlineData("0", SpendTier.Small)]
    public void TierOf_AroundEachCutPoint_CutBelongsToTheHigherTier(string spend, SpendTier expected) =>
        Assert.Equal(expected, SpendTiers.TierOf(decimal.Parse(spend, System.Globalization.CultureInfo.InvariantCulture), new SpendTierCutPoints(900m, 600m)));

    [Fact]
    public void CutsFromShares_TiesAtTheCut_ShareTheHigherTier()
    {
        decimal[] spends = [500m, 500m, 500m, 100m, 100m, 100m, 100m, 100m, 100m, 100m];
        var cuts = SpendTiers.CutsFromShares(spends, SpendTierShares.Default);
        Assert.Equal(3, spends.Count(s => SpendTiers.TierOf(s, cuts) == SpendTier.Big));
    }

    [Fact]
    public void CutsFromShares_OneAccount_IsBig()
    {
        var cuts = SpendTiers.CutsFromShares([42m], SpendTierShares.Default);
        Assert.Equal(SpendTier.Big, SpendTiers.TierOf(42m, cuts));
    }

    [Fact]
    public void CutsFromShares_CustomShares()
    {
        var cuts = SpendTiers.CutsFromShares(TenSpends, new SpendTierShares(0.10m, 0.40m));
        Assert.Equal(new SpendTierCutPoints(1000m, 600m), cuts);
    }

    [Theory]
    [InlineData("big", SpendTier.Big)]
    [InlineData(" Medium ", SpendTier.Medium)]
    [InlineData("small", SpendTier.Small)]
    public void TryParse_Codes(string text, SpendTier expected)
    {
        Assert.True(SpendTiers.TryParse(text, out var tier));
        Assert.Equal(expected, tier);
        Assert.False(SpendTiers.TryParse("huge", out _));
    }
}
