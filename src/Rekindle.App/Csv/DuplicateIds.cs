using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Rekindle.App.Csv;

/// <summary>
/// Finds duplicate ids in a file. Files exported in id order (ids from a sequence) are the common case: when every
/// id is greater than the one before it, across the whole file, none can repeat, and nothing more is done.
/// Otherwise the file's ids are read again, on every core, into 64-bit hashes (8 bytes a row), kept in 256 buckets
/// by the hash's top byte (equal hashes share a bucket), each sorted on its own, the buckets in parallel. Only when
/// two hashes match is the file read a third time, and the rows with those hashes compared as text, so a duplicate
/// is reported only when the ids are really equal.
/// </summary>
internal sealed class DuplicateIds(FileSpec spec, int column, string columnName)
{
    private const int Buckets = 256;
    private bool rising = true;
    private string? lastId;

    /// <summary>Notes a part's ids, in file order.</summary>
    public void Add(RisingIds part)
    {
        if (rising)
        {
            rising = part.Rising && (part.FirstId is null || lastId is null || string.CompareOrdinal(part.FirstId, lastId) > 0);
            lastId = part.LastId ?? lastId;
        }
    }

    public void Report(string folder, InputErrors errors, Chunking chunking)
    {
        if (rising)
        {
            return;
        }

        var suspects = Suspects(folder, chunking);
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
                errors.Add(spec.FileName, f.Line, columnName, id, $"duplicate id (first seen on line {firstLine[id]})");
            }
        }
    }

    /// <summary>The hashes of ids seen more than once.</summary>
    private HashSet<ulong> Suspects(string folder, Chunking chunking)
    {
        var buckets = new ulong[Buckets][];
        var counts = new int[Buckets];
        for (var b = 0; b < Buckets; b++)
        {
            buckets[b] = new ulong[1024];
        }

        ChunkedCsv.Read(spec, folder, new InputErrors(), chunking, lines => new IdHashes(lines), (f, part) =>
        {
            while (f.Read())
            {
                var id = f.Span(column);
                if (!id.IsEmpty)
                {
                    part.Hashes.Add(Hash(id));
                }
            }
        }, (part, _) =>
        {
            foreach (var hash in part.Hashes.Span)
            {
                var b = (int)(hash >> 56);
                if (counts[b] == buckets[b].Length)
                {
                    Array.Resize(ref buckets[b], (int)Math.Min(buckets[b].Length * 2L, Array.MaxLength));
                }

                buckets[b][counts[b]++] = hash;
            }
        });

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

    /// <summary>A part's id hashes.</summary>
    private sealed class IdHashes(int lines) : IReusablePart
    {
        public PartColumn<ulong> Hashes { get; } = new(lines);

        public void Clear() => Hashes.Clear();
    }

    public static ulong Hash(ReadOnlySpan<char> id) => XxHash3.HashToUInt64(MemoryMarshal.AsBytes(id));
}
