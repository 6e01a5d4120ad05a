using Rekindle.Models;

namespace Rekindle.Core.Tests.Models;

public class SummaryBuilderTests
{
    private static readonly DateOnly CalibrationEnd = new(2024, 3, 31);

    [Fact]
    public void Build_CdnowEventLog_ReproducesBtydSummaryAtFullPrecision()
    {
        var (ids, dates, amounts) = Datasets.CdnowElog;
        var built = SummaryBuilder.Build(ids, dates, amounts, Datasets.CdnowCalibrationEnd, TimeUnit.Weeks, Datasets.CdnowHoldoutEnd);
        var reference = Datasets.CdnowSummary;

        Assert.Equal(2357, built.Count);
        var byId = Enumerable.Range(0, built.Count).ToDictionary(i => built.Ids![i]);
        for (var i = 0; i < reference.Count; i++)
        {
            var expected = reference[i];
            var actual = built[byId[expected.Id]];
            Assert.Equal(expected.X, actual.X);
            Assert.Equal(expected.Tx, actual.Tx, 1e-12);
            Assert.Equal(expected.T, actual.T, 1e-12);
            Assert.Equal(expected.HoldoutPurchases, actual.HoldoutPurchases);
            Assert.Equal(expected.MeanSpend, actual.MeanSpend, 1e-9);
        }

        Assert.Equal(2457, built.TotalRepeatPurchases);
        Assert.Equal(1882, built.HoldoutPurchases!.Sum());
    }

    [Fact]
    public void Summarise_SameDayOrders_MergeIntoOnePurchaseWithSummedAmount()
    {
        OrderEvent[] orders =
        [
            new(new(2024, 1, 1), 10m),
            new(new(2024, 1, 1), 5m),
            new(new(2024, 1, 15), 20m),
            new(new(2024, 1, 15), 4m),
            new(new(2024, 1, 29), 6m),
        ];

        var s = SummaryBuilder.Summarise("c", orders, CalibrationEnd, TimeUnit.Weeks)!.Value;

        Assert.Equal(2, s.X);
        Assert.Equal(4, s.Tx, 12);
        Assert.Equal(SummaryBuilder.Length(new(2024, 1, 1), CalibrationEnd, TimeUnit.Weeks), s.T, 12);
        Assert.Equal(15, s.MeanSpend, 12);
    }

    [Fact]
    public void Summarise_Days_CountsCalibrationEndInclusiveAndHoldoutSeparately()
    {
        OrderEvent[] orders =
        [
            new(new(2024, 3, 1), 1m),
            new(new(2024, 3, 31), 2m),
            new(new(2024, 4, 1), 3m),
            new(new(2024, 4, 1), 3m),
            new(new(2024, 5, 1), 3m),
            new(new(2024, 7, 1), 3m),
        ];

        var s = SummaryBuilder.Summarise("c", orders, CalibrationEnd, TimeUnit.Days, new DateOnly(2024, 6, 30))!.Value;

        Assert.Equal(1, s.X);
        Assert.Equal(30, s.Tx);
        Assert.Equal(30, s.T);
        Assert.Equal(2, s.MeanSpend);
        Assert.Equal(2, s.HoldoutPurchases);
    }

    [Fact]
    public void Build_CustomerFirstBuyingAfterCalibrationEnd_IsLeftOut()
    {
        var built = SummaryBuilder.Build(
            ["a", "b", "a"],
            [new(2024, 1, 1), new(2024, 5, 1), new(2024, 2, 1)],
            [1m, 2m, 3m],
            CalibrationEnd,
            TimeUnit.Days);

        Assert.Equal(1, built.Count);
        Assert.Equal("a", built.Ids![0]);
        Assert.Equal(1, built.X[0]);
        Assert.Equal(31, built.Tx[0]);
        Assert.Null(built.HoldoutPurchases);
    }

    [Fact]
    public void CustomerSummaries_ImpossibleRow_Throws() =>
        Assert.Throws<ArgumentException>(() => new CustomerSummaries([1], [5], [4]));
}
