using System.Text.Json;

namespace Rekindle.Cli.Tests;

/// <summary>The CLI end to end on a small generated company.</summary>
public sealed class EndToEndTests : IClassFixture<EndToEndTests.Company>
{
    private readonly Company company;

    public EndToEndTests(Company company) => this.company = company;

    public sealed class Company : IDisposable
    {
        public Company()
        {
            var result = Cli.Run("generate", "--out", Folder.Path, "--accounts", "600", "--seed", "11", "--as-of", "2026-11-01");
            Assert.Equal(0, result.ExitCode);
        }

        public TempFolder Folder { get; } = new();

        public void Dispose() => Folder.Dispose();
    }

    [Fact]
    public void Classify_FromToStep_LastDateIsTo()
    {
        var result = Cli.Run("classify", "--data", company.Folder.Path, "--from", "2026-01-01", "--to", "2026-11-01", "--step", "30", "--format", "csv");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("12 dates from 2026-01-01 to 2026-11-01", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_Csv_HasTheDocumentedColumnsAndIsByteIdentical()
    {
        var first = company.Folder.File("a.csv");
        var second = company.Folder.File("b.csv");
        Assert.Equal(0, Cli.Run("classify", "--data", company.Folder.Path, "--as-of", "2026-11-01", "--format", "csv", "--out", first).ExitCode);
        Assert.Equal(0, Cli.Run("classify", "--data", company.Folder.Path, "--as-of", "2026-11-01", "--format", "csv", "--out", second).ExitCode);
        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));

        var lines = File.ReadAllLines(first);
        Assert.Equal(
            "account_id,name,owner_rep_id,status,key,cycle_days,cycle_basis,last_order_date,days_since_last_order,orders_12m,revenue_12m,last_engagement_date,open_opportunity,reasons",
            lines[0]);
        Assert.Equal(601, lines.Length);
    }

    [Fact]
    public void Classify_Json_HasAccountsAndASummaryWithThePolicyVersion()
    {
        var result = Cli.Run("classify", "--data", company.Folder.Path, "--as-of", "2026-11-01", "--format", "json");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        Assert.Equal(600, root.GetProperty("accounts").GetArrayLength());
        var summary = root.GetProperty("summary");
        Assert.Equal(600, summary.GetProperty("accounts").GetInt32());
        var byStatus = summary.GetProperty("by_status");
        Assert.Equal(600, byStatus.EnumerateObject().Sum(s => s.Value.GetProperty("accounts").GetInt32()));
        Assert.Matches("^[0-9a-f]{12}$", summary.GetProperty("policy_version").GetString()!);
        Assert.True(summary.GetProperty("company_cycle_days").GetDouble() > 0);
        var account = root.GetProperty("accounts")[0];
        foreach (var key in new[] { "account_id", "status", "key", "cycle_days", "cycle_basis", "days_since_last_order", "orders_12m", "revenue_12m", "reasons" })
        {
            Assert.True(account.TryGetProperty(key, out _), key);
        }
    }

    [Fact]
    public void Classify_Table_ShowsTheSummaryAndThePolicyVersion()
    {
        var result = Cli.Run("classify", "--data", company.Folder.Path, "--as-of", "2026-11-01");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("dormant", result.Out, StringComparison.Ordinal);
        Assert.Contains("Company buying cycle:", result.Out, StringComparison.Ordinal);
        Assert.Contains("Policy version", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void ClassifyHistory_PrintsTransitionMatrices_AndCsvListsTransitionsWithDates()
    {
        var table = Cli.Run("classify", "--data", company.Folder.Path, "--from", "2026-01-01", "--to", "2026-11-01", "--step", "100");
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("Transitions 2026-01-01 -> 2026-04-11", table.Out, StringComparison.Ordinal);
        Assert.Contains("Transitions 2026-07-20 -> 2026-10-28", table.Out, StringComparison.Ordinal);

        var csv = Cli.Run("classify", "--data", company.Folder.Path, "--from", "2026-01-01", "--to", "2026-11-01", "--step", "100", "--format", "csv");
        var lines = csv.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("account_id,from_date,to_date,from_status,to_status", lines[0]);
        Assert.True(lines.Length > 10);
        Assert.All(lines.Skip(1), l => Assert.Matches(@"^A\d+,2026-\d\d-\d\d,2026-\d\d-\d\d,[a-z]*,[a-z]+$", l));
    }

    [Fact]
    public void Classify_PastAsOf_ReplaysExactlyAsIfLaterDataDidNotExist()
    {
        // Cut the company's files at 2026-03-01 (drop later rows; an opportunity closed later was still open),
        // then classify both as of that date: the outputs are identical.
        const string cut = "2026-03-01";
        using var past = new TempFolder();
        foreach (var file in Directory.GetFiles(company.Folder.Path, "*.csv"))
        {
            var lines = File.ReadAllLines(file);
            var header = lines[0].Split(',');
            var name = Path.GetFileName(file);
            var kept = lines.Skip(1).Where(line => Keep(name, header, line)).Select(line => Trim(name, header, line));
            File.WriteAllLines(past.File(name), [lines[0], .. kept]);
        }

        var full = Cli.Run("classify", "--data", company.Folder.Path, "--as-of", cut, "--format", "csv");
        var replay = Cli.Run("classify", "--data", past.Path, "--as-of", cut, "--format", "csv");
        Assert.Equal(0, replay.ExitCode);
        Assert.Equal(full.Out, replay.Out);

        static bool Keep(string file, string[] header, string line)
        {
            var column = file switch
            {
                "orders.csv" => "order_date",
                "engagements.csv" => "date",
                "opportunities.csv" => "opened_on",
                _ => null,
            };
            if (column is null)
            {
                return true;
            }

            var fields = line.Split(',');
            return string.CompareOrdinal(fields[Array.IndexOf(header, column)], cut) <= 0;
        }

        static string Trim(string file, string[] header, string line)
        {
            if (file != "opportunities.csv")
            {
                return line;
            }

            var fields = line.Split(',');
            var closed = Array.IndexOf(header, "closed_on");
            if (string.CompareOrdinal(fields[closed], cut) > 0)
            {
                fields[closed] = "";
            }

            return string.Join(',', fields);
        }
    }

    [Fact]
    public void Demo_ShowsStatusesCycleKeyAccountsAndTruth()
    {
        var result = Cli.Run("demo", "--accounts", "800", "--as-of", "2026-11-01");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Accounts as of 2026-11-01", result.Out, StringComparison.Ordinal);
        Assert.Contains("Company buying cycle:", result.Out, StringComparison.Ordinal);
        Assert.Contains("Key accounts lapsing", result.Out, StringComparison.Ordinal);
        Assert.Contains("How the statuses agree with the ground truth", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("first alert of the day", result.Out, StringComparison.Ordinal); // no alert is sent by a run

    }
}

public class BacktestCommandTests
{
    [Fact]
    public void Backtest_Cdnow_ScoresThePolicyAndTheBaselineAsJson()
    {
        var cdnow = Path.Combine(SharedFolder.Data, "lifetimes", "CDNOW_sample.txt");
        var result = Cli.Run("backtest", "--data", cdnow, "--input-format", "cdnow", "--from", "1997-09-30", "--to", "1997-09-30", "--horizon", "273", "--format", "json");
        Assert.Equal(0, result.ExitCode);
        using var json = System.Text.Json.JsonDocument.Parse(result.Out);
        var rows = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal(2357, r.GetProperty("accounts").GetInt32()));
        var baseline = rows.Single(r => r.GetProperty("candidate").GetString()!.StartsWith("baseline", StringComparison.Ordinal));
        Assert.InRange(baseline.GetProperty("auc").GetDouble(), 0.6, 0.9);
    }

    [Fact]
    public void Backtest_PolicyCallsNobodyDormant_FalseDormancyHasNoValueNotZero()
    {
        var cdnow = Path.Combine(SharedFolder.Data, "lifetimes", "CDNOW_sample.txt");
        string[] args = ["backtest", "--data", cdnow, "--input-format", "cdnow", "--from", "1997-09-30", "--to", "1997-09-30", "--horizon", "273"];
        var json = Cli.Run([.. args, "--format", "json"]);
        using var doc = System.Text.Json.JsonDocument.Parse(json.Out);
        var policy = doc.RootElement.EnumerateArray().Single(r => r.GetProperty("candidate").GetString()!.StartsWith("policy", StringComparison.Ordinal));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, policy.GetProperty("false_dormancy_rate").ValueKind);

        var table = Cli.Run(args);
        Assert.Equal(0, table.ExitCode);
        var row = table.Out.Split('\n').Single(l => l.Contains("policy (default)", StringComparison.Ordinal));
        Assert.DoesNotContain("0.0%", row, StringComparison.Ordinal);
        Assert.Contains("A policy calls dormant and active by its statuses", table.Out, StringComparison.Ordinal);
    }
}

/// <summary>Finds ../shared/data beside the repository.</summary>
public static class SharedFolder
{
    public static string Data
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                foreach (var candidate in new[] { Path.Combine(dir.FullName, "shared", "data"), Path.Combine(dir.FullName, "..", "shared", "data") })
                {
                    if (Directory.Exists(candidate))
                    {
                        return Path.GetFullPath(candidate);
                    }
                }
            }

            throw new DirectoryNotFoundException("shared/data not found");
        }
    }
}
