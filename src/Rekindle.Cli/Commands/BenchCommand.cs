using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Rekindle.App.Generation;
using Rekindle.App.Workspace;
using Rekindle.Storage;
using Spectre.Console;

namespace Rekindle.Cli.Commands;

/// <summary>
/// <c>rekindle bench import</c>: import speed figures, each into a fresh workspace that is deleted afterwards:
/// the CDNOW master log, a generated company of about --orders orders, and the same files again (unchanged).
/// </summary>
public static class BenchCommand
{
    public static Command Create(CliConsole console)
    {
        var bench = new Command("bench", "Measure Rekindle's speed and print the figures");
        var orders = new Option<int>("--orders") { Description = "Orders of the generated company (about 19 per account)", DefaultValueFactory = _ => 1_000_000 };
        var cdnow = new Option<string?>("--cdnow") { Description = "CDNOW_master.txt to time too (default: ../shared/data/lifetimes/CDNOW_master.txt when it exists)" };
        var import = new Command("import", "Time imports into a fresh workspace (SQLite temp file, or a new database on --provider postgres --connection)") { orders, cdnow };
        var workspace = new WorkspaceOptions().AddTo(import);
        import.SetAction(parse =>
        {
            var location = workspace.Location(parse);
            var figures = new List<(string What, TimeSpan Time, TimeSpan Cpu, string Detail)>();
            var process = Process.GetCurrentProcess();
            var cpu = process.TotalProcessorTime;
            TimeSpan Cpu()
            {
                process.Refresh();
                var used = process.TotalProcessorTime - cpu;
                cpu = process.TotalProcessorTime;
                return used;
            }

            var scratch = Path.Combine(Path.GetTempPath(), "rekindle-bench-" + Guid.NewGuid().ToString("N")[..8]);
            Directory.CreateDirectory(scratch);
            try
            {
                var cdnowFile = parse.GetValue(cdnow) ?? Path.GetFullPath("../shared/data/lifetimes/CDNOW_master.txt");
                if (File.Exists(cdnowFile))
                {
                    Cpu();
                    var report = Import(Fresh(location, scratch, "cdnow"), console, ImportFormat.Cdnow, cdnowFile);
                    figures.Add(("import CDNOW_master.txt", report.Elapsed, Cpu(), $"{N(report.Files[^1].Rows)} orders, {N(report.Files[0].Rows)} accounts"));
                }

                var accounts = Math.Max(100, parse.GetValue(orders) / 19);
                var folder = Path.Combine(scratch, "company");
                Cpu();
                var clock = Stopwatch.StartNew();
                var generated = CompanyGenerator.Generate(new GeneratorOptions(console.Today, accounts), folder);
                File.Delete(Path.Combine(folder, "truth.csv"));
                figures.Add(("generate the company (CSV)", clock.Elapsed, Cpu(), $"{N(generated.Accounts)} accounts, {N(generated.Orders)} orders"));

                var target = Fresh(location, scratch, "company");
                var first = Import(target, console, ImportFormat.Folder, folder, drop: false);
                foreach (var f in first.Files)
                {
                    figures.Add(($"  {f.File}", TimeSpan.Zero, TimeSpan.Zero, $"{N(f.Rows)} rows"));
                }

                var firstCpu = Cpu();
                figures.Add(("import the company (all files)", first.Elapsed, firstCpu, $"{N(first.Rows)} rows, {N((long)(first.Rows / first.Elapsed.TotalSeconds))} rows/s"));
                var again = Import(target, console, ImportFormat.Folder, folder);
                figures.Add(("import the same files again", again.Elapsed, Cpu(), $"{N(again.Unchanged)} unchanged, {N(again.Inserted + again.Updated)} written"));

                var ordersOnly = Path.Combine(scratch, "orders-only");
                Directory.CreateDirectory(ordersOnly);
                File.Copy(Path.Combine(folder, "accounts.csv"), Path.Combine(ordersOnly, "accounts.csv"));
                File.Copy(Path.Combine(folder, "orders.csv"), Path.Combine(ordersOnly, "orders.csv"));
                Cpu();
                var only = Import(Fresh(location, scratch, "orders"), console, ImportFormat.Folder, ordersOnly);
                figures.Add(("import accounts.csv + orders.csv only", only.Elapsed, Cpu(), $"{N(only.Files[1].Rows)} orders, {N((long)(only.Rows / only.Elapsed.TotalSeconds))} rows/s"));
            }
            finally
            {
                Directory.Delete(scratch, recursive: true);
            }

            var table = new Table().Title($"Import figures: {location.Provider}, {Environment.ProcessorCount} cores").AddColumn("what").AddColumn(new TableColumn("seconds").RightAligned()).AddColumn(new TableColumn("CPU seconds").RightAligned()).AddColumn("detail");
            foreach (var (what, time, used, detail) in figures)
            {
                table.AddRow(Markup.Escape(what), S(time), S(used), Markup.Escape(detail));
            }

            console.Ansi().Write(table);
            console.Out.WriteLine("CPU seconds: this process's processor time (all threads); on a shared machine the wall-clock seconds also include waiting for a core.");
            return ExitCodes.Ok;
        });
        bench.Add(import);
        return bench;
    }

    /// <summary>A new empty workspace beside the chosen one: a temp SQLite file, or a new PostgreSQL database on the same server.</summary>
    private static WorkspaceLocation Fresh(WorkspaceLocation like, string scratch, string name)
    {
        if (like.Provider == WorkspaceProvider.Sqlite)
        {
            return WorkspaceLocation.Sqlite(Path.Combine(scratch, name + ".db"));
        }

        var builder = new Npgsql.NpgsqlConnectionStringBuilder(like.ConnectionString) { Database = $"rekindle_bench_{name}_{Guid.NewGuid():N}"[..40] };
        return WorkspaceLocation.Postgres(builder.ToString());
    }

    /// <summary>Imports into <paramref name="location"/> (created and migrated first); <paramref name="drop"/> deletes the workspace afterwards.</summary>
    private static ImportReport Import(WorkspaceLocation location, CliConsole console, ImportFormat format, string path, bool drop = true)
    {
        using var db = location.Open();
        var report = new WorkspaceImporter(db, console.Clock).Import(format, path, new ImportOptions { Actor = "bench" });
        if (drop)
        {
            db.Database.EnsureDeleted();
        }

        return report;
    }

    private static string S(TimeSpan t) => t == TimeSpan.Zero ? "" : t.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);

    private static string N(long n) => n.ToString("#,0", CultureInfo.InvariantCulture);
}
