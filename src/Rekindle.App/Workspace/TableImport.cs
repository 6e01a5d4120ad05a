using System.Runtime.InteropServices;
using Rekindle.Storage;

namespace Rekindle.App.Workspace;

/// <summary>What an upsert did with one row.</summary>
internal enum Upserted
{
    Inserted,
    Updated,
    Unchanged,
    Duplicate,
}

/// <summary>
/// Upserts the rows of one file into one table by their ids: a new id is inserted, a known id with other values
/// is updated (and the change goes to the audit log), a known id with the same values is left alone. A second
/// row with an id already seen in this run is a duplicate. Knows every id of the table (stored or imported), so
/// later files can check their references. Ids are kept as 128-bit hashes (<see cref="BulkTable{T}.KeyHashOf"/>), not
/// strings: 16 bytes an id and no object for the collector to trace, for tables of tens of millions of rows.
/// </summary>
internal sealed class TableImport<T> : IDisposable
    where T : class
{
    private readonly ImportRun run;
    private readonly Dictionary<UInt128, Seen> rows;

    public TableImport(ImportRun run, CancellationToken cancellationToken)
    {
        this.run = run;
        Bulk = new BulkTable<T>(run.Db, run.Options.BatchRows);
        rows = Bulk.LoadHashes(hash => new Seen(hash, 0), cancellationToken);
    }

    public BulkTable<T> Bulk { get; }

    /// <summary>The line where the last duplicate's id was first seen.</summary>
    public int FirstSeenLine { get; private set; }

    /// <summary>The stored row before the last update (for follow-up changes such as ownership).</summary>
    public T? Before { get; private set; }

    /// <summary>Ids stored or imported so far.</summary>
    public int Count => rows.Count;

    /// <summary>
    /// Sizes the ids once for a file of about <paramref name="fileRows"/> rows (a file imported again holds mostly the
    /// ids stored), instead of growing them by doubling: tens of millions of ids, copied at every step.
    /// </summary>
    public void Reserve(long fileRows) => rows.EnsureCapacity((int)Math.Clamp(fileRows, rows.Count, 200_000_000));

    /// <summary>True when the id is stored or was imported in this run.</summary>
    public bool Contains(ReadOnlySpan<char> key) => rows.ContainsKey(BulkTable<T>.KeyHash(key));

    public Upserted Upsert(T row, int line, FileCounts counts)
    {
        ref var seen = ref CollectionsMarshal.GetValueRefOrAddDefault(rows, Bulk.KeyHashOf(row), out var exists);
        if (exists && seen.Line > 0)
        {
            FirstSeenLine = seen.Line;
            return Upserted.Duplicate;
        }

        var before = seen.Hash;
        if (!exists)
        {
            seen = new Seen(0, line);
            counts.Inserted++;
            if (!run.CheckOnly)
            {
                Bulk.Insert(row);
            }

            return Upserted.Inserted;
        }

        var hash = Bulk.HashOf(row);
        seen = new Seen(hash, line);
        if (before == hash)
        {
            counts.Unchanged++;
            return Upserted.Unchanged;
        }

        counts.Updated++;
        if (!run.CheckOnly)
        {
            Before = Bulk.FindStored(row);
            var changes = Before is null ? [] : Bulk.Differences(Before, row);
            Bulk.Update(row);
            run.Audit("update", Bulk.Table, Bulk.KeyOf(row).Replace('\u001f', '/'), string.Join("; ", changes));
        }

        return Upserted.Updated;
    }

    public void Flush()
    {
        if (!run.CheckOnly)
        {
            Bulk.Flush();
        }
    }

    public void Dispose() => Bulk.Dispose();

    private readonly record struct Seen(ulong Hash, int Line);
}
