namespace Rekindle.Storage.Tests;

/// <summary>The event log format is importable into a workspace, through the one elog reader that backtest --data uses.</summary>
public class ElogImportTests
{
    [Theory]
    [InlineData(WorkspaceProvider.Sqlite)]
    [PostgresData]
    public void Import_GroceryElog_PublishedCountsAndIdempotent(WorkspaceProvider provider)
    {
        using var workspace = new TestWorkspace(provider);

        var first = Rk.Run(workspace, "import", "--format", "elog", ImportTests.SharedData("../shared/data/btydplus/groceryElog.csv"));
        var before = workspace.Fingerprint();
        var again = Rk.Run(workspace, "import", "--format", "elog", ImportTests.SharedData("../shared/data/btydplus/groceryElog.csv"));

        Assert.True(first.ExitCode == 0, first.ToString());
        using (var db = workspace.Open())
        {
            Assert.Equal(10_483, db.Orders.Count());
            Assert.Equal(1_525, db.Accounts.Count());
        }

        Assert.Contains(" 0 new, 0 changed,", again.Out, StringComparison.Ordinal);
        Assert.Equal(before, workspace.Fingerprint());
    }

    /// <summary>The bad-input corpus of the order logs: each bad line gives the same error through the import and through backtest --data (one reader per format).</summary>
    [Theory]
    [InlineData("elog", "log.csv", "cust,date\n1,2006-01-01\n2,2006-13-45\n")]
    [InlineData("cdnow", "log.txt", " 00001 19970101  1   11.77\n 00002 19971332  1   12.00\n")]
    [InlineData("cdnow", "log.txt", " 00001 19970101  1   11.77\n#00002 19970102  1   12.00\n")]
    [InlineData("cdnow", "log.txt", " 00001 19970101  1   11.77\n 00002 19970102  x   -12.00\n")]
    [InlineData("online-retail", "log.csv", "customer_id,invoice_no,invoice_datetime,n_lines,total_quantity,amount_gbp,country\n1,I1,2010-12-01 08:26:00,1,1,10.00,UK\n2,I2,2010-12-01 8:26,1,1,10.00,UK\n")]
    public void BadLine_SameErrorThroughImportAndBacktest(string format, string file, string text)
    {
        using var folder = new TempFolder().Write(file, text);
        using var workspace = new TestWorkspace(WorkspaceProvider.Sqlite);

        var imported = Rk.Run(workspace, "import", "--format", format, folder.File(file));
        var backtest = Rk.Run("backtest", "--data", folder.File(file), "--input-format", format, "--from", "2006-06-30", "--to", "2006-06-30");

        Assert.Equal(2, imported.ExitCode);
        Assert.Equal(2, backtest.ExitCode);
        var errors = imported.Error.Split('\n').Where(l => l.StartsWith($"error: {file}:", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.Contains(e, backtest.Error, StringComparison.Ordinal));
    }
}
