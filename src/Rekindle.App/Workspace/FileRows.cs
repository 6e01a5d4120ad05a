using Rekindle.App.Csv;

namespace Rekindle.App.Workspace;

/// <summary>
/// The one row loop of every file an import reads, whatever its format: each row is read (and checked) by the format's
/// reader, then upserted into its table or rejected with its reasons. A row the reader leaves out on purpose (returns
/// null without an error: a deleted record, a task that is no engagement) is counted as skipped, never lost silently,
/// unless the row only continues one already read (<c>countSkipped</c> false: a Shopify order's second line item).
/// </summary>
internal static class FileRows
{
    /// <remarks><paramref name="duplicate"/> reports a row whose id was seen before (given the line it was first seen on); by default the error is on the first column.</remarks>
    public static void Import<T>(ImportRun run, CsvFile f, FileCounts counts, long total, TableImport<T> table, Func<CsvFile, T?> read, Action<T, Upserted>? after = null, bool countSkipped = true, Action<CsvFile, int>? duplicate = null)
        where T : class
    {
        run.Progress(counts.File, 0, total);
        while (f.Read())
        {
            counts.Rows++;
            run.Tick(counts.File, counts.Rows, total);
            var before = run.Errors.Count;
            var row = read(f);
            if (row is not null && !run.HasErrorsOn(f.Line))
            {
                var outcome = table.Upsert(row, f.Line, counts);
                if (outcome == Upserted.Duplicate)
                {
                    if (duplicate is null)
                    {
                        f.Error(0, f.Text(0), FolderRows.Duplicate(table.FirstSeenLine));
                    }
                    else
                    {
                        duplicate(f, table.FirstSeenLine);
                    }
                }
                else
                {
                    after?.Invoke(row, outcome);
                }
            }
            else if (row is null && countSkipped && run.Errors.Count == before)
            {
                counts.Skipped++;
            }

            run.RowRejected(counts, f.Line, () => string.Join(',', Enumerable.Range(0, f.ColumnCount).Select(i => RejectsFile.Quote(f.Text(i)))));
        }

        run.RowRejected(counts, -1, null);
        table.Flush();
        counts.Unmapped = f.Unmapped;
        counts.Encoding = f.EncodingName;
        run.Progress(counts.File, counts.Rows, counts.Rows);
    }

    /// <summary>
    /// Opens one file of another system's export (<see cref="CsvFile.OpenExport"/>: a header error is fatal), sizes the
    /// table for it and imports its rows under <paramref name="label"/>. Nothing is read once the run is fatal.
    /// </summary>
    public static void ImportExport<T>(ImportRun run, string path, string label, string[] required, string[] optional, TableImport<T> table, Func<CsvFile, T?> read, Action<T, Upserted>? after = null, bool countSkipped = true)
        where T : class
    {
        if (run.Fatal)
        {
            return;
        }

        var counts = run.Counts(label);
        var before = run.Errors.Count;
        using var f = CsvFile.OpenExport(path, Path.GetFileName(path), required, optional, run.Errors);
        run.FatalIfNew(before);
        if (f is null)
        {
            return;
        }

        table.Reserve(LineCount.Estimate(path));
        Import(run, f, counts, run.Options.Progress is null ? 0 : LineCount.Of(path) - 1, table, read, after, countSkipped);
    }
}
