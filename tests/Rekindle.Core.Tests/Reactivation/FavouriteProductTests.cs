using Rekindle.Common;
using Rekindle.Reactivation;
using static Rekindle.Core.Tests.TestBook;

namespace Rekindle.Core.Tests.Reactivation;

public class FavouriteProductTests
{
    private static readonly DateOnly AsOf = D("2026-06-30");

    private static OrderLine Line(string order, string date, string sku, string category = "Tools", decimal quantity = 1m, decimal price = 10m, OrderStatus status = OrderStatus.Booked) =>
        new("A", order, D(date), status, sku, "Product " + sku, category, quantity, price);

    [Fact]
    public void Find_MostOrders_BeatsMostMoney()
    {
        OrderLine[] lines =
        [
            Line("O1", "2025-01-10", "GLUE"), Line("O2", "2025-03-10", "GLUE"), Line("O3", "2025-05-10", "GLUE"),
            Line("O1", "2025-01-10", "SAW", price: 500m), Line("O2", "2025-03-10", "SAW", price: 500m),
        ];
        var favourite = FavouriteProducts.Find(lines, AsOf, 60);
        Assert.Equal(new FavouriteProduct(FavouriteLevel.Product, "GLUE", "Product GLUE", 3, 30m, D("2025-05-10")), favourite);
    }

    [Fact]
    public void Find_MostSpendRanking_PicksTheMoney()
    {
        OrderLine[] lines =
        [
            Line("O1", "2025-01-10", "GLUE"), Line("O2", "2025-03-10", "GLUE"), Line("O3", "2025-05-10", "GLUE"),
            Line("O1", "2025-01-10", "SAW", price: 500m), Line("O2", "2025-03-10", "SAW", price: 500m),
        ];
        Assert.Equal("SAW", FavouriteProducts.Find(lines, AsOf, 60, FavouriteRanking.MostSpend)!.Key);
    }

    [Theory]
    [InlineData(60, "SAW")]
    [InlineData(61, "GLUE")]
    public void Find_ProductBoughtWithinItsCycle_IsNotLapsed(int daysSinceGlue, string expected)
    {
        // GLUE is the most ordered; bought exactly one 60-day cycle ago it is still "within" and skipped.
        var glue = AsOf.AddDays(-daysSinceGlue).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        OrderLine[] lines =
        [
            Line("O1", "2025-01-10", "GLUE"), Line("O2", "2025-02-10", "GLUE"), Line("O9", glue, "GLUE"),
            Line("O1", "2025-01-10", "SAW"), Line("O2", "2025-02-10", "SAW"),
        ];
        Assert.Equal(expected, FavouriteProducts.Find(lines, AsOf, 60)!.Key);
    }

    [Fact]
    public void Find_ProductsSparse_NoProductBoughtTwice_UsesTheCategory()
    {
        OrderLine[] lines =
        [
            Line("O1", "2025-01-10", "P1", "Paint"), Line("O2", "2025-02-10", "P2", "Paint"), Line("O3", "2025-03-10", "P3", "Paint"),
            Line("O1", "2025-01-10", "B1", "Brushes", price: 90m),
        ];
        var favourite = FavouriteProducts.Find(lines, AsOf, 60)!;
        Assert.Equal(FavouriteLevel.Category, favourite.Level);
        Assert.Equal("Paint", favourite.Name);
        Assert.Equal(3, favourite.Orders);
    }

    [Fact]
    public void Find_SameProductTwiceInOneOrder_CountsOneOrder()
    {
        OrderLine[] lines = [Line("O1", "2025-01-10", "P1", "Paint"), Line("O1", "2025-01-10", "P1", "Paint")];
        var favourite = FavouriteProducts.Find(lines, AsOf, 60)!;
        Assert.Equal(FavouriteLevel.Category, favourite.Level);
        Assert.Equal(1, favourite.Orders);
        Assert.Equal(20m, favourite.Spend);
    }

    [Fact]
    public void Find_CancelledLinesAndLinesAfterAsOf_DoNotCount()
    {
        OrderLine[] lines =
        [
            Line("O1", "2025-01-10", "GLUE"), Line("O2", "2025-02-10", "GLUE"),
            Line("O3", "2025-01-10", "SAW", status: OrderStatus.Cancelled), Line("O4", "2025-02-10", "SAW", status: OrderStatus.Refunded),
            Line("O5", "2025-03-10", "SAW", status: OrderStatus.Cancelled),
            Line("O6", "2026-07-01", "NAIL"), Line("O7", "2026-07-02", "NAIL"), Line("O8", "2026-07-03", "NAIL"),
        ];
        Assert.Equal("GLUE", FavouriteProducts.Find(lines, AsOf, 60)!.Key);
    }

    [Fact]
    public void Find_NameFromTheLatestLine()
    {
        OrderLine[] lines =
        [
            Line("O1", "2025-01-10", "GLUE") with { ProductName = "Glue (old)" },
            Line("O2", "2025-03-10", "GLUE") with { ProductName = "Super Glue" },
        ];
        Assert.Equal("Super Glue", FavouriteProducts.Find(lines, AsOf, 60)!.Name);
    }

    [Fact]
    public void Find_NoLines_IsNull() => Assert.Null(FavouriteProducts.Find([], AsOf, 60));

    [Fact]
    public void Find_EverythingBoughtRecently_IsNull()
    {
        OrderLine[] lines = [Line("O1", "2026-06-01", "GLUE"), Line("O2", "2026-06-20", "GLUE")];
        Assert.Null(FavouriteProducts.Find(lines, AsOf, 60));
    }
}
