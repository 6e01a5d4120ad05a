using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Rekindle.App.Csv;

/// <summary>
/// Finds duplicate ids in one file of a folder, from its parts in file order. Files exported in id order (ids from a
/// sequence) are the common case: while every id is greater than the one before it, none can repeat, and the parts'
/// id hashes are dropped. From the first id that does not rise, the ids work with 8 bytes a row: the ids read so far
/// are read again from the file's start and hashed, and every id from there on keeps its part's 64-bit hash, in 256
/// buckets by the hash's top byte (equal hashes share a bucket). At the end each bucket is sorted on its own, the
/// buckets in parallel, and only when two hashes match is the file read again, the rows with those hashes compared
/// as text, so a duplicate is reported only when the ids are really equal.
/// </summary>
internal sealed class DuplicateIds(FileSpec spec, string folder, int column, string columnName)
{
    private const int Buckets = 256;
    private readonly ulong[][] buckets = new ulong[Buckets][];
    private readonly int[] counts = new int[Buckets];
    private bool rising = true;
    private string? lastId;
    private long risingIds;

    public static ulong Hash(ReadOnlySpan<char> id) => XxHash3.HashToUInt64(MemoryMarshal.AsBytes(id));

    /// <summary>Notes a part's ids (<paramref name="ids"/>, and their hashes in file order), parts in file order.</summary>
    public void Add(RisingIds ids, ReadOnlySpan<ulong> hashes)
    {
        if (rising)
        {
            if (ids.Rising && (ids.FirstId is null || lastId is null || string.CompareOrdinal(ids.FirstId, lastId) > 0))
            {
                lastId = ids.LastId ?? lastId;
                risingIds += hashes.Length;
                return;
            }

            rising = false;
            HashFirstIds(risingIds);
        }

        foreach (var hash in hashes)
        {
            Put(hash);
        }
    }

    public void Report(InputErrors errors)
    {
        if (rising)
        {
            return;
        }

        var suspects = Suspects();
        if (suspects.Count == 0)
        {
            return;
        }

        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        var scratch = new InputErrors();
        using var f = spec.Open(folder, scratch);
        while (f is not null && f.Read())
        {
            var span = f.Span(column);
            if (span.IsEmpty || !suspects.Contains(Hash(span)))
            {
                continue;
            }

            var id = span.ToString();
            if (!firstLine.TryAdd(id, f.Line))
            {
                errors.Add(spec.FileName, f.Line, columnName, id, FolderRows.Duplicate(firstLine[id]));
            }
        }
    }

    /// <summary>Sizes the buckets for the whole file and hashes its first <paramref name="count"/> ids, whose parts' hashes were dropped.</summary>
    private void HashFirstIds(long count)
    {
        var each = (int)Math.Min(LineCount.Estimate(spec.PathIn(folder)) / Buckets * 21 / 20 + 64, Array.MaxLength);
        for (var b = 0; b < Buckets; b++)
        {
            buckets[b] = new ulong[each];
        }

        if (count == 0)
        {
            return;
        }

        using var f = spec.Open(folder, new InputErrors());
        var hashed = 0L;
        while (hashed < count && f is not null && f.Read())
        {
            var id = f.Span(column);
            if (!id.IsEmpty)
            {
                Put(Hash(id));
                hashed++;
            }
        }
    }

    private void Put(ulong hash)
    {
        var b = (int)(hash >> 56);
        if (counts[b] == buckets[b].Length)
        {
            Array.Resize(ref buckets[b], (int)Math.Min(buckets[b].Length * 3L / 2, Array.MaxLength));
        }

        buckets[b][counts[b]++] = hash;
    }

    /// <summary>The hashes seen more than once.</summary>
    private HashSet<ulong> Suspects()
    {
        var suspects = new HashSet<ulong>();
        Parallel.For(0, Buckets, b =>
        {
            var bucket = buckets[b].AsSpan(0, counts[b]);
            bucket.Sort();
            for (var i = 1; i < bucket.Length; i++)
            {
                if (bucket[i] == bucket[i - 1])
                {
                    lock (suspects)
                    {
                        suspects.Add(bucket[i]);
                    }
                }
            }

            buckets[b] = [];
        });
        return suspects;
    }
}
