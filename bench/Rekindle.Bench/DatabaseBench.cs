using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rekindle.App.Workspace;
using Rekindle.Lifecycle;
using Rekindle.Policies;
using Rekindle.Storage;

namespace Rekindle.Bench;

/// <summary>
/// <c>--from-db sqlite|postgres</c>: the workspace import of the company's CSV folder (skipped when the workspace
/// already holds accounts), then classification straight from the database, streamed by account range
/// (<see cref="StreamedClassification"/>), on 2 ranges and on 1, and the old path for comparison: the whole book read
/// into memory (<see cref="WorkspaceBook.Load"/>), then classified. Checks that both give the same classification.
/// CPU seconds are this process's, plus on PostgreSQL the server's (every postgres process on the machine, so another
/// user of the server adds to them): on a shared machine they say more than wall-clock seconds.
/// </summary>
public static class DatabaseBench
{
    public static void Run(Args options, string folder, Figures table)
    {
        var location = options.FromDb switch
        {
            "sqlite" => WorkspaceLocation.Sqlite(options.Db ?? Path.Combine(Path.GetTempPath(), $"rekindle-bench-{options.Accounts}.db")),
            "postgres" => WorkspaceLocation.Postgres(options.Connection
                ?? throw new ArgumentException("--from-db postgres needs --connection \"Host=...;Database=...;Username=...;Password=...\"")),
            _ => throw new ArgumentException($"--from-db takes sqlite or postgres, not {options.FromDb}"),
        };
        var asOf = options.AsOf;
        var server = location.Provider == WorkspaceProvider.Postgres;
        var whose = server ? "this process + PostgreSQL server" : "this process";
        var process = Process.GetCurrentProcess();
        using (var db = location.Open())
        {
            if (!db.Accounts.Any())
            {
                var cpu = Cpu(process, server);
                var report = new WorkspaceImporter(db, TimeProvider.System).Import(ImportFormat.Folder, folder, new ImportOptions { Actor = "bench" });
                table.Add($"import the CSV folder ({options.FromDb})", report.Elapsed, $"{report.Rows:N0} rows, {report.Rows / report.Elapsed.TotalSeconds:N0} rows/s, one transaction; {Cpu(process, server) - cpu:0.0} CPU s ({whose})");
            }
            else
            {
                table.Add($"import the CSV folder ({options.FromDb})", TimeSpan.Zero, "workspace already imported: not timed in this run");
            }
        }

        var runs = options.Accounts >= 500_000 ? 1 : 3;
        BookClassification? streamed = null;
        foreach (var threads in new[] { 2, 1 })
        {
            var cpu = Cpu(process, server);
            var time = Timing.Median(runs, () =>
            {
                using var db = location.Open();
                streamed = StreamedClassification.Classify(db, Policy.Default, asOf, threads);
            });
            table.Add($"classify from the database, streamed ({threads} range{(threads > 1 ? "s" : "")})", time, $"{streamed!.Summary.Accounts:N0} accounts; {(runs == 1 ? "one run" : $"median of {runs}")}; {(Cpu(process, server) - cpu) / runs:0.0} CPU s a run ({whose})");
        }

        process.Refresh();
        table.Add("peak memory so far (streamed)", TimeSpan.Zero, $"{process.PeakWorkingSet64 / 1024.0 / 1024 / 1024:0.00} GB (working set)");

        GC.Collect();
        var oldCpu = Cpu(process, server);
        var clock = Stopwatch.StartNew();
        BookClassification loaded;
        using (var db = location.Open())
        {
            var book = WorkspaceBook.Load(db).Book;
            table.Add("read the whole book from the database (old path)", clock.Elapsed, $"{book.OrderCount:N0} orders, {book.EngagementCount:N0} engagements");
            loaded = LifecycleEngine.Classify(book, Policy.Default, asOf);
        }

        table.Add("  ... and classify it (2 threads)", clock.Elapsed, $"load + classify; {Cpu(process, server) - oldCpu:0.0} CPU s ({whose})");
        process.Refresh();
        table.Add("peak memory (after the old path)", TimeSpan.Zero, $"{process.PeakWorkingSet64 / 1024.0 / 1024 / 1024:0.00} GB (working set)");
        var differ = Differences(streamed!, loaded);
        table.Add("streamed = loaded", TimeSpan.Zero, differ == 0 ? "identical classification (every account, company cycle)" : $"{differ:N0} accounts DIFFER");
    }

    /// <summary>CPU seconds of this process, plus (<paramref name="server"/>) those of every PostgreSQL server process on the machine (Linux).</summary>
    private static double Cpu(Process process, bool server)
    {
        process.Refresh();
        return process.TotalProcessorTime.TotalSeconds + (server ? ServerCpu() : 0);
    }

    private static double ServerCpu()
    {
        var ticks = 0L;
        foreach (var server in Process.GetProcessesByName("postgres"))
        {
            try
            {
                // /proc/PID/stat: fields 14 and 15 (utime, stime) in clock ticks, after the ")" that ends the name.
                var stat = File.ReadAllText($"/proc/{server.Id}/stat");
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                // the process ended meanwhile
            }
            finally
            {
                server.Dispose();
            }
        }

        return ticks / 100.0; // USER_HZ is 100 on Linux
    }

    private static int Differences(BookClassification a, BookClassification b)
    {
        var differ = a.Accounts.Count == b.Accounts.Count && a.CompanyCycle == b.CompanyCycle ? 0 : 1;
        for (var i = 0; i < Math.Min(a.Accounts.Count, b.Accounts.Count); i++)
        {
            if (a.Accounts[i] != b.Accounts[i] || a.Book.Accounts[i] != b.Book.Accounts[i])
            {
                differ++;
            }
        }

        return differ;
    }
}
