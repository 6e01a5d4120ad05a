using System.Text.Json;
using Rekindle.Common;

namespace Rekindle.Storage.Tests;

/// <summary>rekindle import --mapping: any CSV export through a mapping, and --draft-mapping's first guess at one.</summary>
public class MappedImportTests
{
    private const string Customers = "Customer No,Company,Sector,Since,Sales Rep\nC-1,Acme GmbH,Retail,15/03/2021,\nC-2,Bolt AG,Industry,01/12/2022,\n";
    private const string Invoices = "Invoice,Customer No,Invoice Date,Total,State\nINV-1,C-1,02/05/2025,120.50,paid\nINV-2,C-1,03/06/2025,80.00,void\nINV-3,C-2,04/07/2025,99.90,paid\n";

    private const string Mapping = """
        {
          "dateFormats": ["dd/MM/yyyy"],
          "tables": {
            "accounts": { "file": "customers.csv", "fields": { "account_id": "Customer No", "name": "Company", "industry": "Sector", "created_on": "Since" } },
            "orders": { "file": "invoices.csv", "fields": {
              "order_id": "Invoice", "account_id": "Customer No", "order_date": "Invoice Date", "amount": "Total",
              "currency": { "constant": "EUR" },
              "status": { "column": "State", "values": { "paid": "booked", "void": "cancelled" } } } }
          }
        }
        """;

    [Fact]
    public void Import_WithMapping_ReadsTheExportAsMapped()
    {
        using var workspace = new TestWorkspace(WorkspaceProvider.Sqlite);
        using var export = new TempFolder().Write("customers.csv", Customers).Write("invoices.csv", Invoices).Write("notes.txt", "x");
        using var mapping = new TempFolder().Write("erp.json", Mapping);

        var result = Rk.Run(workspace, "import", export.Path, "--mapping", mapping.File("erp.json"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("not read (not in the mapping): notes.txt", result.Out, StringComparison.Ordinal);
        using var db = workspace.Open();
        Assert.Equal(new DateOnly(2021, 3, 15), db.Accounts.Single(a => a.AccountId == "C-1").CreatedOn);
        var orders = db.Orders.OrderBy(o => o.OrderId).Select(o => new { o.OrderId, o.OrderDate, o.Amount, o.Status, o.Currency }).AsEnumerable().Select(o => (o.OrderId, o.OrderDate, o.Amount, o.Status, o.Currency)).ToList();
        Assert.Equal(
            [
                ("INV-1", new DateOnly(2025, 5, 2), 120.50m, OrderStatus.Booked, "EUR"),
                ("INV-2", new DateOnly(2025, 6, 3), 80.00m, OrderStatus.Cancelled, "EUR"),
                ("INV-3", new DateOnly(2025, 7, 4), 99.90m, OrderStatus.Booked, "EUR"),
            ],
            orders);

        var again = Rk.Run(workspace, "import", export.Path, "--mapping", mapping.File("erp.json"));
        Assert.Contains(" 0 new, 0 changed,", again.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_BadValueThroughMapping_NamesTheSourceFileLineAndColumn()
    {
        using var workspace = new TestWorkspace(WorkspaceProvider.Sqlite);
        using var export = new TempFolder().Write("customers.csv", Customers).Write("invoices.csv", Invoices + "INV-4,C-2,2025-13-45,10.00,paid\nINV-5,C-2,05/07/2025,10.00,mystery\n");
        using var mapping = new TempFolder().Write("erp.json", Mapping);
        var before = workspace.Fingerprint();

        var result = Rk.Run(workspace, "import", export.Path, "--mapping", mapping.File("erp.json"));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("invoices.csv:5: column Invoice Date value \"2025-13-45\": not a date in the mapping's formats", result.Error, StringComparison.Ordinal);
        Assert.Contains("invoices.csv:6: column State value \"mystery\": expected booked, cancelled or refunded", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, workspace.Fingerprint());
    }

    [Fact]
    public void Import_MappingWithUnknownFieldAndNoOrders_ExitsTwoNamingEachKey()
    {
        using var workspace = new TestWorkspace(WorkspaceProvider.Sqlite);
        using var export = new TempFolder().Write("customers.csv", Customers);
        using var mapping = new TempFolder().Write("bad.json", """{ "tables": { "accounts": { "file": "customers.csv", "fields": { "account_id": "Customer No", "colour": "Sector" } } } }""");

        var result = Rk.Run(workspace, "import", export.Path, "--mapping", mapping.File("bad.json"));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("column tables.orders: a mapping must say where accounts and orders come from", result.Error, StringComparison.Ordinal);
        Assert.Contains("column tables.accounts.fields.colour: unknown field", result.Error, StringComparison.Ordinal);
        Assert.Contains("column tables.accounts.fields.created_on: a required field is not mapped", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void DraftMapping_MatchesHeadersAndSniffsDateFormats_MarksWhatItCannotDecide()
    {
        using var export = new TempFolder().Write("customers.csv", Customers).Write("invoices.csv", Invoices);

        var result = Rk.Run("import", export.Path, "--draft-mapping");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var draft = JsonDocument.Parse(result.Out);
        var tables = draft.RootElement.GetProperty("tables");
        Assert.Equal("customers.csv", tables.GetProperty("accounts").GetProperty("file").GetString());
        Assert.Equal("Customer No", tables.GetProperty("accounts").GetProperty("fields").GetProperty("account_id").GetString());
        Assert.Equal("Since", tables.GetProperty("accounts").GetProperty("fields").GetProperty("created_on").GetString());
        Assert.Equal("invoices.csv", tables.GetProperty("orders").GetProperty("file").GetString());
        Assert.Equal("Invoice Date", tables.GetProperty("orders").GetProperty("fields").GetProperty("order_date").GetString());
        Assert.Equal("Total", tables.GetProperty("orders").GetProperty("fields").GetProperty("amount").GetString());
        Assert.Contains("currency", tables.GetProperty("orders").GetProperty("fields").GetProperty("currency").GetProperty("todo").GetString(), StringComparison.Ordinal);
        Assert.Equal(["dd/MM/yyyy"], draft.RootElement.GetProperty("dateFormats").EnumerateArray().Select(e => e.GetString()));
    }
}
