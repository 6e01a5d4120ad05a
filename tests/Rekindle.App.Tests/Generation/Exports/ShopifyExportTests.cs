using System.Globalization;
using Rekindle.App.Generation.Exports;

namespace Rekindle.App.Tests.Generation.Exports;

public sealed class ShopifyExportTests(ExportedCompany company) : IClassFixture<ExportedCompany>
{
    private const ExportFormat Shopify = ExportFormat.Shopify;

    private const string OrdersHeader =
        "Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Accepts Marketing,Currency,Subtotal,Shipping,Taxes,Total,Discount Code," +
        "Discount Amount,Shipping Method,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem compare at price,Lineitem sku," +
        "Lineitem requires shipping,Lineitem taxable,Lineitem fulfillment status,Billing Name,Billing Street,Billing Address1,Billing Address2," +
        "Billing Company,Billing City,Billing Zip,Billing Province,Billing Country,Billing Phone,Shipping Name,Shipping Street,Shipping Address1," +
        "Shipping Address2,Shipping Company,Shipping City,Shipping Zip,Shipping Province,Shipping Country,Shipping Phone,Notes,Note Attributes," +
        "Cancelled at,Payment Method,Payment Reference,Refunded Amount,Vendor,Outstanding Balance,Employee,Location,Device ID,Id,Tags,Risk Level," +
        "Source,Lineitem discount,Tax 1 Name,Tax 1 Value,Tax 2 Name,Tax 2 Value,Tax 3 Name,Tax 3 Value,Tax 4 Name,Tax 4 Value,Tax 5 Name,Tax 5 Value," +
        "Phone,Receipt Number,Duties,Billing Province Name,Shipping Province Name,Payment ID,Payment Terms Name,Next Payment Due At,Payment References";

    [Fact]
    public void Write_OrdersFiles_ShopifyHeaderAndHashNamesUnquoted()
    {
        var text = File.ReadAllText(company.PathOf(Shopify, "orders_export_1.csv"));

        Assert.StartsWith(OrdersHeader + "\n#", text, StringComparison.Ordinal);
        Assert.StartsWith("Customer ID,First Name,Last Name,Email,Company,Accepts Email Marketing,Total Spent,Total Orders,Tags,Note,",
            File.ReadAllText(company.PathOf(Shopify, ShopifyExport.CustomersFile)), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_SmallSplitSize_NumberedFilesNoOrderSplitAllLinesOnce()
    {
        var parts = company.Files[Shopify].Where(f => f.StartsWith("orders_export_", StringComparison.Ordinal)).ToList();
        var rows = parts.SelectMany(p => company.Read(Shopify, p).Rows.Select(r => (File: p, Row: r))).ToList();

        Assert.True(parts.Count > 2, $"{parts.Count} files");
        Assert.Equal(Enumerable.Range(1, parts.Count).Select(ShopifyExport.OrdersFile), parts);
        Assert.All(parts, p => Assert.InRange(company.Read(Shopify, p).Rows.Count, 1, ExportedCompany.ShopifyRowsPerFile));
        Assert.All(rows.GroupBy(r => r.Row[0]), order => Assert.Single(order.Select(r => r.File).Distinct()));
        Assert.Equal(company.Source.OrderLines.Count, rows.Count);
        Assert.Equal(company.Source.Orders.Count, rows.Count(r => r.Row[15].Length > 0));
    }

    [Fact]
    public void Write_Orders_TotalsStatusesAndTimestamps()
    {
        var rows = company.Files[Shopify].Where(f => f.StartsWith("orders_export_", StringComparison.Ordinal))
            .SelectMany(p => company.Read(Shopify, p).Rows).ToList();
        var firsts = rows.Where(r => r[15].Length > 0).ToList();
        var map = ExportedCompany.ReadCsv(company.PathOf(Shopify, ExportOptions.IdMapFile)).Rows.Where(r => r[0] == "orders").ToDictionary(r => r[2], r => r[1]);
        var source = company.Source.Orders.ToDictionary(o => o[0]);

        Assert.All(firsts, r => Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d -0[45]00$", r[15]));
        foreach (var r in firsts)
        {
            var order = source[map[r[0]]];
            Assert.Equal(order[3], r[11]);
            Assert.Equal(order[2], r[15][..10]);
            Assert.Equal(order[5] switch { "cancelled" => "voided", "refunded" => "refunded", _ => r[2] }, r[2]);
            Assert.Equal(order[5] == "cancelled", r[46].Length > 0);
        }

        Assert.Contains(firsts, r => r[2] == "paid");
        Assert.Contains(firsts, r => r[2] == "voided");
        Assert.Contains(firsts, r => r[2] == "refunded" && r[49] == r[11]);
        Assert.Contains(rows, r => r[15].Length == 0 && r[0].StartsWith('#'));
        Assert.Equal(company.Source.Orders.Count, firsts.Select(r => r[0]).Distinct().Count());
    }

    [Fact]
    public void Write_Customers_OnePerAccountWithBookedTotals()
    {
        var (_, rows) = company.Read(Shopify, ShopifyExport.CustomersFile);

        Assert.Equal(company.Source.Accounts.Count, rows.Count);
        Assert.Equal(
            company.Source.Orders.Where(o => o[5] == "booked").Sum(o => GeneratedCompany.Money(o[3])),
            rows.Sum(r => decimal.Parse(r[6], CultureInfo.InvariantCulture)));
        Assert.Equal(company.Source.Orders.Count, rows.Sum(r => int.Parse(r[7], CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Write_SameSourceTwice_ByteIdenticalFiles()
    {
        var again = Path.Combine(company.Root, "shopify-again");
        var files = ExportWriter.Write(company.Source.Directory, again, Shopify, company.Options);

        Assert.Equal(company.Files[Shopify], files);
        foreach (var file in files)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(again, file)).SequenceEqual(File.ReadAllBytes(company.PathOf(Shopify, file))), $"{file} differs");
        }
    }

    [Fact]
    public void ExportOptions_Defaults_ArePinned()
    {
        var options = new ExportOptions(ExportedCompany.AsOf);

        Assert.Equal(50_000, options.ShopifyRowsPerFile);
        Assert.False(options.Zip);
        Assert.Empty(options.Validate());
        Assert.Single(new ExportOptions(ExportedCompany.AsOf, ShopifyRowsPerFile: 0).Validate());
    }

    [Theory]
    [InlineData("2026-01-15", "-0500")]
    [InlineData("2026-03-07", "-0500")]
    [InlineData("2026-03-08", "-0400")]
    [InlineData("2026-10-31", "-0400")]
    [InlineData("2026-11-01", "-0500")]
    public void EasternOffset_AroundSummerTime_UsesUsRules(string day, string offset)
    {
        Assert.Equal(offset, ShopifyExport.EasternOffset(DateOnly.Parse(day, CultureInfo.InvariantCulture)));
    }
}
