namespace Rekindle.Storage.Tests;

/// <summary>Files an import folder holds under another case are read; any file it does not read is named, with the likely name.</summary>
public class MisnamedFilesTests
{
    private const string Accounts = "account_id,name,industry,region,created_on,owner_rep_id\nA1,Acme,Retail,EU,2024-01-01,\n";
    private const string Orders = "order_id,account_id,order_date,amount,currency,status\nO1,A1,2026-01-05,100.00,USD,booked\n";

    [Fact]
    public void Import_FileNamesInAnotherCase_AreRead()
    {
        using var workspace = new TestWorkspace(WorkspaceProvider.Sqlite);
        using var folder = new TempFolder().Write("Accounts.CSV", Accounts).Write("ORDERS.csv", Orders);

        var result = Rk.Run(workspace, "import", folder.Path);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var db = workspace.Open();
        Assert.Equal(1, db.Orders.Count());
    }

    [Fact]
    public void Import_FilesItDoesNotRead_AreNamedWithTheLikelyName()
    {
        using var workspace = new TestWorkspace(WorkspaceProvider.Sqlite);
        using var folder = new TempFolder().Write("accounts.csv", Accounts).Write("orders.csv", Orders)
            .Write("engagement.csv", "engagement_id,account_id,date,kind,direction\n")
            .Write("evil.csv", "x\n");

        var result = Rk.Run(workspace, "import", folder.Path);
        var classify = Rk.Run("classify", "--data", folder.Path, "--as-of", "2026-11-23");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("engagement.csv (did you mean engagements.csv?)", result.Error, StringComparison.Ordinal);
        Assert.Contains("evil.csv (not a file of the CSV folder format)", result.Error, StringComparison.Ordinal);
        Assert.Contains("warning: not read: engagement.csv (did you mean engagements.csv?)", classify.Error, StringComparison.Ordinal);
    }
}
