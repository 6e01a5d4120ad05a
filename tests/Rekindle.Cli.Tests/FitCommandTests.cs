using System.Text.Json;

namespace Rekindle.Cli.Tests;

public class FitCommandTests
{
    private static JsonElement Fit(string model)
    {
        var cdnow = Path.Combine(SharedFolder.Data, "lifetimes", "CDNOW_sample.txt");
        var result = Cli.Run("fit", "--model", model, "--calibration-end", "1997-09-30", "--data", cdnow, "--input-format", "cdnow", "--format", "json");
        Assert.Equal(0, result.ExitCode);
        return JsonDocument.Parse(result.Out).RootElement.Clone();
    }

    [Fact]
    public void Fit_BgNbdOnTheCdnowSample_ReproducesThePublishedFit()
    {
        var json = Fit("bgnbd");
        foreach (var key in new[] { "model", "params", "log_likelihood", "customers", "seconds", "warnings" })
        {
            Assert.True(json.TryGetProperty(key, out _), key);
        }

        Assert.Equal("bgnbd", json.GetProperty("model").GetString());
        Assert.Equal(2357, json.GetProperty("customers").GetInt32());
        Assert.Equal(-9582.43, json.GetProperty("log_likelihood").GetDouble(), 0.01);
        var p = json.GetProperty("params");
        Assert.Equal(0.243, Math.Round(p.GetProperty("r").GetDouble(), 3));
        Assert.Equal(4.414, Math.Round(p.GetProperty("alpha").GetDouble(), 3));
        Assert.Equal(0.793, Math.Round(p.GetProperty("a").GetDouble(), 3));
        Assert.Equal(2.426, Math.Round(p.GetProperty("b").GetDouble(), 3));
    }

    [Fact]
    public void Fit_ParetoNbdOnTheCdnowSample_ReproducesThePublishedLogLikelihood()
    {
        var json = Fit("pareto-nbd");
        Assert.Equal(-9594.98, json.GetProperty("log_likelihood").GetDouble(), 0.01);
        Assert.Equal(0.553, Math.Round(json.GetProperty("params").GetProperty("r").GetDouble(), 3));
    }

    [Fact]
    public void Fit_GammaGamma_UsesTheRepeatBuyers()
    {
        var json = Fit("gamma-gamma");
        Assert.Equal(946, json.GetProperty("customers").GetInt32());
        Assert.Equal(6.25, Math.Round(json.GetProperty("params").GetProperty("p").GetDouble(), 2));
    }

    [Fact]
    public void Backtest_WithAModel_ScoresTheModelAndTheCombinedSignal()
    {
        var cdnow = Path.Combine(SharedFolder.Data, "lifetimes", "CDNOW_sample.txt");
        var result = Cli.Run("backtest", "--data", cdnow, "--input-format", "cdnow", "--from", "1997-09-30", "--to", "1997-09-30", "--horizon", "273", "--model", "bgnbd", "--format", "json");
        Assert.Equal(0, result.ExitCode);
        var names = JsonDocument.Parse(result.Out).RootElement.EnumerateArray().Select(r => r.GetProperty("candidate").GetString()).ToList();
        Assert.Contains("model bgnbd", names);
        Assert.Contains("combined: bgnbd + recency", names);
    }
}

public class ModelSignalsCommandTests
{
    private static TempFolder Tiny() => new TempFolder()
        .Write("accounts.csv", "account_id,name,industry,region,created_on,owner_rep_id\nA1,Acme,Retail,EU,2024-01-01,R1\nA2,Bolt,Retail,EU,2024-01-01,R1\n")
        .Write("orders.csv", "order_id,account_id,order_date,amount,currency,status\nO1,A1,2025-01-01,100,USD,booked\nO2,A1,2025-06-01,100,USD,booked\nO3,A2,2025-03-01,50,USD,booked\n");

    [Fact]
    public void Fit_Json_FailedFit_IsValidJsonWithNullFiguresAndExit1()
    {
        using var folder = Tiny();
        var result = Cli.Run("fit", "--model", "bgnbd", "--calibration-end", "2026-01-01", "--data", folder.Path, "--format", "json");
        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("log_likelihood").ValueKind);
        Assert.Contains("too few customers", json.RootElement.GetProperty("warnings")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_Json_ModelFitFails_IsValidJson()
    {
        using var folder = Tiny();
        folder.Write("policy.json", """{ "signalModel": "bgnbd" }""");
        var result = Cli.Run("classify", "--data", folder.Path, "--as-of", "2026-01-01", "--policy", folder.File("policy.json"), "--format", "json");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var model = json.RootElement.GetProperty("model");
        Assert.False(model.GetProperty("usable").GetBoolean());
        Assert.Equal(JsonValueKind.Null, model.GetProperty("log_likelihood").ValueKind);
    }

    [Fact]
    public void Classify_WithAModelInThePolicy_AddsTheModelColumns()
    {
        using var folder = new TempFolder();
        Assert.Equal(0, Cli.Run("generate", "--out", folder.Path, "--accounts", "400", "--as-of", "2026-11-01").ExitCode);
        folder.Write("policy.json", """{ "signalModel": "bgnbd", "modelHorizonDays": 60 }""");
        var result = Cli.Run("classify", "--data", folder.Path, "--as-of", "2026-11-01", "--policy", folder.File("policy.json"), "--format", "csv");
        Assert.Equal(0, result.ExitCode);
        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith(",reasons,p_alive,p_no_purchase_next,expected_orders_next,expected_value_next,slipping", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Contains("model bgnbd: P(alive)", StringComparison.Ordinal));
    }
}
