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
            Description = "folder (default), cdnow (CDNOW_master.txt / CDNOW_sample.txt), online-retail (online_retail_invoices.csv) or elog (cust,date event log, e.g. groceryElog.csv)",
            DefaultValueFactory = _ => "folder",
        };
        format.AcceptOnlyFromAmong("folder", "csv", "cdnow", "online-retail", "elog");
        var from = new Option<string?>("--from")
        {
            Description = "Another system's export as it comes: salesforce (a Data Export folder or its .zip), hubspot (deals, companies and contacts exports), shopify (orders_export_1.csv ... and customers_export.csv)",
        };
        from.AcceptOnlyFromAmong("salesforce", "hubspot", "shopify");
        var mapping = new Option<string?>("--mapping") { Description = "Any other CSV export: a mapping JSON naming each table's file and each field's column (see --draft-mapping)" };
        var draftMapping = new Option<bool>("--draft-mapping") { Description = "Write a draft mapping for the CSV files of SOURCE to stdout (headers matched to fields, date formats sniffed; undecided fields marked todo)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Read and check everything, show what would change, write nothing (exit 0 when the import would succeed, 2 otherwise)" };
        var skipInvalid = new Option<bool>("--skip-invalid") { Description = "Import the good rows; write the bad ones with their reasons to --rejects" };
        var rejects = new Option<string>("--rejects") { Description = "Rejects CSV for --skip-invalid", DefaultValueFactory = _ => "rekindle-rejects.csv" };
        var currency = new Option<string?>("--currency") { Description = "Reporting currency of a new workspace (default: the first order's)" };
        var rates = new Option<string?>("--rates") { Description = "CSV of rates (currency, rate) for amounts in another currency" };
        var command = new Command("import", "Load a CSV folder or an order log into the workspace (one transaction; same files twice change nothing)")
        {
            source, format, from, mapping, draftMapping, skipInvalid, rejects, currency, rates, dryRun,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(mapping) is not null && result.GetValue(from) is not null)
            {
                result.AddError("--mapping and --from: give one (a mapping is for an export no --from reads)");
            }
        });
        var workspace = new WorkspaceOptions().AddTo(command);
        command.SetAction(parse => parse.GetValue(draftMapping)
            ? Draft(console, parse.GetValue(source)!)
            : workspace.Run(parse, console, db =>
        {
            var kind = (parse.GetValue(mapping) is not null ? "mapping" : parse.GetValue(from), parse.GetValue(format)) switch
            {
                ("mapping", _) => ImportFormat.Mapped,
                ("salesforce", _) => ImportFormat.Salesforce,
                ("shopify", _) => ImportFormat.Shopify,
                ("hubspot", _) => ImportFormat.HubSpot,
                (_, "cdnow") => ImportFormat.Cdnow,
                (_, "online-retail") => ImportFormat.OnlineRetail,
                (_, "elog") => ImportFormat.Elog,
                _ => ImportFormat.Folder,
            };
            var options = new ImportOptions
            {
                SkipInvalid = parse.GetValue(skipInvalid),
                RejectsPath = parse.GetValue(rejects)!,
                Currency = parse.GetValue(currency),
                RatesPath = parse.GetValue(rates),
                DryRun = parse.GetValue(dryRun),
                Mapping = parse.GetValue(mapping) is { } mappingPath ? App.Workspace.Sources.ImportMapping.Load(mappingPath) : null,
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

    private static int Draft(CliConsole console, string folder)
    {
        if (!Directory.Exists(folder))
        {
            console.Error.WriteLine($"error: {folder}: not a folder (give the folder of CSV files to draft a mapping for)");
            return ExitCodes.BadInput;
        }

        var draft = App.Workspace.Sources.MappingDraft.Draft(folder);
        console.Out.WriteLine(System.Text.Json.JsonSerializer.Serialize(draft, App.Workspace.Sources.ImportMapping.Json));
        return ExitCodes.Ok;
    }

    private static void Show(CliConsole console, ImportReport report)
    {
        var ansi = console.Ansi();
        var table = new Table().AddColumn("file")
            .AddColumn(new TableColumn("rows").RightAligned()).AddColumn(new TableColumn("new").RightAligned())
            .AddColumn(new TableColumn("changed").RightAligned()).AddColumn(new TableColumn("unchanged").RightAligned())
            .AddColumn(new TableColumn("rejected").RightAligned());
        var skipped = report.Skipped > 0;
        if (skipped)
        {
            table.AddColumn(new TableColumn("skipped").RightAligned());
        }

        foreach (var f in report.Files)
        {
            string[] cells = [Markup.Escape(f.File), N(f.Rows), N(f.Inserted), N(f.Updated), N(f.Unchanged), N(f.Rejected)];
            table.AddRow(skipped ? [.. cells, N(f.Skipped)] : cells);
        }

        ansi.Write(table);
        foreach (var f in report.Files.Where(f => f.Encoding != "UTF-8"))
        {
            ansi.WriteLine($"{f.File}: read as {f.Encoding} (not valid UTF-8)");
        }

        // A file read in several passes (a Shopify orders file: orders, then line items) is named once.
        foreach (var f in report.Files.Where(f => f.Unmapped.Count > 0).DistinctBy(f => f.File.Split(" (")[0]))
        {
            var shown = f.Unmapped.Take(8);
            var more = f.Unmapped.Count > 8 ? $" and {f.Unmapped.Count - 8} more" : "";
            ansi.WriteLine($"{f.File.Split(" (")[0]}: {f.Unmapped.Count} column(s) not used: {string.Join(", ", shown)}{more}");
        }

        foreach (var note in report.Notes)
        {
            if (note.StartsWith("warning:", StringComparison.Ordinal))
            {
                console.Error.WriteLine(note);
            }
            else
            {
                ansi.WriteLine(note);
            }
        }

        var seconds = Math.Max(report.Elapsed.TotalSeconds, 0.001);
        if (report.DryRun)
        {
            ansi.WriteLine($"dry run: nothing was written. The import would read {N(report.Rows)} rows: {N(report.Inserted)} new, {N(report.Updated)} changed, {N(report.Unchanged)} unchanged, {N(report.Skipped)} skipped" +
                (report.Currency is { Length: > 0 } reporting ? $"; reporting currency {reporting}" : ""));
            return;
        }

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
