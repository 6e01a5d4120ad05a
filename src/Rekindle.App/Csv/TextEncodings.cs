using System.Text;

namespace Rekindle.App.Csv;

/// <summary>Which encoding an export file is in: UTF-8 when every byte sequence is valid UTF-8, else Windows-1252.</summary>
public static class TextEncodings
{
    /// <summary>Windows-1252, the code page Excel and many CRM exports write on Western systems (Latin-1 plus € and smart quotes).</summary>
    public static Encoding Windows1252 { get; } = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    /// <summary>
    /// UTF-8 (without throwing: the file was checked) when the whole file decodes as UTF-8, a BOM included; otherwise
    /// Windows-1252, which gives every byte a character, so no row is refused for its encoding alone.
    /// </summary>
    public static Encoding Detect(string path)
    {
        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
        var bytes = new byte[1 << 16];
        var chars = new char[(1 << 16) + 4];
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        try
        {
            int read;
            while ((read = stream.Read(bytes)) > 0)
            {
                decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
            }

            decoder.GetChars(bytes, 0, 0, chars, 0, flush: true);
            return new UTF8Encoding(false, throwOnInvalidBytes: true);
        }
        catch (DecoderFallbackException)
        {
            return Windows1252;
        }
    }
}
