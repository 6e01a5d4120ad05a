using System.Diagnostics;
using System.Globalization;
using Rekindle.App.Csv;
using Rekindle.App.Generation;
using Rekindle.Bench;
using Rekindle.Lifecycle;
using Rekindle.Policies;
using Rekindle.Models;
using Rekindle.Reactivation;
using Rekindle.Signals;

// Usage: dotnet run -c Release --project bench/Rekindle.Bench -- [--accounts N] [--data DIR] [--as-of yyyy-MM-dd] [--out FILE]
//        [--load-threads N] [--from-db sqlite|postgres [--db FILE] [--connection "Host=...;Database=..."]]
// Generates the company when DIR has no accounts.csv, then measures Rekindle and DuckDB on the same files; with
// --from-db, the workspace import of the files and classification straight from the database instead.
//    or: load --accounts N --provider sqlite|postgres [--clients 50] [--requests N] [--claims N] [--out FILE] (Load/LoadBench.cs)
if (args.Length > 0 && args[0] == "load")
{
    return Rekindle.Bench.Load.LoadBench.Run(args[1..]).GetAwaiter().GetResult();
}

if (args.Length > 0 && args[0] == "models")
{
    var modelFigures = new Figures(args.Length > 2 && args[1] == "--out" ? args[2] : null);
    modelFigures.Note($"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}; customer-base models");
    ModelBench.Run(SharedData.Find(), modelFigures);
    modelFigures.Write();
    return 0;
}

var options = Args.Parse(args);
var asOf = options.AsOf;
var folder = options.Data ?? Path.Combine(Path.GetTempPath(), $"rekindle-bench-{options.Accounts}");
var table = new Figures(options.Out);
table.Note($"Machine: {Environment.ProcessorCount} cores, managed heap capped at {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (double)(1L << 30):0.0} GiB, {Environment.OSVersion}, .NET {Environment.Version}; {options.Accounts:N0} accounts, as of {asOf:yyyy-MM-dd}");

if (!File.Exists(Path.Combine(folder, "accounts.csv")))
{
    var g = Stopwatch.StartNew();
    var report = CompanyGenerator.Generate(new GeneratorOptions(asOf, options.Accounts), folder);
    table.Add("generate", g.Elapsed, $"{report.Accounts:N0} accounts, {report.Orders:N0} orders, {report.Engagements:N0} engagements");
}

if (options.FromDb is not null)
{
    DatabaseBench.Run(options, folder, table);
    table.Write();
    return 0;
}

// Both sides read the files from the OS cache: read every file once first, so neither pays for the disk.
var warm = Stopwatch.StartNew();
var bytes = 0L;
foreach (var file in Directory.EnumerateFiles(folder, "*.csv"))
{
    using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
    var buffer = new byte[1 << 20];
    int read;
    while ((read = stream.Read(buffer)) > 0)
    {
        bytes += read;
    }
}

table.Add("read the CSV files once (OS file cache warm for both)", warm.Elapsed, $"{bytes / 1e9:0.0} GB");
GC.Collect();
var load = Stopwatch.StartNew();
var loaded = BookLoader.Load(folder, new LoadOptions { Chunking = Chunking.Default with { Threads = options.LoadThreads } });
var loadTime = load.Elapsed;
table.Add($"Rekindle: CSV load (validated), {options.LoadThreads} thread{(options.LoadThreads == 1 ? "" : "s")}", loadTime, $"{loaded.Book.AccountCount:N0} accounts, {loaded.Book.OrderCount:N0} orders, {loaded.Book.EngagementCount:N0} engagements");

var classify = Timing.Median(3, () => LifecycleEngine.Classify(loaded.Book, Policy.Default, asOf));
table.Add("Rekindle: classify as of one date (2 threads)", classify, "data in memory; median of 3");
var single = Timing.Median(3, () => LifecycleEngine.Classify(loaded.Book, Policy.Default, asOf, maxDegreeOfParallelism: 1));
table.Add("Rekindle: classify as of one date (1 thread)", single, $"speed-up 2 vs 1 thread: {single / classify:0.00}x");
var monthly = Stopwatch.StartNew();
for (var m = 0; m < 12; m++)
{
    LifecycleEngine.Classify(loaded.Book, Policy.Default, asOf.AddMonths(-m));
}

table.Add("Rekindle: classify at 12 monthly dates", monthly.Elapsed, "");
var classified = LifecycleEngine.Classify(loaded.Book, Policy.Default, asOf);
var segment = Timing.Median(3, () => Segmentation.Segment(classified, ReactivationDirectory.Empty));
var lapsed = Segmentation.Segment(classified, ReactivationDirectory.Empty).Accounts.Count;
table.Add("Rekindle: segment the lapsed accounts", segment, $"{lapsed:N0} lapsed accounts by downtime band and spend tier (contacts not loaded)");
var fitClock = Stopwatch.StartNew();
var fitSummaries = BookSummaries.From(loaded.Book, asOf, TimeUnit.Weeks);
var bgnbd = ModelFitter.Fit(ModelKind.BgNbd, fitSummaries.Summaries);
table.Add("Rekindle: BG/NBD fit (summaries from the book + maximum likelihood)", fitClock.Elapsed, $"{bgnbd.Customers:N0} customers, {(bgnbd.Usable ? "usable" : "not usable: " + string.Join("; ", bgnbd.Warnings))}");
var peak = Process.GetCurrentProcess().PeakWorkingSet64;
table.Add("Rekindle: peak memory", TimeSpan.Zero, $"{peak / 1024.0 / 1024 / 1024:0.00} GB (working set)");
var rekindle = loadTime + classify;
loaded = null;
GC.Collect();

var duck = DuckDbBaseline.Aggregate(folder, asOf, Environment.ProcessorCount);
table.Add("DuckDB: per-account aggregates, SQL over the CSV files", duck.Elapsed, $"{duck.Accounts:N0} accounts");
table.Add("Ratio Rekindle (load + classify) / DuckDB", TimeSpan.Zero, $"{rekindle / duck.Elapsed:0.00}");
table.Write();
return 0;
