using Rekindle.Common;
using Rekindle.Lifecycle;
using Rekindle.Core.Tests.Reactivation;
using static Rekindle.Core.Tests.TestBook;

namespace Rekindle.Core.Tests.Common;

public class ValueAtStakeTests
{
    [Theory]
    [InlineData("2024-06-30", 350)] // 364 days before the last order: inside the window
    [InlineData("2024-06-29", 250)] // 365 days before: outside
    public void Of_OrderAtTheWindowEdge_CountsWithin365Days(string earlier, decimal expected)
    {
        (DateOnly, decimal)[] orders = [(D(earlier), 100m), (D("2025-01-15"), 200m), (D("2025-06-29"), 50m)];
        Assert.Equal(expected, ValueAtStake.Of(orders, D("2026-11-23")));
    }

    [Fact]
    public void Of_DormantAccountNoOrderForOverAYear_IsTheYearBeforeItStopped()
    {
        (DateOnly, decimal)[] orders = [(D("2023-01-10"), 999m), (D("2024-08-01"), 300m), (D("2025-03-01"), 400m)];
        Assert.Equal(700m, ValueAtStake.Of(orders, D("2026-11-23")));
    }

    [Fact]
    public void Of_OrdersAfterAsOf_AreIgnored()
    {
        (DateOnly, decimal)[] orders = [(D("2025-03-01"), 400m), (D("2026-12-01"), 5000m)];
        Assert.Equal(400m, ValueAtStake.Of(orders, D("2026-11-23")));
        Assert.Equal(0m, ValueAtStake.Of([], D("2026-11-23")));
    }

    [Fact]
    public void Of_Spans_SkipsCancelledAndRefundedOrders()
    {
        var book = new TestBook().Account("A")
            .Order("A", "2024-08-01", 300m)
            .Order("A", "2025-02-01", 1000m, OrderStatus.Refunded)
            .Order("A", "2025-03-01", 400m)
            .Order("A", "2025-04-01", 1000m, OrderStatus.Cancelled)
            .Build();
        var facts = book.Facts(0);
        Assert.Equal(700m, ValueAtStake.Of(facts.OrderDays, facts.OrderAmounts, facts.OrderStatuses, D("2026-11-23").DayNumber));
        Assert.Equal(300m, ValueAtStake.Of(facts.OrderDays, facts.OrderAmounts, facts.OrderStatuses, D("2025-01-01").DayNumber));
    }

    [Fact]
    public void Segment_DormantAccount_RevenueAtStakeIsTheYearUpToItsLastOrder()
    {
        var s = new Scenario()
            .Lapsed("DOR", 400, amount: 250m)
            .Order("DOR", Scenario.DaysBefore(420), 100m)
            .Order("DOR", Scenario.DaysBefore(765), 5000m); // 365 days before the last order: outside
        Assert.Equal(LifecycleStatus.Dormant, s.Classify()[1].Status);
        var a = s.SegmentOf("DOR");
        Assert.Equal(350m, a.RevenueAtStake);
        Assert.Equal(350m, a.ValueAtStake);
    }
}
