using System.CommandLine;
using System.Globalization;
using Rekindle.App.Workspace;
using Spectre.Console;

namespace Rekindle.Cli.Commands;

/// <summary><c>rekindle import DIR | --format cdnow|online-retail FILE</c>: load data into the workspace, atomically and idempotently.</summary>
public static class ImportCommand
{
    /// <summary>Imports of fewer rows print no rows-per-second rate.</summary>
    public const int RateFromRows = 1000;

    /// <summary>Files with more rows than this get a progress bar (on a terminal).</summary>
    public const long ProgressBarRows = 100_000;

    public static Command Create(CliConsole console)
    {
        var source = new Argument<string>("SOURCE") { Description = "The CSV folder (accounts.csv, orders.csv, ...), or the file of --format" };
        var format = new Option<string>("--format")
        {
            Description = "folder (default), cdnow (CDNOW_master.txt / CDNOW_sample.txt) or online-retail (online_retail_invoices.csv)",
            DefaultValueFactory = _ => "folder",
        };
        format.AcceptOnlyFromAmong("folder", "csv", "cdnow", "online-retail");
        var skipInvalid = new Option<bool>("--skip-invalid") { Description = "Import the good rows; write the bad ones with their reasons to --rejects" };
        var rejects = new Option<string>("--rejects") { Description = "Rejects CSV for --skip-invalid", DefaultValueFactory = _ => "rekindle-rejects.csv" };
        var currency = new Option<string?>("--currency") { Description = "Reporting currency of a new workspace (default: the first order's)" };
        var rates = new Option<string?>("--rates") { Description = "CSV of rates (currency, rate) for amounts in another currency" };
        var command = new Command("import", "Load a CSV folder or an order log into the workspace (one transaction; same files twice change nothing)")
        {
            source, format, skipInvalid, rejects, currency, rates,
        };
        var workspace = new WorkspaceOptions().AddTo(command);
        command.SetAction(parse => workspace.Run(parse, console, db =>
        {
            var kind = parse.GetValue(format) switch
            {
                "cdnow" => ImportFormat.Cdnow,
                "online-retail" => ImportFormat.OnlineRetail,
                _ => ImportFormat.Folder,
            };
            var options = new ImportOptions
            {
                SkipInvalid = parse.GetValue(skipInvalid),
                RejectsPath = parse.GetValue(rejects)!,
                Currency = parse.GetValue(currency),
                RatesPath = parse.GetValue(rates),
                Actor = Environment.UserName,
            };
            using var cancel = new CancellationTokenSource();
            ConsoleCancelEventHandler onCancel = (_, e) =>
            {
                e.Cancel = true;
                cancel.Cancel();
            };
            Console.CancelKeyPress += onCancel;
            try
            {
                var importer = new WorkspaceImporter(db, console.Clock);
                var report = ImportProgressView.Run(console, progress =>
                    importer.Import(kind, parse.GetValue(source)!, options with { Progress = progress }, cancel.Token));
                Show(console, report);
                return ExitCodes.Ok;
            }
            catch (OperationCanceledException)
            {
                console.Error.WriteLine("import cancelled: nothing was written.");
                return ExitCodes.Failure;
            }
            finally
            {
                Console.CancelKeyPress -= onCancel;
            }
        }));
        return command;
    }

    private static void Show(CliConsole console, ImportReport report)
    {
        var ansi = console.Ansi();
        var table = new Table().AddColumn("file")
            .AddColumn(new TableColumn("rows").RightAligned()).AddColumn(new TableColumn("new").RightAligned())
            .AddColumn(new TableColumn("changed").RightAligned()).AddColumn(new TableColumn("unchanged").RightAligned())
            .AddColumn(new TableColumn("rejected").RightAligned());
        foreach (var f in report.Files)
        {
            table.AddRow(Markup.Escape(f.File), N(f.Rows), N(f.Inserted), N(f.Updated), N(f.Unchanged), N(f.Rejected));
        }

        ansi.Write(table);
        var seconds = Math.Max(report.Elapsed.TotalSeconds, 0.001);
        // A rate is a figure for large imports; for a few rows it is noise ("2 rows in 4.3 s (0 rows/s)").
        var rate = report.Rows >= RateFromRows ? $" ({N((long)(report.Rows / seconds))} rows/s)" : "";
        ansi.WriteLine($"imported {N(report.Rows)} rows in {report.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s{rate}: {N(report.Inserted)} new, {N(report.Updated)} changed, {N(report.Unchanged)} unchanged" +
            (report.Currency is { Length: > 0 } currency ? $"; reporting currency {currency}" : ""));
        if (report.Rows == 0)
        {
            ansi.WriteLine("nothing to import: the files have a header and no rows");
        }

        if (report.RejectsPath is not null)
        {
            console.Error.WriteLine($"{N(report.Rejected)} row(s) rejected: see {report.RejectsPath}");
        }
    }

    private static string N(long n) => n.ToString("#,0", CultureInfo.InvariantCulture);
}
