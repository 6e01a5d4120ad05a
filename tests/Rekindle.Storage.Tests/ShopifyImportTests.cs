using Rekindle.App.Generation.Exports;
using Rekindle.Common;

namespace Rekindle.Storage.Tests;

/// <summary>rekindle import --from shopify: the orders export as Shopify writes it, its quirks, and the round trip.</summary>
public class ShopifyImportTests(GeneratedCompanies companies) : IClassFixture<GeneratedCompanies>
{
    private const string Header = "Name,Email,Financial Status,Paid at,Accepts Marketing,Currency,Subtotal,Total,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Billing Name,Billing Company,Cancelled at,Refunded Amount,Vendor,Id\n";

    [Theory]
    [InlineData(WorkspaceProvider.Sqlite)]
    [PostgresData]
    public void Import_GeneratedShopifyExport_ClassifiesLikeItsOrders(WorkspaceProvider provider)
    {
        var original = companies.Of(300);
        using var export = new TempFolder();
        ExportWriter.Write(original, export.Path, ExportFormat.Shopify, new ExportOptions(new DateOnly(2026, 11, 23), ShopifyRowsPerFile: 2_000));
        using var workspace = new TestWorkspace(provider);

        var imported = Rk.Run(workspace, "import", "--from", "shopify", export.Path);

        Assert.True(imported.ExitCode == 0, imported.ToString());
        Assert.True(File.Exists(export.File("orders_export_2.csv")), "the export is split into numbered files");
        using var carried = new TempFolder();
        foreach (var name in new[] { "accounts.csv", "orders.csv" })
        {
            File.Copy(Path.Combine(original, name), carried.File(name));
        }

        var ids = File.ReadLines(export.File("rekindle-ids.csv")).Skip(1).Select(l => l.Split(',', 3))
            .Where(f => f[0] == "account_keys").ToDictionary(f => f[2].Trim('"'), f => f[1]);
        var expected = SalesforceImportTests.StatusAndKey(Rk.Run("classify", "--data", carried.Path, "--as-of", "2026-11-23", "--format", "csv").Out, id => id);
        var actual = SalesforceImportTests.StatusAndKey(Rk.Run(workspace, "classify", "--as-of", "2026-11-23", "--format", "csv").Out, id => ids[id]);
        var differ = expected.Where(e => actual.GetValueOrDefault(e.Key) != e.Value).Select(e => $"{e.Key}: {e.Value} -> {actual.GetValueOrDefault(e.Key)}").ToList();
        Assert.True(differ.Count == 0, string.Join("\n", differ));
        Assert.Equal(expected.Count, actual.Count);

        var again = Rk.Run(workspace, "import", "--from", "shopify", export.Path);
        Assert.Contains(" 0 new, 0 changed,", again.Out, StringComparison.Ordinal);
    }

    /// <summary>
    /// Unquoted #names, line items after the first row without order fields, each Financial Status, Cancelled at, an
    /// offset in Created at (the order's own local date), Accepts Marketing = no as an e-mail opt-out.
    /// </summary>
    [Fact]
    public void Import_OrdersExport_StatusesLinesAndCustomers()
    {
        using var workspace = new TestWorkspace(WorkspaceProvider.Sqlite);
        using var export = new TempFolder().Write("orders_export_1.csv", Header +
            "#1001,Ann@Shop.example,paid,,no,USD,100.00,100.00,2025-03-01 23:30:00 -0500,2,Mug,30.00,M-1,Ann Lee,,,,Kitchen,1\n" +
            "#1001,Ann@Shop.example,,,,,,,,1,Plate,40.00,P-1,Ann Lee,,,,Kitchen,\n" +
            "#1002,ann@shop.example,partially_refunded,,,USD,80.00,80.00,2025-04-01 10:00:00 -0400,1,Bowl,80.00,B-1,Ann Lee,,,30.00,Kitchen,2\n" +
            "#1003,ann@shop.example,refunded,,,USD,50.00,50.00,2025-05-01 10:00:00 -0400,1,Cup,50.00,C-1,Ann Lee,,,50.00,Kitchen,3\n" +
            "#1004,,voided,,,USD,20.00,20.00,2025-06-01 10:00:00 -0400,1,Cup,20.00,C-1,Bo Byrne,Byrne Ltd,,,Kitchen,4\n" +
            "#1005,,paid,,,USD,60.00,60.00,2025-06-02 10:00:00 -0400,1,Cup,60.00,C-1,Bo Byrne,Byrne Ltd,2025-06-03 10:00:00 -0400,,Kitchen,5\n");

        var result = Rk.Run(workspace, "import", "--from", "shopify", export.Path);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var db = workspace.Open();
        var orders = db.Orders.OrderBy(o => o.OrderId).Select(o => new { o.OrderId, o.AccountId, o.OrderDate, o.Amount, o.Status }).ToList();
        Assert.Equal(
            [
                ("#1001", "ann@shop.example", new DateOnly(2025, 3, 1), 100.00m, OrderStatus.Booked),
                ("#1002", "ann@shop.example", new DateOnly(2025, 4, 1), 50.00m, OrderStatus.Booked),
                ("#1003", "ann@shop.example", new DateOnly(2025, 5, 1), 50.00m, OrderStatus.Refunded),
                ("#1004", "Bo Byrne", new DateOnly(2025, 6, 1), 20.00m, OrderStatus.Cancelled),
                ("#1005", "Bo Byrne", new DateOnly(2025, 6, 2), 60.00m, OrderStatus.Cancelled),
            ],
            orders.Select(o => (o.OrderId, o.AccountId, o.OrderDate, o.Amount, o.Status)));
        Assert.Equal([("#1001", 1, "Mug", 2), ("#1001", 2, "Plate", 1)], db.OrderLines.Where(l => l.OrderId == "#1001").OrderBy(l => l.LineNo).Select(l => new { l.OrderId, l.LineNo, l.ProductName, l.Quantity }).AsEnumerable().Select(l => (l.OrderId, l.LineNo, l.ProductName, l.Quantity)));
        var ann = db.Contacts.Single(c => c.AccountId == "ann@shop.example");
        Assert.True(ann.OptOutEmail);
        Assert.Equal(new DateOnly(2025, 3, 1), db.Accounts.Single(a => a.AccountId == "ann@shop.example").CreatedOn);
    }

    [Fact]
    public void Import_UnknownFinancialStatus_ExitsTwoWithTheLine()
    {
        using var workspace = new TestWorkspace(WorkspaceProvider.Sqlite);
        using var export = new TempFolder().Write("orders_export_1.csv", Header + "#1001,ann@shop.example,mystery,,,USD,1.00,1.00,2025-03-01 10:00:00 -0500,1,Mug,1.00,M-1,Ann Lee,,,,Kitchen,1\n");

        var result = Rk.Run(workspace, "import", "--from", "shopify", export.Path);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("orders_export_1.csv:2: column Financial Status value \"mystery\": unknown Financial Status", result.Error, StringComparison.Ordinal);
    }
}
