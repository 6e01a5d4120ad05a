using Rekindle.Models;
using Rekindle.Signals;

namespace Rekindle.Core.Tests.Signals;

public class BookSummariesTests
{
    [Fact]
    public void From_MergesSameDayOrders_CountsRepeatsOnly_InWeeks()
    {
        var book = new TestBook()
            .Account("A").Order("A", "2026-01-01", 10).Order("A", "2026-01-01", 5).Order("A", "2026-01-15", 20).Order("A", "2026-01-15", 4).Order("A", "2026-01-29", 30)
            .Account("B").Order("B", "2026-01-08", 50)
            .Account("P")
            .Order("A", "2026-03-01", 99).Order("B", "2026-02-19", 1)
            .Build();
        var s = BookSummaries.From(book, new DateOnly(2026, 2, 12), TimeUnit.Weeks, holdoutEnd: new DateOnly(2026, 3, 31));
        Assert.Equal([0, 1], s.Accounts);
        var a = s.Summaries[0];
        Assert.Equal(2, a.X);
        Assert.Equal(4.0, a.Tx, 10);
        Assert.Equal(6.0, a.T, 10);
        Assert.Equal(27.0, a.MeanSpend, 10);     // (24 + 30) / 2 repeat purchase days
        Assert.Equal(1, a.HoldoutPurchases);
        var b = s.Summaries[1];
        Assert.Equal(0, b.X);
        Assert.Equal(0, b.Tx);
        Assert.Equal(5.0, b.T, 10);
        Assert.Equal(1, b.HoldoutPurchases);
    }
}
