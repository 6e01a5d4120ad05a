using System.CommandLine;
using System.Diagnostics;
using Rekindle.App.Generation;
using Spectre.Console;

namespace Rekindle.Cli.Commands;

/// <summary><c>rekindle generate</c>: a synthetic company that behaves like a real one, with its ground truth.</summary>
public static class GenerateCommand
{
    public static Command Create(CliConsole console)
    {
        var output = new Option<string>("--out") { Description = "Folder to write the CSV files into", Required = true };
        var accounts = new Option<int>("--accounts") { Description = "Number of accounts", DefaultValueFactory = _ => GeneratorOptions.DefaultAccounts };
        var reps = new Option<int>("--reps") { Description = "Number of sales reps", DefaultValueFactory = _ => GeneratorOptions.DefaultReps };
        var years = new Option<int>("--years") { Description = "Years of history up to the as-of date", DefaultValueFactory = _ => GeneratorOptions.DefaultYears };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed gives byte-identical files", DefaultValueFactory = _ => GeneratorOptions.DefaultSeed };
        var asOf = CliOptions.Date("--as-of", "Last day of history (default: today)");

        var command = new Command("generate", "Write a synthetic company (CSV folder plus truth.csv)") { output, accounts, reps, years, seed, asOf };
        command.SetAction(parse =>
        {
            var options = new GeneratorOptions(parse.GetValue(asOf) ?? console.Today, parse.GetValue(accounts), parse.GetValue(reps), parse.GetValue(years), parse.GetValue(seed));
            var problems = options.Validate();
            if (problems.Count > 0)
            {
                throw new UsageException(string.Join("; ", problems));
            }

            var folder = parse.GetValue(output)!;
            var clock = Stopwatch.StartNew();
            var report = Run(console, options, folder);
            console.Error.WriteLine(
                $"wrote {folder}: {report.Accounts:N0} accounts, {report.Orders:N0} orders, {report.OrderLines:N0} order lines, " +
                $"{report.Engagements:N0} engagements, {report.Opportunities:N0} opportunities, {report.Contacts:N0} contacts, {report.Reps:N0} reps " +
                $"({report.ChurnedAccounts:N0} accounts truly dropped out) in {clock.Elapsed.TotalSeconds:0.0} s");
            return ExitCodes.Ok;
        });
        return command;
    }

    internal static GenerationReport Run(CliConsole console, GeneratorOptions options, string folder)
    {
        var ansi = console.Ansi();
        if (!ansi.Profile.Capabilities.Interactive || options.Accounts < 20_000)
        {
            return CompanyGenerator.Generate(options, folder);
        }

        GenerationReport? report = null;
        ansi.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("generating accounts", maxValue: options.Accounts);
                report = CompanyGenerator.Generate(options, folder, new Progress<int>(done => task.Value = done));
                task.Value = options.Accounts;
            });
        return report!;
    }
}
