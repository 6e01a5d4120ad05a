namespace Rekindle.Cli.Tests;

public sealed class GenerateExportTests
{
    [Fact]
    public void Generate_AsSalesforce_WritesObjectFilesAndIdMap()
    {
        using var folder = new TempFolder();

        var result = Cli.Run("generate", "--out", folder.Path, "--accounts", "60", "--seed", "3", "--as-of", "2026-11-01", "--as", "salesforce");

        Assert.Equal(0, result.ExitCode);
        foreach (var file in (string[])["User.csv", "Account.csv", "Contact.csv", "Opportunity.csv", "Task.csv", "Event.csv", "CurrencyType.csv", "Campaign.csv", "Lead.csv", "rekindle-ids.csv"])
        {
            Assert.True(File.Exists(folder.File(file)), $"{file} missing");
        }

        Assert.False(File.Exists(folder.File("accounts.csv")));
        Assert.StartsWith("\"Id\",\"IsDeleted\",\"Name\"", File.ReadAllText(folder.File("Account.csv")), StringComparison.Ordinal);
        Assert.Contains("salesforce export", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_AsSalesforceZip_WritesOneZip()
    {
        using var folder = new TempFolder();

        var result = Cli.Run("generate", "--out", folder.Path, "--accounts", "40", "--as-of", "2026-11-01", "--as", "salesforce", "--zip");

        Assert.Equal(0, result.ExitCode);
        Assert.Single(Directory.GetFiles(folder.Path, "WE_*.ZIP"));
        Assert.False(File.Exists(folder.File("Account.csv")));
    }

    [Fact]
    public void Generate_AsShopifySmallSplit_NumberedOrderFiles()
    {
        using var folder = new TempFolder();

        var result = Cli.Run("generate", "--out", folder.Path, "--accounts", "40", "--as-of", "2026-11-01", "--as", "shopify", "--split-rows", "200");

        Assert.Equal(0, result.ExitCode);
        Assert.True(File.Exists(folder.File("orders_export_2.csv")));
        Assert.True(File.Exists(folder.File("customers_export.csv")));
    }

    [Fact]
    public void Generate_AsUnknownSystem_FailsWithMessage()
    {
        using var folder = new TempFolder();

        var result = Cli.Run("generate", "--out", folder.Path, "--accounts", "40", "--as", "dynamics");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("dynamics", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_ZipWithoutSalesforce_FailsWithMessage()
    {
        using var folder = new TempFolder();

        var result = Cli.Run("generate", "--out", folder.Path, "--accounts", "40", "--as", "hubspot", "--zip");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--zip", result.Error, StringComparison.Ordinal);
    }
}
