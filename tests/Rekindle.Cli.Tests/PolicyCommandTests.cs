using Rekindle.Policies;

namespace Rekindle.Cli.Tests;

public class PolicyCommandTests
{
    [Fact]
    public void Init_WritesEveryParameterWithItsDefault()
    {
        using var folder = new TempFolder();
        var path = folder.File("policy.json");
        var result = Cli.Run("policy", "init", "--out", path);
        Assert.Equal(0, result.ExitCode);
        var parsed = PolicyJson.Parse(File.ReadAllText(path));
        Assert.Equal(Policy.Default, parsed.Policy);
        foreach (var p in PolicyParameters.All)
        {
            Assert.Contains($"\"{p.Key}\"", File.ReadAllText(path), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Show_PrintsTheEffectivePolicyAndItsVersion()
    {
        using var folder = new TempFolder();
        folder.Write("p.json", """{ "dormantAfterDays": 400 }""");
        var result = Cli.Run("policy", "show", "--policy", folder.File("p.json"));
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("dormantAfterDays", result.Out, StringComparison.Ordinal);
        Assert.Contains("400", result.Out, StringComparison.Ordinal);
        Assert.Contains("policy version " + PolicyJson.VersionId(Policy.Default with { DormantAfterDays = 400 }), result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_InvalidPolicy_ListsEveryProblemAndExits2()
    {
        using var folder = new TempFolder();
        folder.Write("p.json", """{ "dormantAfterDays": -1, "keyRevenueShare": 0, "inactiveAfterCycles": 0, "nope": true }""");
        var result = Cli.Run("policy", "show", "--policy", folder.File("p.json"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("dormantAfterDays: days must not be negative, got -1", result.Error, StringComparison.Ordinal);
        Assert.Contains("keyRevenueShare: a share must be in (0, 1], got 0", result.Error, StringComparison.Ordinal);
        Assert.Contains("inactiveAfterCycles: a multiplier must be greater than 0, got 0", result.Error, StringComparison.Ordinal);
        Assert.Contains("nope: unknown key", result.Error, StringComparison.Ordinal);
    }
}

public class PolicyVersionOutputTests
{
    [Fact]
    public void Set_SameValueWrittenDifferently_IsNotAChange()
    {
        using var folder = new TempFolder();
        var db = folder.File("w.db");
        folder.Write("a.json", """{ "dormantAfterDays": 400 }""").Write("b.json", """{ "dormantAfterDays": 400, "keyRevenueShare": 0.8, "holdoutShare": 0.100 }""");
        Assert.Equal(0, Cli.Run("policy", "set", folder.File("a.json"), "--reason", "first", "--by", "Ann", "--db", db).ExitCode);
        var second = Cli.Run("policy", "set", folder.File("b.json"), "--reason", "same values", "--by", "Ann", "--db", db);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("policy unchanged", second.Out, StringComparison.Ordinal);
        var log = Cli.Run("policy", "log", "--db", db);
        Assert.Contains("dormantAfterDays: 365 -> 400", log.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("keyRevenueShare", log.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_Csv_PrintsThePolicyVersionOnStandardError()
    {
        using var folder = new TempFolder();
        folder.Write("accounts.csv", "account_id,name,industry,region,created_on,owner_rep_id\nA1,Acme,Retail,EU,2024-01-01,R1\n")
            .Write("orders.csv", "order_id,account_id,order_date,amount,currency,status\nO1,A1,2026-01-01,100,USD,booked\n");
        var result = Cli.Run("classify", "--data", folder.Path, "--as-of", "2026-06-30", "--format", "csv");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("policy version " + Rekindle.Policies.PolicyJson.VersionId(Rekindle.Policies.Policy.Default), result.Error, StringComparison.Ordinal);
    }
}
