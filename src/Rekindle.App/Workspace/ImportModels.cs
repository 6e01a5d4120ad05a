namespace Rekindle.App.Workspace;

/// <summary>What to import and how.</summary>
public sealed record ImportOptions
{
    /// <summary>Import the good rows and write the bad ones to <see cref="RejectsPath"/>; without it any bad row aborts the run.</summary>
    public bool SkipInvalid { get; init; }

    /// <summary>Where rejected rows go with their reasons (only with <see cref="SkipInvalid"/>).</summary>
    public string RejectsPath { get; init; } = "rekindle-rejects.csv";

    /// <summary>The reporting currency for a new workspace; null takes the first order's (or the format's).</summary>
    public string? Currency { get; init; }

    /// <summary>A rates CSV (currency, rate) for files in another currency; a CSV folder may also hold rates.csv.</summary>
    public string? RatesPath { get; init; }

    /// <summary>A mapping (<c>--mapping FILE.json</c>) for <see cref="ImportFormat.Mapped"/>: which file and column each field comes from.</summary>
    public Sources.ImportMapping? Mapping { get; init; }

    /// <summary>Read and check everything, count what would change, and write nothing (the transaction is rolled back).</summary>
    public bool DryRun { get; init; }

    /// <summary>Who is importing (for the audit log).</summary>
    public string Actor { get; init; } = "rekindle";

    /// <summary>
    /// Rows each table queues before it writes them (<see cref="Storage.BulkTable{T}.DefaultBufferRows"/>). Tests set it
    /// small to put a batch boundary at every position of a file.
    /// </summary>
    public int BatchRows { get; init; } = Storage.BulkTable<Storage.Account>.DefaultBufferRows;

    /// <summary>Receives progress every few thousand rows, on the importing thread.</summary>
    public Action<ImportProgress>? Progress { get; init; }
}

/// <summary>Rows done so far in one file; <see cref="Total"/> is the file's line count (an estimate of its rows).</summary>
public readonly record struct ImportProgress(string File, long Done, long Total);

/// <summary>What one file of an import did.</summary>
public sealed class FileCounts(string file)
{
    public string File { get; } = file;
    public long Rows { get; set; }
    public long Inserted { get; set; }
    public long Updated { get; set; }
    public long Unchanged { get; set; }
    public long Rejected { get; set; }

    /// <summary>Rows left out on purpose (a deleted record, a task that is no engagement): read, not imported, not an error.</summary>
    public long Skipped { get; set; }

    /// <summary>Columns of the file no field is read from (an export's).</summary>
    public IReadOnlyList<string> Unmapped { get; set; } = [];

    /// <summary>The text encoding the file was read in.</summary>
    public string Encoding { get; set; } = "UTF-8";

    public override string ToString() =>
        $"{File}: {Rows} rows, {Inserted} new, {Updated} changed, {Unchanged} unchanged, {Rejected} rejected" + (Skipped > 0 ? $", {Skipped} skipped" : "");
}

/// <summary>The outcome of a committed import.</summary>
public sealed record ImportReport(
    string Source,
    string Currency,
    IReadOnlyList<FileCounts> Files,
    string? RejectsPath,
    TimeSpan Elapsed)
{
    /// <summary>True when nothing was written: a --dry-run's report of what the import would do.</summary>
    public bool DryRun { get; init; }

    public long Rows => Files.Sum(f => f.Rows);
    public long Inserted => Files.Sum(f => f.Inserted);
    public long Updated => Files.Sum(f => f.Updated);
    public long Unchanged => Files.Sum(f => f.Unchanged);
    public long Rejected => Files.Sum(f => f.Rejected);
    public long Skipped => Files.Sum(f => f.Skipped);

    /// <summary>Files of the source the import does not read (listed once, not an error), and what each import notes.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
