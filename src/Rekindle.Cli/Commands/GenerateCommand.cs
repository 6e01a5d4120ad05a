using System.CommandLine;
using System.Diagnostics;
using Rekindle.App.Generation;
using Rekindle.App.Generation.Exports;
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
        var source = new Option<string?>("--as") { Description = "Write the company as this system exports it: salesforce, hubspot or shopify (default: Rekindle's CSV folder)" };
        source.AcceptOnlyFromAmong(Formats.Keys.ToArray());
        var zip = new Option<bool>("--zip") { Description = "With --as salesforce: one .zip of the object files, as Salesforce delivers its Data Export" };
        var splitRows = new Option<int>("--split-rows")
        {
            Description = "With --as shopify: most line-item rows per orders_export_N.csv",
            DefaultValueFactory = _ => ExportOptions.DefaultShopifyRowsPerFile,
        };

        var command = new Command("generate", "Write a synthetic company (CSV folder plus truth.csv, or a CRM or shop export of it)")
        {
            output, accounts, reps, years, seed, asOf, source, zip, splitRows,
        };
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
            if (parse.GetValue(zip) && parse.GetValue(source) != "salesforce")
            {
                throw new UsageException("--zip: only with --as salesforce (Salesforce delivers its Data Export as a .zip)");
            }

            if (parse.GetValue(source) is { } system)
            {
                var exportOptions = new ExportOptions(options.AsOf, parse.GetValue(zip), parse.GetValue(splitRows));
                var exportProblems = exportOptions.Validate();
                if (exportProblems.Count > 0)
                {
                    throw new UsageException(string.Join("; ", exportProblems));
                }

                var files = Export(console, options, folder, Formats[system], exportOptions);
                console.Error.WriteLine($"wrote {folder} as a {system} export ({options.Accounts:N0} accounts): {string.Join(", ", files)} in {clock.Elapsed.TotalSeconds:0.0} s");
                return ExitCodes.Ok;
            }

            var report = Run(console, options, folder);
            console.Error.WriteLine(
                $"wrote {folder}: {report.Accounts:N0} accounts, {report.Orders:N0} orders, {report.OrderLines:N0} order lines, " +
                $"{report.Engagements:N0} engagements, {report.Opportunities:N0} opportunities, {report.Contacts:N0} contacts, {report.Reps:N0} reps " +
                $"({report.ChurnedAccounts:N0} accounts truly dropped out) in {clock.Elapsed.TotalSeconds:0.0} s");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static readonly Dictionary<string, ExportFormat> Formats = new(StringComparer.Ordinal)
    {
        ["salesforce"] = ExportFormat.Salesforce,
        ["hubspot"] = ExportFormat.HubSpot,
        ["shopify"] = ExportFormat.Shopify,
    };

    /// <summary>Generates the company into a temporary folder, writes it as <paramref name="format"/> exports it, and deletes the folder.</summary>
    private static IReadOnlyList<string> Export(CliConsole console, GeneratorOptions options, string folder, ExportFormat format, ExportOptions exportOptions)
    {
        var source = Path.Combine(Path.GetTempPath(), "rekindle-generate-" + Guid.NewGuid().ToString("N"));
        try
        {
            Run(console, options, source);
            return ExportWriter.Write(source, folder, format, exportOptions);
        }
        finally
        {
            if (Directory.Exists(source))
            {
                Directory.Delete(source, recursive: true);
            }
        }
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
