namespace Rekindle.App.Workspace;

/// <summary>Counts a file's lines quickly (for a progress bar's total).</summary>
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
}
