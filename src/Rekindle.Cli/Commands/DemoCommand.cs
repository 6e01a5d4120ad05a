using System.CommandLine;
using System.Diagnostics;
using Rekindle.App.Csv;
using Rekindle.App.Generation;
using Rekindle.App.Reports;
using Rekindle.Lifecycle;
using Rekindle.Policies;
using Spectre.Console;

namespace Rekindle.Cli.Commands;

/// <summary>
/// <c>rekindle demo</c>: generates a 5,000-account company in a temporary folder, classifies it as of today and
/// shows the book by status, the company cycle, the lapsing key accounts and how the statuses agree with the truth.
/// </summary>
public static class DemoCommand
{
    public static Command Create(CliConsole console)
    {
        var accounts = new Option<int>("--accounts") { Description = "Accounts in the demo company", DefaultValueFactory = _ => GeneratorOptions.DefaultAccounts };
        var seed = new Option<int>("--seed") { Description = "Random seed", DefaultValueFactory = _ => GeneratorOptions.DefaultSeed };
        var asOf = CliOptions.Date("--as-of", "Classify as of this date (default: today)");
        var command = new Command("demo", "Generate a realistic company and show what Rekindle sees in it") { accounts, seed, asOf };
        command.SetAction(parse =>
        {
            var date = parse.GetValue(asOf) ?? console.Today;
            var folder = Path.Combine(Path.GetTempPath(), $"rekindle-demo-{Environment.ProcessId}-{Guid.NewGuid():N}");
            try
            {
                var clock = Stopwatch.StartNew();
                var options = new GeneratorOptions(date, parse.GetValue(accounts), Seed: parse.GetValue(seed));
                var report = GenerateCommand.Run(console, options, folder);
                var generated = clock.Elapsed;
                var loaded = BookLoader.Load(folder);
                var result = LifecycleEngine.Classify(loaded.Book, Policy.Default, date);
                var classified = clock.Elapsed;

                var ansi = console.Ansi();
                ansi.Write(new Rule($"Rekindle demo: a generated company of {report.Accounts:N0} accounts, {report.Orders:N0} orders, {report.Engagements:N0} engagements"));
                SummaryView.Show(console, result, loaded.Currency, keyLapsingToShow: 8);
                ShowTruth(ansi, TruthAgreement.Of(result, Path.Combine(folder, "truth.csv")));
                ansi.WriteLine();
                ansi.WriteLine($"Generated in {generated.TotalSeconds:0.0} s; loaded and classified in {(classified - generated).TotalSeconds:0.00} s (seed {options.Seed}, as of {date:yyyy-MM-dd}).");
                ansi.WriteLine($"Next: rekindle generate --out company && rekindle classify --data company --format csv");
                return ExitCodes.Ok;
            }
            finally
            {
                if (Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
        });
        return command;
    }

    private static void ShowTruth(IAnsiConsole ansi, TruthAgreement truth)
    {
        var table = new Table().Title("How the statuses agree with the ground truth")
            .AddColumn("status")
            .AddColumn(new TableColumn("accounts").RightAligned())
            .AddColumn(new TableColumn("truly dropped out").RightAligned())
            .AddColumn(new TableColumn("share").RightAligned());
        foreach (var row in truth.Rows)
        {
            table.AddRow(row.Status.Code(), SummaryView.N(row.Accounts), SummaryView.N(row.TrulyDroppedOut), row.Accounts == 0 ? "-" : SummaryView.P(row.Share));
        }

        ansi.Write(table);
        ansi.WriteLine("A good policy calls few live accounts dormant (low share above for active) and most dropped-out accounts lapsed.");
    }
}
