using System.Globalization;
using System.Text;
using Sylvan.Data.Csv;

namespace Rekindle.App.Csv;

/// <summary>
/// One CSV input file being read: checks the header against the expected columns, reads rows with their
/// line numbers, and parses fields with errors that name file, line, column and value. UTF-8 (a BOM is
/// accepted), comma-separated, RFC 4180 quoting, CRLF or LF line ends.
/// </summary>
public sealed class CsvFile : IDisposable
{
    private const int MaxFieldChars = 32 * 1024 * 1024;
    private readonly CsvDataReader reader;
    private readonly int[] ordinals;
    private readonly string[] columns;
    private int physicalLine = 1;
    private bool quoted = true;
    private bool wholeFile;

    private CsvFile(string path, string name, CsvDataReader reader, string[] columns, int[] ordinals, InputErrors errors)
    {
        Path = path;
        Name = name;
        this.reader = reader;
        this.columns = columns;
        this.ordinals = ordinals;
        Errors = errors;
    }

    public string Path { get; }

    /// <summary>The file's name as errors show it.</summary>
    public string Name { get; }

    public InputErrors Errors { get; }

    /// <summary>The text encoding the file was read in (UTF-8, or Windows-1252 for an export that is not valid UTF-8).</summary>
    public string EncodingName { get; private set; } = "UTF-8";

    /// <summary>Header columns no field is read from (an export's columns Rekindle does not use).</summary>
    public IReadOnlyList<string> Unmapped { get; private set; } = [];

    /// <summary>Line number of the current row in the file (the header is line 1).</summary>
    public int Line { get; private set; } = 1;

    /// <summary>
    /// Opens <paramref name="path"/> and checks its header: every required column present, no unknown column,
    /// no column twice. Returns null (with errors added) when the file cannot be read as expected.
    /// </summary>
    public static CsvFile? Open(string path, string name, IReadOnlyList<string> required, IReadOnlyList<string> optional, InputErrors errors)
    {
        if (!File.Exists(path))
        {
            errors.Add(name, 0, "", "", "file not found");
            return null;
        }

        if (LooksBinary(path))
        {
            var nul = TextFaults.FirstNul(path)!.Value;
            errors.Add(name, nul.Line, "", "", $"not a UTF-8 text file (it contains binary data: a NUL byte at {nul})");
            return null;
        }

        var file = Open(File.OpenRead(path), path, name, required, optional, errors);
        file?.wholeFile = true;
        return file;
    }

    /// <summary>
    /// Reads a header and rows from <paramref name="stream"/> (which it then owns): a part of <paramref name="path"/>
    /// with the file's header line in front (<see cref="ChunkedCsv"/>) reads like the file itself. <paramref name="quoted"/>
    /// false promises that no row holds a quote character: then no field can span lines, and they are not counted.
    /// </summary>
    public static CsvFile? Open(Stream stream, string path, string name, IReadOnlyList<string> required, IReadOnlyList<string> optional, InputErrors errors, bool quoted = true) =>
        Open(stream, path, name, required, optional, errors, quoted, export: null);

    /// <summary>
    /// Opens a file of another system's export (Salesforce, HubSpot, Shopify): header names matched without regard to
    /// case, columns Rekindle does not read listed in <see cref="Unmapped"/> rather than refused, and the text read as
    /// UTF-8 when it is valid UTF-8, else as Windows-1252 (what Excel and older exports write), told in <see cref="EncodingName"/>.
    /// </summary>
    public static CsvFile? OpenExport(string path, string name, IReadOnlyList<string> required, IReadOnlyList<string> optional, InputErrors errors)
    {
        if (!File.Exists(path))
        {
            errors.Add(name, 0, "", "", "file not found");
            return null;
        }

        if (LooksBinary(path))
        {
            errors.Add(name, 0, "", "", "not a text file (it contains binary data)");
            return null;
        }

        var encoding = TextEncodings.Detect(path);
        var file = Open(File.OpenRead(path), path, name, required, optional, errors, quoted: true, export: encoding);
        file?.wholeFile = true;
        return file;
    }

    private static CsvFile? Open(Stream stream, string path, string name, IReadOnlyList<string> required, IReadOnlyList<string> optional, InputErrors errors, bool quoted, Encoding? export)
    {
        var text = new StreamReader(stream, export ?? new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        CsvDataReader reader;
        try
        {
            reader = CsvDataReader.Create(text, new CsvDataReaderOptions
            {
                Delimiter = ',',
                HasHeaders = true,

                // No line of a data file is a comment: Sylvan's default takes an unquoted leading '#' as one and drops
                // the row without a word (Shopify's order names are "#1001"). NUL is the one character no text line
                // holds; a line that starts with it is refused, never skipped.
                Comment = '\0',
                CommentHandler = (Action<string>)(_ => throw new InvalidDataException("the line starts with a NUL character (binary data in a text file)")),
                MaxBufferSize = MaxFieldChars,
                BufferSize = 1 << 16,
                OwnsReader = true,
            });
        }
        catch (Exception e) when (e is DecoderFallbackException or CsvFormatException or InvalidDataException or CsvRecordTooLargeException)
        {
            text.Dispose();
            var (line, reason) = Fault(path, e, 1, stream is FileStream);
            errors.Add(name, line, "", "", reason);
            return null;
        }

        var header = Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetName(i).Trim()).ToArray();
        if (header.Length == 0 || header.All(string.IsNullOrEmpty))
        {
            reader.Dispose();
            errors.Add(name, 1, "", "", "the file is empty: a header row is required (" + string.Join(",", required) + ")");
            return null;
        }

        var ok = true;
        var expected = required.Concat(optional).ToArray();
        var comparer = export is null ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase;
        foreach (var group in header.Where(h => h.Length > 0 && expected.Contains(h, comparer)).GroupBy(h => h, comparer).Where(g => g.Count() > 1))
        {
            errors.Add(name, 1, group.Key, "", "column appears more than once in the header");
            ok = false;
        }

        var unknown = header.Where(h => !expected.Contains(h, comparer)).ToList();
        if (export is null)
        {
            foreach (var column in unknown)
            {
                errors.Add(name, 1, column, "", $"unknown column (expected: {string.Join(", ", expected)})");
                ok = false;
            }
        }

        foreach (var column in required.Where(c => !header.Contains(c, comparer)))
        {
            errors.Add(name, 1, column, "", "required column is missing");
            ok = false;
        }

        if (!ok)
        {
            reader.Dispose();
            return null;
        }

        var ordinals = expected.Select(c => Array.FindIndex(header, h => comparer.Equals(h, c))).ToArray();
        return new CsvFile(path, name, reader, expected, ordinals, errors)
        {
            quoted = quoted,
            EncodingName = export is null ? "UTF-8" : export.WebName.ToUpperInvariant(),
            Unmapped = export is null ? [] : unknown.Where(u => u.Length > 0).ToList(),
        };
    }

    /// <summary>Moves to the next row; false at the end of the file or when the file cannot be read further.</summary>
    public bool Read()
    {
        while (true)
        {
            bool more;
            try
            {
                more = reader.Read();
            }
            catch (Exception e) when (e is DecoderFallbackException or CsvFormatException or InvalidDataException or CsvRecordTooLargeException)
            {
                var (line, reason) = Fault(Path, e, physicalLine + 1, wholeFile);
                Errors.Add(Name, line, "", "", reason);
                return false;
            }

            if (!more)
            {
                CheckEveryLineWasRead();
                return false;
            }

            Line = physicalLine + 1;
            physicalLine = quoted ? Line + CountNewlines() : Line;
            if (reader.RowFieldCount == 1 && reader.GetFieldSpan(0).IsEmpty)
            {
                continue; // a blank line
            }

            if (reader.RowFieldCount != reader.FieldCount)
            {
                Errors.Add(Name, Line, "", "", $"the row has {reader.RowFieldCount} field(s) but the header has {reader.FieldCount} (a truncated or malformed line?)");
                continue;
            }

            return true;
        }
    }

    /// <summary>Whether the optional column <paramref name="column"/> (its index in required+optional) is in the file.</summary>
    public bool Has(int column) => ordinals[column] >= 0;

    /// <summary>The raw text of a column (index in the required+optional list) of the current row, trimmed.</summary>
    public ReadOnlySpan<char> Span(int column) =>
        ordinals[column] < 0 ? [] : reader.GetFieldSpan(ordinals[column]).Trim();

    public string Text(int column) => Span(column).ToString();

    /// <summary>How many columns (required + optional) the file is read by.</summary>
    public int ColumnCount => columns.Length;

    /// <summary>A column's name as the errors show it.</summary>
    public string ColumnName(int column) => columns[column];

    /// <summary>A required non-empty text field; adds an error and returns null when empty.</summary>
    public string? Required(int column)
    {
        var span = Span(column);
        if (span.IsEmpty)
        {
            Error(column, "", "a value is required");
            return null;
        }

        return span.ToString();
    }

    public DateOnly? Date(int column, bool required = true)
    {
        var span = Span(column);
        if (span.IsEmpty)
        {
            if (required)
            {
                Error(column, "", "a date is required (yyyy-MM-dd)");
            }

            return null;
        }

        if (IsoDate.TryParse(span, out var date))
        {
            return date;
        }

        Error(column, span.ToString(), "not a valid date (expected yyyy-MM-dd, a real calendar day)");
        return null;
    }

    public decimal? Decimal(int column, bool required = true)
    {
        var span = Span(column);
        if (span.IsEmpty)
        {
            if (required)
            {
                Error(column, "", "a number is required");
            }

            return null;
        }

        if (decimal.TryParse(span, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Error(column, span.ToString(), "not a number (use digits with a '.' decimal point, no thousands separator)");
        return null;
    }

    public int? Integer(int column)
    {
        var span = Span(column);
        if (int.TryParse(span, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Error(column, span.ToString(), "not a whole number");
        return null;
    }

    public bool? Boolean(int column)
    {
        var span = Span(column);
        if (span.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (span.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        Error(column, span.ToString(), "expected true or false");
        return null;
    }

    /// <summary>Adds an error about a column of the current row.</summary>
    public void Error(int column, string value, string reason) => Errors.Add(Name, Line, columns[column], value, reason);

    public void Dispose() => reader.Dispose();

    /// <summary>
    /// At the end of a whole file: the lines read (header, rows, blank lines, lines inside quoted fields) must be the
    /// file's lines. A difference means a line was skipped or merged somewhere, and the data would be wrong without a
    /// word: it is an error, never a silent count.
    /// </summary>
    private void CheckEveryLineWasRead()
    {
        if (!wholeFile || !quoted)
        {
            return;
        }

        wholeFile = false; // once
        if (TextFaults.IsUtf16(Path))
        {
            return; // two bytes a character: its line ends are not counted by bytes
        }

        var lines = LineCount.Of(Path);
        if (lines != physicalLine)
        {
            Errors.Add(Name, physicalLine + 1, "", "", $"read {physicalLine} line(s) of the file's {lines}: a line was skipped or merged (an unbalanced quote?)");
        }
    }

    private int CountNewlines()
    {
        // A quoted field may span lines: count them so later rows report their physical line.
        var count = 0;
        for (var i = 0; i < reader.RowFieldCount; i++)
        {
            var span = reader.GetFieldSpan(i);
            if (span.Length > 0 && span.IndexOfAny('\n', '\r') >= 0)
            {
                foreach (var ch in span)
                {
                    count += ch == '\n' ? 1 : 0;
                }
            }
        }

        return count;
    }

    /// <summary>
    /// The line and words of a read failure. The reader reads ahead, so its position is not the line at fault: for a
    /// whole file the bytes are searched from the start for the first non-UTF-8 byte or over-long line, which gives its
    /// real line, byte and offset. (A part of a file read in parallel keeps the reader's line.)
    /// </summary>
    private static (int Line, string Reason) Fault(string path, Exception e, int readerLine, bool wholeFile)
    {
        if (wholeFile && e is DecoderFallbackException && TextFaults.FirstInvalidUtf8(path) is { } bad)
        {
            return (bad.Line, $"not UTF-8 text at {bad} (a Latin-1 or Windows-1252 byte?): the CSV folder format is UTF-8");
        }

        if (wholeFile && e is CsvRecordTooLargeException && TextFaults.FirstLongLine(path, MaxFieldChars) is { } longLine)
        {
            return (longLine.Line, $"the line is longer than {MaxFieldChars >> 20} MiB, the most a row may hold (offset {longLine.Offset} in the file)");
        }

        return (readerLine, $"cannot read the row: {e.Message}");
    }

    /// <summary>A NUL in the first 4 KiB: binary data, unless the file starts with a UTF-16 byte order mark (then it is read as UTF-16).</summary>
    private static bool LooksBinary(string path)
    {
        using var stream = File.OpenRead(path);
        Span<byte> head = stackalloc byte[4096];
        var read = stream.Read(head);
        return head[..read].Contains((byte)0) && !TextFaults.IsUtf16(path);
    }
}

/// <summary>Strict ISO calendar dates (yyyy-MM-dd), parsed without allocation.</summary>
public static class IsoDate
{
    public static bool TryParse(ReadOnlySpan<char> s, out DateOnly date)
    {
        date = default;
        if (s.Length != 10 || s[4] != '-' || s[7] != '-')
        {
            return false;
        }

        if (!TryDigits(s[..4], out var y) || !TryDigits(s.Slice(5, 2), out var m) || !TryDigits(s.Slice(8, 2), out var d))
        {
            return false;
        }

        if (y < 1 || m < 1 || m > 12 || d < 1 || d > DateTime.DaysInMonth(y, m))
        {
            return false;
        }

        date = new DateOnly(y, m, d);
        return true;
    }

    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static bool TryDigits(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        foreach (var c in s)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
