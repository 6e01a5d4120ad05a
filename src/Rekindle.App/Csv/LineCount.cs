namespace Rekindle.App.Csv;

/// <summary>Counts a file's lines quickly (for a progress bar's total), or estimates them (to size arrays once).</summary>
internal static class LineCount
{
    public static long Of(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var buffer = new byte[1 << 16];
        long lines = 0;
        int read;
        var last = (byte)'\n';
        while ((read = stream.Read(buffer)) > 0)
        {
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
            last = buffer[read - 1];
        }

        return last == '\n' ? lines : lines + 1;
    }

    /// <summary>
    /// A file's length in bytes, that of its target when the path is a symbolic link (FileInfo.Length gives the link's
    /// own: a symlinked orders.csv of 1 GB would look 24 bytes long).
    /// </summary>
    public static long Bytes(string path)
    {
        using var handle = File.OpenHandle(path);
        return RandomAccess.GetLength(handle);
    }

    /// <summary>Rows a file probably holds, from its size and the length of its first lines (plus 2%), to size arrays once.</summary>
    public static long Estimate(string path)
    {
        using var stream = File.OpenRead(path);
        var length = stream.Length;
        var head = new byte[Math.Min(length, 1 << 16)];
        var read = stream.Read(head);
        var lines = head.AsSpan(0, read).Count((byte)'\n');
        if (lines < 2 || read == length)
        {
            return Math.Max(lines, 16);
        }

        return (long)(length / ((double)read / lines) * 1.02);
    }
}
