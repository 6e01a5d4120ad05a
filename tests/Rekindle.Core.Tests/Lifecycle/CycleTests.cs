using Rekindle.Lifecycle;
using Rekindle.Policies;
using static Rekindle.Core.Tests.TestBook;

namespace Rekindle.Core.Tests.Lifecycle;

public class CycleTests
{
    [Theory]
    [InlineData(2, CycleBasis.Company)]
    [InlineData(3, CycleBasis.Own)]
    [InlineData(4, CycleBasis.Own)]
    public void Cycle_AroundMinOrdersForOwnCycle(int dates, CycleBasis expected)
    {
        var book = new TestBook()
            .Account("A").Every("A", 10, dates, "2026-06-01")
            .Account("B").Every("B", 50, 5, "2026-06-01");
        var result = book.Classify("2026-06-30");
        Assert.Equal(expected, result[0].CycleBasis);
        Assert.Equal(expected == CycleBasis.Own ? 10.0 : result.CompanyCycle.Days, result[0].CycleDays);
    }

    [Fact]
    public void Cycle_SameDayOrders_CountAsOneDate()
    {
        var result = new TestBook().Account("A").Orders("A", "2026-01-01", "2026-01-01", "2026-01-11", "2026-01-11").Classify("2026-02-01");
        Assert.Equal(2, result[0].Measures.CycleDates);
        Assert.Equal(CycleBasis.Company, result[0].CycleBasis);
    }

    [Fact]
    public void CompanyCycle_IsTheMedianOfAccountMedians_OverAccountsWithTwoDates()
    {
        var result = new TestBook()
            .Account("A").Orders("A", "2026-01-01", "2026-01-11")                 // median gap 10
            .Account("B").Orders("B", "2026-01-01", "2026-01-21", "2026-03-02")   // gaps 20, 40: median 30
            .Account("C").Orders("C", "2026-01-01", "2026-04-11")                 // median gap 100
            .Account("D").Orders("D", "2026-01-01")                               // one date: not measured
            .Classify("2026-06-30");
        Assert.Equal(30.0, result.CompanyCycle.Days);
        Assert.Equal(3, result.CompanyCycle.AccountsMeasured);
        Assert.Equal(CycleBasis.Company, result.CompanyCycle.Basis);
    }

    [Fact]
    public void CompanyCycle_PinnedByFixedCycleDays()
    {
        var result = new TestBook().Account("A").Orders("A", "2026-01-01", "2026-01-11").Classify("2026-06-30", Policy.Default with { FixedCycleDays = 45 });
        Assert.Equal(45.0, result.CompanyCycle.Days);
        Assert.Equal(CycleBasis.Fixed, result[0].CycleBasis);
        Assert.Equal(90.0, result[0].LapseThresholdDays);
    }

    [Fact]
    public void CompanyCycle_NoAccountWithTwoDates_UsesTheFallback()
    {
        var result = new TestBook().Account("A").Orders("A", "2026-01-01").Classify("2026-06-30");
        Assert.True(result.CompanyCycle.IsFallback);
        Assert.Equal(Policy.DefaultCompanyCycleFallbackDays, result.CompanyCycle.Days);
    }

    [Theory]
    [InlineData(1094, 4)]
    [InlineData(1095, 4)]
    [InlineData(1096, 3)]
    public void Cycle_OnlyOrdersWithinCycleWindowDaysCount(int oldestDaysAgo, int expectedDates)
    {
        var asOf = D("2026-06-30");
        string Ago(int d) => asOf.AddDays(-d).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var result = new TestBook().Account("A").Orders("A", Ago(oldestDaysAgo), Ago(100), Ago(50), Ago(10)).Classify("2026-06-30");
        Assert.Equal(expectedDates, result[0].Measures.CycleDates);
    }

    [Fact]
    public void Median_EvenCount_AveragesTheMiddleTwo()
    {
        Span<int> values = [40, 10, 30, 20];
        Assert.Equal(25.0, AccountMeasures.Median(values));
    }
}
