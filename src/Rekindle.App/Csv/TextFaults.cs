using System.Buffers;
using System.Text.Unicode;

namespace Rekindle.App.Csv;

/// <summary>
/// Where a file stops being readable text: the first byte that is not UTF-8, the first NUL, the first line longer than a
/// limit, found by reading the bytes from the start. A CSV reader reads ahead in blocks, so its own position when it
/// fails is not the line at fault; these give the real line, column and byte offset for the error.
/// </summary>
public static class TextFaults
{
    /// <summary>A place in a file: 1-based line and column (in bytes), 0-based byte offset.</summary>
    public readonly record struct Place(int Line, long Column, long Offset)
    {
        public override string ToString() => $"line {Line}, byte {Column} of the line (offset {Offset} in the file)";
    }

    /// <summary>The first byte sequence that is not UTF-8 (a BOM is fine), or null when the whole file is UTF-8.</summary>
    public static Place? FirstInvalidUtf8(string path) => Scan(path, (block, length, final) =>
    {
        var chars = ArrayPool<char>.Shared.Rent(length + 4);
        try
        {
            var status = Utf8.ToUtf16(block.AsSpan(0, length), chars, out var read, out _, replaceInvalidSequences: false, isFinalBlock: final);
            return status == System.Buffers.OperationStatus.InvalidData ? read : status == System.Buffers.OperationStatus.NeedMoreData ? -read - 1 : -1;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    });

    /// <summary>The first NUL byte (binary data, or UTF-16 without a byte order mark), or null.</summary>
    public static Place? FirstNul(string path) => Scan(path, (block, length, _) => block.AsSpan(0, length).IndexOf((byte)0));

    /// <summary>The start of the first line longer than <paramref name="maxBytes"/>, or null.</summary>
    public static Place? FirstLongLine(string path, long maxBytes)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var buffer = new byte[1 << 16];
        long offset = 0, lineStart = 0;
        var line = 1;
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            for (var i = 0; i < read; i++)
            {
                if (buffer[i] == (byte)'\n')
                {
                    if (offset + i - lineStart > maxBytes)
                    {
                        return new Place(line, 1, lineStart);
                    }

                    line++;
                    lineStart = offset + i + 1;
                }
            }

            offset += read;
        }

        return offset - lineStart > maxBytes ? new Place(line, 1, lineStart) : null;
    }

    /// <summary>True when the file starts with a UTF-16 byte order mark (then its NULs are text, not binary data).</summary>
    public static bool IsUtf16(string path)
    {
        using var stream = File.OpenRead(path);
        Span<byte> head = stackalloc byte[2];
        return stream.Read(head) == 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF));
    }

    /// <summary>
    /// Reads the file in blocks; <paramref name="find"/> returns the index of the fault in a block, -1 for none, or
    /// -(n + 1) when only the first n bytes could be judged (a sequence cut at the block's end, carried to the next).
    /// </summary>
    private static Place? Scan(string path, Func<byte[], int, bool, int> find)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var buffer = new byte[(1 << 16) + 8];
        long offset = 0, lineStart = 0;
        var line = 1;
        var carried = 0;
        while (true)
        {
            var read = stream.Read(buffer, carried, buffer.Length - 8 - carried);
            var length = carried + read;
            var final = read == 0;
            if (length == 0)
            {
                return null;
            }

            var block = buffer;
            var at = find(block, length, final);
            var judged = at >= 0 ? at : at == -1 ? length : -at - 1;
            for (var i = 0; i < judged; i++)
            {
                if (block[i] == (byte)'\n')
                {
                    line++;
                    lineStart = offset + i + 1;
                }
            }

            if (at >= 0)
            {
                return new Place(line, offset + at - lineStart + 1, offset + at);
            }

            if (final)
            {
                return null;
            }

            carried = length - judged;
            Array.Copy(buffer, judged, buffer, 0, carried);
            offset += judged;
        }
    }
}
