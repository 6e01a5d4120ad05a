using Microsoft.Win32.SafeHandles;

namespace Rekindle.App.Csv;

/// <summary>What a reader of one part of a file fills: cleared after its commit and given to another part.</summary>
internal interface IReusablePart
{
    void Clear();
}

/// <summary>How a large CSV file is read: on up to <see cref="Threads"/> threads, in parts of about <see cref="PartBytes"/>.</summary>
public sealed record Chunking(int Threads, int PartBytes)
{
    /// <summary>Every core, 8 MiB parts.</summary>
    public static Chunking Default { get; } = new(Environment.ProcessorCount, 8 << 20);
}

/// <summary>
/// Reads one large CSV file on several threads with the same outcome as one reader. The file is cut into parts at
/// line ends; each part, with the file's header line in front, is parsed by its own <see cref="CsvFile"/> into a
/// part of the caller's (its rows, its id hashes) and its own errors. Parts are committed strictly in file order:
/// rows arrive in file order and errors get their lines in the file. A cut inside a quoted field (an odd number of
/// quotes before it) is noticed before the part ending there commits; from there on one reader reads the rest.
/// Memory stays bounded and is reused: part buffers are kept for the next parts, a committed part is cleared and given
/// to a later part (no large arrays allocated per part, so no garbage collections of a large heap while loading),
/// and a thread does not start a part more than two parts a thread ahead of the last commit.
/// </summary>
internal static class ChunkedCsv
{
    private const int ScanBytes = 1 << 16;

    /// <summary>
    /// <paramref name="parse"/> runs on parts in parallel (it may only write to its part); <paramref name="commit"/>
    /// runs once per part, in file order, one at a time, with the number to add to the part's line numbers to get the
    /// file's. <paramref name="newPart"/> gets the part's line count (an upper bound of its rows; for a file read
    /// whole, an estimate). False when the file's header cannot be read (its errors are added; no row is read).
    /// </summary>
    public static bool Read<TPart>(FileSpec spec, string folder, InputErrors errors, Chunking chunking, Func<int, TPart> newPart, Action<CsvFile, TPart> parse, Action<TPart, int> commit)
        where TPart : IReusablePart
    {
        var path = spec.PathIn(folder);
        var length = LineCount.Bytes(path); // a symlink's target, not the link
        if (length <= chunking.PartBytes)
        {
            using var whole = spec.Open(folder, errors);
            if (whole is null)
            {
                return false;
            }

            var part = newPart((int)Math.Min(length / 32, 1 << 20));
            parse(whole, part);
            commit(part, 0);
            return true;
        }

        using (var header = spec.Open(folder, errors))
        {
            if (header is null)
            {
                return false; // the header's errors are added; no row can be read
            }
        }

        using var handle = File.OpenHandle(path);
        var start = LineEnd(handle, 0, length, trackQuotes: true);
        if (start >= length)
        {
            return true; // a header and no rows
        }

        var head = new byte[start];
        ReadExactly(handle, head, 0);
        var bounds = Bounds(handle, start, length, chunking.PartBytes);
        new Run<TPart>(spec, folder, errors, handle, head, bounds, newPart, parse, commit).Go(chunking.Threads);
        return true;
    }

    /// <summary>The offset just past the first line end at or after <paramref name="from"/> (quotes balanced when asked), or the length.</summary>
    private static long LineEnd(SafeFileHandle handle, long from, long length, bool trackQuotes)
    {
        var buffer = new byte[ScanBytes];
        var inQuotes = false;
        for (var at = from; at < length;)
        {
            var read = RandomAccess.Read(handle, buffer, at);
            if (read <= 0)
            {
                break;
            }

            for (var i = 0; i < read; i++)
            {
                if (trackQuotes && buffer[i] == (byte)'"')
                {
                    inQuotes = !inQuotes;
                }
                else if (buffer[i] == (byte)'\n' && !inQuotes)
                {
                    return at + i + 1;
                }
            }

            at += read;
        }

        return length;
    }

    private static List<long> Bounds(SafeFileHandle handle, long start, long length, int partBytes)
    {
        var bounds = new List<long> { start };
        while (bounds[^1] < length)
        {
            var target = bounds[^1] + partBytes;
            bounds.Add(target >= length ? length : LineEnd(handle, target - 1, length, trackQuotes: false));
        }

        return bounds;
    }

    private static void ReadExactly(SafeFileHandle handle, Span<byte> into, long offset)
    {
        while (!into.IsEmpty)
        {
            var read = RandomAccess.Read(handle, into, offset);
            if (read <= 0)
            {
                throw new IOException("the file became shorter while it was read");
            }

            into = into[read..];
            offset += read;
        }
    }

    private sealed class Run<TPart>(
        FileSpec spec, string folder, InputErrors errors, SafeFileHandle handle, byte[] head, List<long> bounds,
        Func<int, TPart> newPart, Action<CsvFile, TPart> parse, Action<TPart, int> commit)
        where TPart : IReusablePart
    {
        private readonly System.Collections.Concurrent.ConcurrentBag<TPart> spare = [];
        private readonly System.Collections.Concurrent.ConcurrentBag<byte[]> buffers = [];
        private readonly object gate = new();
        private readonly Parsed?[] parsed = new Parsed?[bounds.Count - 1];
        private int next = -1;
        private int committed;
        private long quotes = head.AsSpan().Count((byte)'"');
        private int lines = head.AsSpan().Count((byte)'\n');
        private bool broken;
        private bool failed;
        private int ahead;

        public void Go(int threads)
        {
            ahead = 2 * Math.Max(1, threads);
            Parallel.Invoke(new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) }, [.. Enumerable.Repeat(Work, Math.Clamp(threads, 1, parsed.Length))]);
            if (broken)
            {
                // A cut fell inside a quoted field: the parts from the one ending there are read again by one reader.
                using var rest = new FileStream(handle, FileAccess.Read) { Position = bounds[committed] };
                Commit(ParseStream(new PrefixedStream(head, rest, leaveOpen: true), capacity: 1 << 16, lineCount: 0, quoteCount: 0, quoted: true));
            }
        }

        private void Work()
        {
            try
            {
                WorkParts();
            }
            catch
            {
                lock (gate)
                {
                    failed = true; // the others stop waiting; Parallel.Invoke rethrows
                    Monitor.PulseAll(gate);
                }

                throw;
            }
        }

        private void WorkParts()
        {
            while (true)
            {
                int i;
                lock (gate)
                {
                    while (!broken && !failed && next + 1 < parsed.Length && next + 1 - committed > ahead)
                    {
                        Monitor.Wait(gate); // the parts before are still being read: do not pile parsed rows up
                    }

                    if (broken || failed || next + 1 >= parsed.Length)
                    {
                        return;
                    }

                    i = ++next;
                }

                var size = checked((int)(head.Length + (bounds[i + 1] - bounds[i])));
                var bytes = buffers.TryTake(out var kept) && kept.Length >= size ? kept : new byte[size + (size / 8)];
                Parsed done;
                try
                {
                    head.CopyTo(bytes, 0);
                    ReadExactly(handle, bytes.AsSpan(head.Length, size - head.Length), bounds[i]);
                    var body = bytes.AsSpan(head.Length, size - head.Length);
                    var lineCount = body.Count((byte)'\n');
                    var quoteCount = body.Count((byte)'"');
                    done = ParseStream(new MemoryStream(bytes, 0, size, writable: false), capacity: lineCount, lineCount, quoteCount, quoted: quoteCount != 0);
                }
                finally
                {
                    buffers.Add(bytes);
                }

                lock (gate)
                {
                    parsed[i] = done;
                    while (!broken && committed < parsed.Length && parsed[committed] is { } ready)
                    {
                        if ((quotes + ready.Quotes) % 2 != 0)
                        {
                            broken = true; // this part ends inside a quoted field
                            break;
                        }

                        parsed[committed] = null;
                        Commit(ready);
                        committed++;
                    }

                    Monitor.PulseAll(gate);
                }
            }
        }

        /// <summary>
        /// Parses a part into a reused or new part (<paramref name="capacity"/> rows); <paramref name="lineCount"/> is its
        /// line ends, <paramref name="quoted"/> false when it holds no quote (no field spans lines).
        /// </summary>
        private Parsed ParseStream(Stream stream, int capacity, int lineCount, long quoteCount, bool quoted)
        {
            var partErrors = new InputErrors();
            var part = spare.TryTake(out var reused) ? reused : newPart(capacity);
            using (var f = spec.Open(stream, folder, partErrors, quoted))
            {
                if (f is not null)
                {
                    parse(f, part);
                }
            }

            return new Parsed(part, partErrors, lineCount, quoteCount);
        }

        private void Commit(Parsed done)
        {
            // The part's reader numbers its header line 1; its first row is the line after the file's lines so far.
            errors.Merge(done.Errors, lines - 1);
            commit(done.Part, lines - 1);
            done.Part.Clear();
            spare.Add(done.Part);
            quotes += done.Quotes;
            lines += done.Newlines;
        }

        private sealed record Parsed(TPart Part, InputErrors Errors, int Newlines, long Quotes);
    }

    /// <summary>A header's bytes, then the rest of a stream: a part of a file read as a file.</summary>
    private sealed class PrefixedStream(byte[] prefix, Stream rest, bool leaveOpen) : Stream
    {
        private int position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (position < prefix.Length)
            {
                var n = Math.Min(buffer.Length, prefix.Length - position);
                prefix.AsSpan(position, n).CopyTo(buffer);
                position += n;
                return n;
            }

            return rest.Read(buffer);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing && !leaveOpen)
            {
                rest.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
