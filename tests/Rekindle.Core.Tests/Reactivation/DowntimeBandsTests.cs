using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Rekindle.Reactivation;

namespace Rekindle.Core.Tests.Reactivation;

public class DowntimeBandsTests
{
    private static readonly DowntimeBands Fixed = new([90, 180, 365], auto: false);

    [Theory]
    [InlineData(1, 0)]
    [InlineData(90, 0)]
    [InlineData(91, 1)]
    [InlineData(180, 1)]
    [InlineData(181, 2)]
    [InlineData(365, 2)]
    [InlineData(366, 3)]
    [InlineData(5000, 3)]
    public void BandOf_AroundEachEdge_EdgeIsTheLastDayOfItsBand(int days, int expected) =>
        Assert.Equal(expected, Fixed.BandOf(days));

    [Fact]
    public void Labels_AreCodesWithInclusiveRanges() =>
        Assert.Equal(["0-90d", "91-180d", "181-365d", "366d+"], Fixed.Labels);

    [Fact]
    public void IndexOfLabel_KnownAndUnknown()
    {
        Assert.Equal(2, Fixed.IndexOfLabel("181-365d"));
        Assert.Equal(-1, Fixed.IndexOfLabel("181-364d"));
    }

    [Fact]
    public void For_PolicyEdges_UsesThemAsGiven()
    {
        var bands = DowntimeBands.For([120, 240], [100, 500, 900]);
        Assert.False(bands.Auto);
        Assert.Equal([120, 240], bands.EdgesDays);
    }

    [Theory]
    [InlineData(14, 30)]
    [InlineData(44, 30)]
    [InlineData(45, 60)]
    [InlineData(74, 60)]
    [InlineData(75, 90)]
    [InlineData(365, 360)]
    public void RoundToMonth_NearestThirtyDays_HalvesUp_AtLeastOneMonth(int days, int expected) =>
        Assert.Equal(expected, DowntimeBands.RoundToMonth(days));

    [Fact]
    public void FromData_UniformDowntimes_SixEqualHeadcountBandsInWholeMonths()
    {
        // 1..600: sextile nearest ranks 100, 200, 300, 400, 500 round to 90, 210, 300, 390, 510.
        var bands = DowntimeBands.FromData(Enumerable.Range(1, 600).ToArray());
        Assert.True(bands.Auto);
        Assert.Equal([90, 210, 300, 390, 510], bands.EdgesDays);
    }

    [Fact]
    public void FromData_MostAccountsInOneRange_ThatRangeGetsTheNarrowBands()
    {
        // 500 accounts spread over 61..120 days, 100 over 300..699: the crowded range is split, the tail is one band.
        var days = Enumerable.Range(0, 500).Select(i => 61 + (i * 60 / 500))
            .Concat(Enumerable.Range(0, 100).Select(i => 300 + (i * 4)))
            .ToArray();
        var bands = DowntimeBands.FromData(days);
        Assert.Equal([90, 120], bands.EdgesDays);
        Assert.Equal(["0-90d", "91-120d", "121d+"], bands.Labels);
    }

    [Fact]
    public void FromData_AllTheSameDowntime_PadsToThreeBandsAMonthApart()
    {
        var bands = DowntimeBands.FromData([100, 100, 100]);
        Assert.Equal([90, 120], bands.EdgesDays);
        Assert.Equal(1, bands.BandOf(100));
    }

    [Fact]
    public void FromData_NoAccounts_StillThreeBands() =>
        Assert.Equal(3, DowntimeBands.FromData([]).Count);

    [Property(MaxTest = 200)]
    public Property FromData_AnyDowntimes_ThreeToSixBands_WholeMonths_Increasing_OrderFree(int[] raw, int shuffleSeed)
    {
        var days = raw.Select(d => 1 + Math.Abs(d % 2000)).ToArray();
        var bands = DowntimeBands.FromData(days);
        var shuffled = days.ToArray();
        new Random(shuffleSeed).Shuffle(shuffled);
        var edges = bands.EdgesDays;
        return (bands.Count is >= 3 and <= 6
                && edges.All(e => e % 30 == 0 && e >= 30)
                && edges.Zip(edges.Skip(1)).All(p => p.First < p.Second)
                && DowntimeBands.FromData(shuffled).EdgesDays.SequenceEqual(edges))
            .Label($"edges [{string.Join(", ", edges)}]");
    }
}
