namespace Rekindle.Cli.Tests;

/// <summary>CSV output neutralises formulas in text (an account named =HYPERLINK(...)), in classify and segments.</summary>
public class CsvInjectionTests
{
    [Fact]
    public void ClassifyAndSegmentsCsv_FormulaInAName_IsWrittenAsText()
    {
        using var folder = new TempFolder();
        File.WriteAllText(Path.Combine(folder.Path, "accounts.csv"), "account_id,name,industry,region,created_on,owner_rep_id\nA1,\"=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",Retail,West,2024-01-01,\nA2,@SUM(1),Retail,West,2024-01-01,\n");
        File.WriteAllText(Path.Combine(folder.Path, "orders.csv"), "order_id,account_id,order_date,amount,currency,status\nO1,A1,2025-01-05,100.00,USD,booked\nO2,A2,2025-02-05,100.00,USD,booked\n");

        var classify = Cli.Run("classify", "--data", folder.Path, "--as-of", "2026-11-23", "--format", "csv");
        var segments = Cli.Run("segments", "--data", folder.Path, "--as-of", "2026-11-23", "--format", "csv");

        Assert.Equal(0, classify.ExitCode);
        Assert.Contains("A1,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"", classify.Out, StringComparison.Ordinal);
        Assert.Contains("A2,\"'@SUM(1)\"", classify.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(",=HYPERLINK", classify.Out, StringComparison.Ordinal);
        Assert.Equal(0, segments.ExitCode);
        Assert.DoesNotContain(",@SUM", segments.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(",=HYPERLINK", segments.Out, StringComparison.Ordinal);
    }
}
