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

    /// <summary>The same bad line gives the same error through the import and through backtest --data: one reader.</summary>
    [Fact]
    public void BadLine_SameErrorThroughImportAndBacktest()
    {
        using var folder = new TempFolder().Write("elog.csv", "cust,date\n1,2006-01-01\n2,2006-13-45\n");
        using var workspace = new TestWorkspace(WorkspaceProvider.Sqlite);

        var imported = Rk.Run(workspace, "import", "--format", "elog", folder.File("elog.csv"));
        var backtest = Rk.Run("backtest", "--data", folder.File("elog.csv"), "--input-format", "elog", "--from", "2006-06-30", "--to", "2006-06-30");

        Assert.Equal(2, imported.ExitCode);
        Assert.Equal(2, backtest.ExitCode);
        var error = imported.Error.Split('\n').First(l => l.StartsWith("error: elog.csv:3", StringComparison.Ordinal));
        Assert.Contains(error, backtest.Error, StringComparison.Ordinal);
    }
}
