using Microsoft.EntityFrameworkCore;

namespace Rekindle.Storage.Tests;

/// <summary>rekindle import on both providers: every row stored, idempotent re-import, audited changes, the public logs.</summary>
public class ImportTests(GeneratedCompanies companies) : IClassFixture<GeneratedCompanies>
{
    private const string Cdnow = "../shared/data/lifetimes/CDNOW_master.txt";

    [Theory]
    [InlineData(WorkspaceProvider.Sqlite)]
    [PostgresData]
    public void ImportFolder_GeneratedCompany_StoresEveryRowAndClassifiesLikeTheFiles(WorkspaceProvider provider)
    {
        var folder = companies.Of(300);
        using var workspace = new TestWorkspace(provider);

        var result = Rk.Run(workspace, "import", folder);

        Assert.True(result.ExitCode == 0, result.ToString());
        using (var db = workspace.Open())
        {
            Assert.Equal(Rows(folder, "accounts.csv"), db.Accounts.Count());
            Assert.Equal(Rows(folder, "reps.csv"), db.Reps.Count());
            Assert.Equal(Rows(folder, "contacts.csv"), db.Contacts.Count());
            Assert.Equal(Rows(folder, "orders.csv"), db.Orders.Count());
            Assert.Equal(Rows(folder, "order_lines.csv"), db.OrderLines.Count());
            Assert.Equal(Rows(folder, "engagements.csv"), db.Engagements.Count());
            Assert.Equal(Rows(folder, "opportunities.csv"), db.Opportunities.Count());
            Assert.Equal(db.Accounts.Count(a => a.OwnerRepId != null), db.Ownerships.Count());
            Assert.Equal("USD", db.Settings.Single(s => s.Key == WorkspaceSetting.ReportingCurrency).Value);
            Assert.Single(db.AuditLog, a => a.Action == "import");
        }

        var fromFiles = Rk.Run("classify", "--data", folder, "--as-of", "2026-11-23", "--format", "csv");
        var fromWorkspace = Rk.Run(workspace, "classify", "--as-of", "2026-11-23", "--format", "csv");
        Assert.Equal(0, fromWorkspace.ExitCode);
        Assert.Equal(Lines(fromFiles.Out), Lines(fromWorkspace.Out));
    }

    [Theory]
    [InlineData(WorkspaceProvider.Sqlite)]
    [PostgresData]
    public void ImportFolder_SameFilesTwice_ChangesNothing(WorkspaceProvider provider)
    {
        var folder = companies.Of(300);
        using var workspace = new TestWorkspace(provider);
        Assert.Equal(0, Rk.Run(workspace, "import", folder).ExitCode);
        var before = workspace.Fingerprint();

        var again = Rk.Run(workspace, "import", folder);

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains(" 0 new, 0 changed,", again.Out, StringComparison.Ordinal);
        Assert.Equal(before, workspace.Fingerprint());
    }

    [Theory]
    [InlineData(WorkspaceProvider.Sqlite)]
    [PostgresData]
    public void ImportFolder_ChangedRows_AreUpdatedAuditedAndOwnershipFollows(WorkspaceProvider provider)
    {
        using var workspace = new TestWorkspace(provider);
        using var folder = new TempFolder()
            .Write("reps.csv", "rep_id,name,email,commission_rate,active\nR1,Ann,ann@x.example,0.05,true\nR2,Bob,bob@x.example,0.05,true\n")
            .Write("accounts.csv", "account_id,name,industry,region,created_on,owner_rep_id\nA1,Acme,Retail,EU,2024-01-01,R1\nA2,Beta,Retail,EU,2024-01-01,R1\n")
            .Write("orders.csv", "order_id,account_id,order_date,amount,currency,status\nO1,A1,2026-01-05,100.00,USD,booked\nO2,A2,2026-01-06,50.00,USD,booked\n");
        Assert.Equal(0, Rk.Run(workspace, "import", folder.Path).ExitCode);

        folder.Write("accounts.csv", "account_id,name,industry,region,created_on,owner_rep_id\nA1,Acme,Retail,EU,2024-01-01,R2\nA2,Beta,Retail,EU,2024-01-01,R1\n")
            .Write("orders.csv", "order_id,account_id,order_date,amount,currency,status\nO1,A1,2026-01-05,120.00,USD,refunded\nO2,A2,2026-01-06,50.00,USD,booked\n");
        var result = Rk.Run(workspace, "import", folder.Path);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(" 0 new, 2 changed,", result.Out, StringComparison.Ordinal);
        using var db = workspace.Open();
        var order = db.Orders.Single(o => o.OrderId == "O1");
        Assert.Equal(120.00m, order.Amount);
        Assert.Equal(Common.OrderStatus.Refunded, order.Status);
        var audit = db.AuditLog.AsNoTracking().Where(a => a.Action == "update").ToList().OrderBy(a => a.Entity, StringComparer.Ordinal).ToList();
        Assert.Equal(["accounts", "orders"], audit.Select(a => a.Entity));
        Assert.Equal("owner_rep_id: R1 -> R2", audit[0].Details);
        Assert.Equal("O1", audit[1].EntityId);
        Assert.Contains("amount: 100 -> 120", audit[1].Details, StringComparison.Ordinal);
        Assert.Contains("status: Booked -> Refunded", audit[1].Details, StringComparison.Ordinal);
        var owners = db.Ownerships.AsNoTracking().Where(o => o.AccountId == "A1").ToList().OrderBy(o => o.FromDate).ToList();
        Assert.Equal(2, owners.Count);
        Assert.Equal(("R1", new DateOnly(2024, 1, 1), (DateOnly?)new DateOnly(2026, 11, 23)), (owners[0].RepId, owners[0].FromDate, owners[0].ToDate));
        Assert.Equal(("R2", new DateOnly(2026, 11, 23), (DateOnly?)null), (owners[1].RepId, owners[1].FromDate, owners[1].ToDate));
    }

    [Theory]
    [InlineData(WorkspaceProvider.Sqlite)]
    [PostgresData]
    public void ImportCdnow_MasterThenSample_LoadsEveryPurchaseOnce(WorkspaceProvider provider)
    {
        using var workspace = new TestWorkspace(provider);
        var master = Rk.Run(workspace, "import", "--format", "cdnow", SharedData(Cdnow));
        Assert.True(master.ExitCode == 0, master.ToString());
        var afterMaster = workspace.Fingerprint();
        using (var db = workspace.Open())
        {
            Assert.Equal(23_570, db.Accounts.Count());
            Assert.Equal(69_659, db.Orders.Count());
            Assert.Equal(new DateOnly(1997, 1, 1), db.Accounts.Single(a => a.AccountId == "1").CreatedOn);
            Assert.Equal(2_500_315.63m, db.Orders.Sum(o => o.ReportingAmount));
        }

        // The sample is a tenth of the same customers: the same purchases, so nothing new.
        var sample = Rk.Run(workspace, "import", "--format", "cdnow", SharedData("../shared/data/lifetimes/CDNOW_sample.txt"));
        Assert.True(sample.ExitCode == 0, sample.ToString());
        Assert.Contains(" 0 new, 0 changed,", sample.Out, StringComparison.Ordinal);
        Assert.Equal(afterMaster, workspace.Fingerprint());
    }

    [Theory]
    [InlineData(WorkspaceProvider.Sqlite)]
    [PostgresData]
    public void ImportOnlineRetail_IntoANewWorkspace_SetsGbp_AndAUsdLogIsThenRejected(WorkspaceProvider provider)
    {
        using var workspace = new TestWorkspace(provider);
        var retail = Rk.Run(workspace, "import", "--format", "online-retail", SharedData("../shared/data/online_retail/online_retail_invoices.csv"));
        Assert.True(retail.ExitCode == 0, retail.ToString());
        Assert.Contains("reporting currency GBP", retail.Out, StringComparison.Ordinal);
        using (var db = workspace.Open())
        {
            Assert.Equal(18_532, db.Orders.Count());
            Assert.Equal("United Kingdom", db.Accounts.Single(a => a.AccountId == "17850").Region);
        }

        var before = workspace.Fingerprint();
        var cdnow = Rk.Run(workspace, "import", "--format", "cdnow", SharedData(Cdnow));
        Assert.Equal(2, cdnow.ExitCode);
        Assert.Contains("CDNOW_master.txt: value \"USD\": the file's amounts are in USD, not the workspace's reporting currency GBP", cdnow.Error, StringComparison.Ordinal);
        Assert.Equal(before, workspace.Fingerprint());
    }

    [Theory]
    [InlineData(WorkspaceProvider.Sqlite)]
    [PostgresData]
    public void ImportFolder_SkipInvalid_ImportsTheGoodRowsAndWritesTheRejects(WorkspaceProvider provider)
    {
        using var workspace = new TestWorkspace(provider);
        using var folder = new TempFolder()
            .Write("accounts.csv", "account_id,name,industry,region,created_on,owner_rep_id\nA1,Acme,Retail,EU,2024-01-01,\nA2,Beta,Retail,EU,2024-13-01,\n")
            .Write("orders.csv", "order_id,account_id,order_date,amount,currency,status\nO1,A1,2026-01-05,100.00,USD,booked\nO2,A2,2026-01-06,50.00,USD,booked\nO3,A1,2026-01-07,\"1,5\",USD,booked\nO4,A1,2026-01-08,10.00,USD,booked\n");
        var rejects = folder.File("rejects.csv");

        var result = Rk.Run(workspace, "import", folder.Path, "--skip-invalid", "--rejects", rejects);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"3 row(s) rejected: see {rejects}", result.Error, StringComparison.Ordinal);
        using var db = workspace.Open();
        Assert.Equal(["A1"], db.Accounts.Select(a => a.AccountId).ToList());
        Assert.Equal(["O1", "O4"], db.Orders.Select(o => o.OrderId).ToList().Order(StringComparer.Ordinal));
        var lines = File.ReadAllLines(rejects);
        Assert.Equal("file,line,column,value,reason,row", lines[0]);
        Assert.Contains("accounts.csv,3,created_on,2024-13-01,\"not a valid date (expected yyyy-MM-dd, a real calendar day)\",\"A2,Beta,Retail,EU,2024-13-01,\"", lines);
        Assert.Contains("orders.csv,3,account_id,A2,unknown account (not in accounts.csv),\"O2,A2,2026-01-06,50.00,USD,booked\"", lines);
        Assert.Contains(lines, l => l.StartsWith("orders.csv,4,amount,\"1,5\",\"not a number", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(WorkspaceProvider.Sqlite)]
    [PostgresData]
    public void ImportFolder_OtherCurrencyWithARate_IsConvertedToTheReportingCurrency(WorkspaceProvider provider)
    {
        using var workspace = new TestWorkspace(provider);
        using var folder = new TempFolder()
            .Write("accounts.csv", "account_id,name,industry,region,created_on,owner_rep_id\nA1,Acme,Retail,EU,2024-01-01,\n")
            .Write("orders.csv", "order_id,account_id,order_date,amount,currency,status\nO1,A1,2026-01-05,100.00,usd,booked\nO2,A1,2026-01-06,10.00,EUR,booked\n")
            .Write("rates.csv", "currency,rate\nEUR,1.0825\n");

        var result = Rk.Run(workspace, "import", folder.Path, "--currency", "USD");
        var other = Rk.Run(workspace, "import", folder.Path, "--currency", "GBP");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var db = workspace.Open();
        var euro = db.Orders.Single(o => o.OrderId == "O2");
        Assert.Equal((10.00m, "EUR", 10.825m), (euro.Amount, euro.Currency, euro.ReportingAmount));
        Assert.Equal(("USD", 100.00m), (db.Orders.Single(o => o.OrderId == "O1").Currency, db.Orders.Single(o => o.OrderId == "O1").ReportingAmount));
        Assert.Equal(2, other.ExitCode);
        Assert.Contains("the workspace's reporting currency is USD; it cannot be changed to GBP", other.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(WorkspaceProvider.Sqlite)]
    [PostgresData]
    public void ImportFolder_TooManyErrors_ListsTheFirst100AndACount(WorkspaceProvider provider)
    {
        using var workspace = new TestWorkspace(provider);
        var orders = string.Concat(Enumerable.Range(1, 150).Select(i => $"O{i},A9,2026-01-05,1.00,USD,booked\n"));
        using var folder = new TempFolder()
            .Write("accounts.csv", "account_id,name,industry,region,created_on,owner_rep_id\nA1,Acme,Retail,EU,2024-01-01,\n")
            .Write("orders.csv", "order_id,account_id,order_date,amount,currency,status\n" + orders);
        var before = workspace.Fingerprint();

        var result = Rk.Run(workspace, "import", folder.Path);

        Assert.Equal(2, result.ExitCode);
        var errors = result.Error.Split('\n').Where(l => l.StartsWith("error: orders.csv:", StringComparison.Ordinal)).ToList();
        Assert.Equal(100, errors.Count);
        Assert.Contains("... and 50 more error(s)", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, workspace.Fingerprint());
    }

    private static long Rows(string folder, string file) => File.ReadLines(Path.Combine(folder, file)).Count() - 1;

    private static List<string> Lines(string text) => [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal)];

    /// <summary>A file of the shared data folder beside the repository (../shared from the repository root).</summary>
    internal static string SharedData(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Rekindle.slnx")))
            {
                return Path.GetFullPath(Path.Combine(dir.FullName, relative));
            }
        }

        throw new FileNotFoundException("repository root not found from " + AppContext.BaseDirectory);
    }
}
