using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Rekindle.Storage.Tests;

/// <summary>
/// The bad-input corpus: each bad file exits 2 with file, line, column, value and reason, and leaves the workspace
/// exactly as it was (same rows, same checksums). Each batch of bad input also carries good new rows, so a partial
/// write would show. The valid oddities (BOM, CRLF, quoting, header only) import as they should.
/// </summary>
public class BadInputCorpusTests
{
    private const string AccountsHeader = "account_id,name,industry,region,created_on,owner_rep_id\n";
    private const string OrdersHeader = "order_id,account_id,order_date,amount,currency,status\n";

    [Theory]
    [InlineData(WorkspaceProvider.Sqlite)]
    [PostgresData]
    public void MissingColumn_IsRejected(WorkspaceProvider provider) => AssertRejected(
        provider, f => f.Write("orders.csv", "order_id,account_id,order_date,currency,status\nO9,A1,2026-02-01,USD,booked\n"),
        "orders.csv:1: column amount: required column is missing");

    [Theory]
    [InlineData(WorkspaceProvider.Sqlite)]
    [PostgresData]
    public void UnknownColumn_IsRejected(WorkspaceProvider provider) => AssertRejected(
        provider, f => f.Write("accounts.csv", "account_id,name,industry,region,created_on,owner_rep_id,colour\nA3,Gamma,Retail,EU,2024-01-01,,blue\n"),
        "accounts.csv:1: column colour: unknown column");

    [Theory]
    [InlineData(WorkspaceProvider.Sqlite)]
    [PostgresData]
    public void BadDate_IsRejected(WorkspaceProvider provider) => AssertRejected(
        provider, f => AppendOrder(f, "O9,A1,2026/02/01,10.00,USD,booked"),
        "orders.csv:4: column order_date value \"2026/02/01\": not a valid date (expected yyyy-MM-dd, a real calendar day)");

    [Theory]
    [InlineData(WorkspaceProvider.Sqlite)]
    [PostgresData]
    public void February30_IsRejected(WorkspaceProvider provider) => AssertRejected(
        provider, f => AppendOrder(f, "O9,A1,2025-02-30,10.00,USD,booked"),
        "orders.csv:4: column order_date value \"2025-02-30\": not a valid date");

    [Theory]
    [InlineData(WorkspaceProvider.Sqlite)]
    [PostgresData]
    public void NegativeAmountOnBookedOrder_IsRejected(WorkspaceProvider provider) => AssertRejected(
        provider, f => AppendOrder(f, "O9,A1,2026-02-01,-10.00,USD,booked"),
        "orders.csv:4: column amount value \"-10.00\": a booked order cannot have a negative amount");

    [Theory]
    [InlineData(WorkspaceProvider.Sqlite)]
    [PostgresData]
    public void OrderForUnknownAccount_IsRejected(WorkspaceProvider provider) => AssertRejected(
        provider, f => AppendOrder(f, "O9,A404,2026-02-01,10.00,USD,booked"),
        "orders.csv:4: column account_id value \"A404\": unknown account (not in accounts.csv or the workspace)");

    [Theory]
    [InlineData(WorkspaceProvider.Sqlite)]
    [PostgresData]
    public void DuplicateIdWithinAFile_IsRejected(WorkspaceProvider provider) => AssertRejected(
        provider, f => AppendOrder(f, "O3,A1,2026-02-01,10.00,USD,booked"),
        "orders.csv:4: column order_id value \"O3\": duplicate id (first seen on line 2)");

    [Theory]
    [InlineData(WorkspaceProvider.Sqlite)]
    [PostgresData]
    public void CurrencyOtherThanTheWorkspaces_IsRejected(WorkspaceProvider provider) => AssertRejected(
        provider, f => AppendOrder(f, "O9,A1,2026-02-01,10.00,EUR,booked"),
        "orders.csv:4: column currency value \"EUR\": not the reporting currency USD, and no rate is given for it (rates.csv)");

    [Theory]
    [InlineData(WorkspaceProvider.Sqlite)]
    [PostgresData]
    public void EmptyFile_IsRejected(WorkspaceProvider provider) => AssertRejected(
        provider, f => f.Write("orders.csv", ""),
        "orders.csv:1: the file is empty: a header row is required (order_id,account_id,order_date,amount,currency,status)");

    [Theory]
    [InlineData(WorkspaceProvider.Sqlite)]
    [PostgresData]
    public void TenMegabyteLine_IsRejected(WorkspaceProvider provider) => AssertRejected(
        provider, f => f.Write("accounts.csv", AccountsHeader + "A3,Gamma,Retail,EU,2024-01-01,\nA4," + new string('x', 10 * 1024 * 1024) + ",Retail,EU,2024-01-01,\n"),
        "accounts.csv:3: column name value \"xxxx");

    [Theory]
    [InlineData(WorkspaceProvider.Sqlite)]
    [PostgresData]
    public void TruncatedLastLine_IsRejected(WorkspaceProvider provider) => AssertRejected(
        provider, f => File.AppendAllText(f.File("orders.csv"), "O9,A1,2026-0"),
        "orders.csv:4: the row has 3 field(s) but the header has 6");

    [Theory]
    [InlineData(WorkspaceProvider.Sqlite)]
    [PostgresData]
    public void FileThatIsNotText_IsRejected(WorkspaceProvider provider) => AssertRejected(
        provider, f => File.WriteAllBytes(f.File("orders.csv"), [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00, 0xFF, 0xFE, 0x00]),
        "orders.csv:1: not a UTF-8 text file (it contains binary data: a NUL byte at line 1, byte 5 of the line (offset 4 in the file))");

    /// <summary>The attack run's case: the bad row's own error, not a foreign-key error from the good owned row before it.</summary>
    [Theory]
    [InlineData(WorkspaceProvider.Sqlite)]
    [PostgresData]
    public void BadDateAfterGoodOwnedAccount_IsRejected(WorkspaceProvider provider) => AssertRejected(
        provider, f => f.Write("accounts.csv", AccountsHeader + "A3,Good,Retail,West,2020-01-01,R1\nA4,Bad,Retail,West,2020-13-01,R1\n"),
        "accounts.csv:3: column created_on value \"2020-13-01\": not a valid date");

    /// <summary>Shopify-style order ids ("#1001", unquoted) are ids like any other: no line of a data file is a comment.</summary>
    [Theory]
    [InlineData(WorkspaceProvider.Sqlite)]
    [PostgresData]
    public void OrderIdsStartingWithHash_AreImported(WorkspaceProvider provider)
    {
        using var workspace = new TestWorkspace(provider);
        using var folder = new TempFolder()
            .Write("accounts.csv", AccountsHeader + "cust112@shop.example,Cust,Retail,EU,2023-01-01,\n")
            .Write("orders.csv", OrdersHeader + "#1001,cust112@shop.example,2023-01-07,116.32,USD,booked\n#1002,cust112@shop.example,2023-02-07,16.00,USD,booked\n");
        AssertImported(workspace, folder, db => Assert.Equal(["#1001", "#1002"], db.Orders.Select(o => o.OrderId).OrderBy(o => o).ToList()));
        var classified = Rk.Run("classify", "--data", folder.Path, "--as-of", "2023-03-01", "--format", "csv");
        Assert.DoesNotContain("prospect", classified.Out, StringComparison.Ordinal);
    }

    /// <summary>A Latin-1 byte far into the file is reported on its own line, not where the reader's block began.</summary>
    [Theory]
    [InlineData(WorkspaceProvider.Sqlite)]
    [PostgresData]
    public void Latin1ByteDeepInTheFile_IsRejectedOnItsLine(WorkspaceProvider provider) => AssertRejected(
        provider,
        f =>
        {
            var rows = string.Concat(Enumerable.Range(10, 3000).Select(i => $"O{i},A1,2026-02-01,1.00,USD,booked\n"));
            var bytes = Encoding.UTF8.GetBytes(OrdersHeader + rows).Concat(Encoding.Latin1.GetBytes("O9999,A1,2026-02-01,1.00,USD,booked caf\u00e9\n")).ToArray();
            File.WriteAllBytes(f.File("orders.csv"), bytes);
        },
        "orders.csv:3002: not UTF-8 text at line 3002, byte 40 of the line");

    /// <summary>A file longer than a row may be, on line 3 after a good row: the error names line 3.</summary>
    [Theory]
    [InlineData(WorkspaceProvider.Sqlite)]
    public void HugeLineAfterTheHeader_IsRejectedOnItsLine(WorkspaceProvider provider) => AssertRejected(
        provider, f => f.Write("accounts.csv", AccountsHeader + "A3,Gamma,Retail,EU,2024-01-01,\nA4," + new string('x', 33 * 1024 * 1024) + ",Retail,EU,2024-01-01,\n"),
        "accounts.csv:3: the line is longer than 32 MiB");

    /// <summary>UTF-16 with a byte order mark (Excel's "Unicode text") is text, read as it comes.</summary>
    [Theory]
    [InlineData(WorkspaceProvider.Sqlite)]
    [PostgresData]
    public void Utf16WithByteOrderMark_IsAccepted(WorkspaceProvider provider)
    {
        using var workspace = new TestWorkspace(provider);
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("accounts.csv"), AccountsHeader + "A1,Åre Ltd,Retail,EU,2024-01-01,\n", new UnicodeEncoding(false, true));
        File.WriteAllText(folder.File("orders.csv"), OrdersHeader + "O1,A1,2026-01-05,100.00,USD,booked\n", new UnicodeEncoding(false, true));
        AssertImported(workspace, folder, db => Assert.Equal("Åre Ltd", db.Accounts.Single(a => a.AccountId == "A1").Name));
    }

    /// <summary>
    /// A file as another tool saves it, all quirks at once: a BOM, CRLF, every value quoted, ids starting with #, a value
    /// with a comma and curly quotes, a blank trailing line. Every line is read or rejected with its reason: the good
    /// rows are imported, the one bad row is in the rejects file with its line.
    /// </summary>
    [Theory]
    [InlineData(WorkspaceProvider.Sqlite)]
    [PostgresData]
    public void FileSavedByAnotherTool_EveryLineReadOrRejected(WorkspaceProvider provider)
    {
        using var workspace = new TestWorkspace(provider);
        using var folder = new TempFolder();
        var accounts = "\"account_id\",\"name\",\"industry\",\"region\",\"created_on\",\"owner_rep_id\"\r\n\"#A1\",\"Caf\u00e9 \u201cL\u00e9on\u201d\",\"Retail\",\"West\",\"2024-01-01\",\"\"\r\n\"A2\",\"Bolt, Inc.\",\"Retail\",\"West\",\"2024-01-01\",\"\"\r\n\r\n";
        var orders = "\"order_id\",\"account_id\",\"order_date\",\"amount\",\"currency\",\"status\"\r\n\"#1001\",\"#A1\",\"2025-03-01\",\"30.00\",\"USD\",\"booked\"\r\n#1002,A2,2025-04-01,10.00,USD,booked\r\n\"#1003\",\"A2\",\"2025-04-02\",\"x\",\"USD\",\"booked\"\r\n\r\n";
        File.WriteAllText(folder.File("accounts.csv"), accounts, new UTF8Encoding(true));
        File.WriteAllText(folder.File("orders.csv"), orders, new UTF8Encoding(true));
        var rejects = Path.Combine(Path.GetTempPath(), $"rekindle-rejects-{Guid.NewGuid():N}.csv");
        try
        {
            var result = Rk.Run(workspace, "import", folder.Path, "--skip-invalid", "--rejects", rejects);

            Assert.True(result.ExitCode == 0, result.ToString());
            using var db = workspace.Open();
            Assert.Equal("Caf\u00e9 \u201cL\u00e9on\u201d", db.Accounts.Single(a => a.AccountId == "#A1").Name);
            Assert.Equal(["#1001", "#1002"], db.Orders.Select(o => o.OrderId).OrderBy(o => o).ToList());
            var rejected = File.ReadAllLines(rejects);
            Assert.Equal(2, rejected.Length);
            Assert.StartsWith("orders.csv,4,amount,x,", rejected[1], StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(rejects);
        }
    }

    [Theory]
    [InlineData(WorkspaceProvider.Sqlite)]
    [PostgresData]
    public void HeaderOnly_ImportsNothing(WorkspaceProvider provider)
    {
        using var workspace = Based(provider);
        var before = workspace.Fingerprint();
        using var folder = new TempFolder().Write("accounts.csv", AccountsHeader).Write("orders.csv", OrdersHeader);
        var result = Rk.Run(workspace, "import", folder.Path);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("nothing to import: the files have a header and no rows", result.Out, StringComparison.Ordinal);
        Assert.Equal(before, workspace.Fingerprint());
    }

    [Theory]
    [InlineData(WorkspaceProvider.Sqlite)]
    [PostgresData]
    public void Utf8ByteOrderMark_IsAccepted(WorkspaceProvider provider)
    {
        using var workspace = new TestWorkspace(provider);
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("accounts.csv"), AccountsHeader + "A1,Åre Ltd,Retail,EU,2024-01-01,\n", new UTF8Encoding(true));
        File.WriteAllText(folder.File("orders.csv"), OrdersHeader + "O1,A1,2026-01-05,100.00,USD,booked\n", new UTF8Encoding(true));
        AssertImported(workspace, folder, db => Assert.Equal("Åre Ltd", db.Accounts.Single(a => a.AccountId == "A1").Name));
    }

    [Theory]
    [InlineData(WorkspaceProvider.Sqlite)]
    [PostgresData]
    public void CrlfLineEnds_AreAccepted(WorkspaceProvider provider)
    {
        using var workspace = new TestWorkspace(provider);
        using var folder = new TempFolder()
            .Write("accounts.csv", (AccountsHeader + "A1,Acme,Retail,EU,2024-01-01,\nA2,Beta,Retail,EU,2024-01-01,\n").Replace("\n", "\r\n", StringComparison.Ordinal))
            .Write("orders.csv", (OrdersHeader + "O1,A1,2026-01-05,100.00,USD,booked\nO2,A2,2026-01-06,5,USD,refunded\n").Replace("\n", "\r\n", StringComparison.Ordinal));
        AssertImported(workspace, folder, db =>
        {
            Assert.Equal("Beta", db.Accounts.Single(a => a.AccountId == "A2").Name);
            Assert.Equal(Common.OrderStatus.Refunded, db.Orders.Single(o => o.OrderId == "O2").Status);
        });
    }

    [Theory]
    [InlineData(WorkspaceProvider.Sqlite)]
    [PostgresData]
    public void QuotedCommasAndQuotes_AreAccepted(WorkspaceProvider provider)
    {
        using var workspace = new TestWorkspace(provider);
        using var folder = new TempFolder()
            .Write("accounts.csv", AccountsHeader + "A1,\"Acme, \"\"the best\"\" Co\",Retail,\"EU, North\",2024-01-01,\n")
            .Write("orders.csv", OrdersHeader + "O1,A1,2026-01-05,100.00,USD,booked\n");
        AssertImported(workspace, folder, db =>
        {
            var account = db.Accounts.Single();
            Assert.Equal("Acme, \"the best\" Co", account.Name);
            Assert.Equal("EU, North", account.Region);
        });
    }

    internal static TestWorkspace Based(WorkspaceProvider provider)
    {
        var workspace = new TestWorkspace(provider);
        try
        {
            using var folder = Base();
            var result = Rk.Run(workspace, "import", folder.Path);
            Assert.True(result.ExitCode == 0, result.ToString());
            return workspace;
        }
        catch
        {
            workspace.Dispose();
            throw;
        }
    }

    /// <summary>The workspace's first import: two accounts, two orders, in USD.</summary>
    private static TempFolder Base() => new TempFolder()
        .Write("accounts.csv", AccountsHeader + "A1,Acme,Retail,EU,2024-01-01,\nA2,Beta,Retail,EU,2024-01-01,\n")
        .Write("orders.csv", OrdersHeader + "O1,A1,2026-01-05,100.00,USD,booked\nO2,A2,2026-01-06,50.00,USD,booked\n");

    /// <summary>A second import with good new rows (A3, O3, O4), which <paramref name="spoil"/> then makes bad.</summary>
    private static void AssertRejected(WorkspaceProvider provider, Action<TempFolder> spoil, string message)
    {
        using var workspace = Based(provider);
        var before = workspace.Fingerprint();
        using var folder = new TempFolder()
            .Write("accounts.csv", AccountsHeader + "A3,Gamma,Retail,EU,2024-01-01,\n")
            .Write("orders.csv", OrdersHeader + "O3,A3,2026-02-01,75.00,USD,booked\nO4,A1,2026-02-02,20.00,USD,booked\n");
        spoil(folder);

        var result = Rk.Run(workspace, "import", folder.Path);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("error: " + message, result.Error, StringComparison.Ordinal);
        Assert.Contains("nothing was written", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, workspace.Fingerprint());
    }

    private static void AppendOrder(TempFolder folder, string row) => File.AppendAllText(folder.File("orders.csv"), row + "\n");

    private static void AssertImported(TestWorkspace workspace, TempFolder folder, Action<WorkspaceDb> check)
    {
        var result = Rk.Run(workspace, "import", folder.Path);
        Assert.True(result.ExitCode == 0, result.ToString());
        using var db = workspace.Open();
        check(db);
        var again = workspace.Fingerprint();
        Assert.Equal(0, Rk.Run(workspace, "import", folder.Path).ExitCode);
        Assert.Equal(again, workspace.Fingerprint());
    }
}
