namespace Rekindle.Cli.Tests;

/// <summary>Empty fields are left out of the output, never rendered as noise.</summary>
public class EmptyFieldsTests
{
    [Fact]
    public void ImportAndAccount_EmptyFields_AreLeftOut()
    {
        using var folder = new TempFolder();
        var data = Path.Combine(folder.Path, "data");
        Directory.CreateDirectory(data);
        File.WriteAllText(Path.Combine(data, "accounts.csv"), "account_id,name,industry,region,created_on,owner_rep_id\n7931,Customer 7931,,,1997-01-30,\n");
        File.WriteAllText(Path.Combine(data, "orders.csv"), "order_id,account_id,order_date,amount,currency,status\nO1,7931,1997-01-30,10.00,USD,booked\n");
        var db = folder.File("w.db");

        var import = Cli.Run("import", data, "--db", db);
        Assert.True(import.ExitCode == 0, import.Error);
        Assert.DoesNotContain("rows/s", import.Out, StringComparison.Ordinal);

        var account = Cli.Run("account", "7931", "--as-of", "1998-01-01", "--db", db);
        Assert.Equal(0, account.ExitCode);
        var head = account.Out.Split('\n')[0];
        Assert.Equal("7931 Customer 7931  created 1997-01-30", head.TrimEnd());
        Assert.DoesNotContain("(none)", account.Out, StringComparison.Ordinal);
    }
}
