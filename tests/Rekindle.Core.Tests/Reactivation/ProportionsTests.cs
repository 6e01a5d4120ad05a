using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Rekindle.Reactivation;

namespace Rekindle.Core.Tests.Reactivation;

/// <summary>Against the published values of Newcombe (1998), Statistics in Medicine 17:857-872 and 873-890.</summary>
public class ProportionsTests
{
    private const double Tolerance = 0.00005;

    [Theory]
    [InlineData(81, 263, 0.2553, 0.3662)]
    [InlineData(15, 148, 0.0624, 0.1605)]
    [InlineData(0, 20, 0.0, 0.1611)]
    [InlineData(1, 29, 0.0061, 0.1718)]
    public void Wilson_PublishedIntervals(int x, int n, double lower, double upper)
    {
        var i = Proportions.Wilson(x, n);
        Assert.Equal(lower, i.Lower, Tolerance);
        Assert.Equal(upper, i.Upper, Tolerance);
    }

    [Theory]
    [InlineData(56, 70, 48, 80, 0.0524, 0.3339)]
    [InlineData(9, 10, 3, 10, 0.1705, 0.8090)]
    [InlineData(6, 7, 2, 7, 0.0582, 0.8062)]
    [InlineData(5, 56, 0, 29, -0.0381, 0.1926)]
    [InlineData(0, 10, 0, 20, -0.1611, 0.2775)]
    [InlineData(10, 10, 0, 20, 0.6791, 1.0000)]
    public void NewcombeDifference_PublishedIntervals(int x1, int n1, int x2, int n2, double lower, double upper)
    {
        var i = Proportions.NewcombeDifference(x1, n1, x2, n2)!.Value;
        Assert.Equal((double)x1 / n1 - ((double)x2 / n2), i.Estimate, 1e-12);
        Assert.Equal(lower, i.Lower, Tolerance);
        Assert.Equal(upper, i.Upper, Tolerance);
    }

    [Fact]
    public void NewcombeDifference_EmptyGroup_IsNull() =>
        Assert.Null(Proportions.NewcombeDifference(1, 10, 0, 0));

    [Fact]
    public void Z_NinetyFivePercent() => Assert.Equal(1.959964, Proportions.Z(0.95), 1e-6);

    [Property(MaxTest = 300)]
    public Property NewcombeDifference_ContainsTheEstimate_WithinMinusOneToOne(PositiveInt a, PositiveInt b, NonNegativeInt c, NonNegativeInt d)
    {
        var n1 = a.Get % 500 + 1;
        var n2 = b.Get % 500 + 1;
        var x1 = c.Get % (n1 + 1);
        var x2 = d.Get % (n2 + 1);
        var i = Proportions.NewcombeDifference(x1, n1, x2, n2)!.Value;
        return (i.Lower <= i.Estimate + 1e-12 && i.Estimate <= i.Upper + 1e-12 && i.Lower >= -1 - 1e-12 && i.Upper <= 1 + 1e-12)
            .Label($"{x1}/{n1} - {x2}/{n2}: [{i.Lower}, {i.Upper}]");
    }
}
