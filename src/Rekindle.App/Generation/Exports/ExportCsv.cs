using System.Globalization;
using System.Text;

namespace Rekindle.App.Generation.Exports;

/// <summary>
/// A CSV file as a source system writes it: the encoding, the line ending, and whether every field is quoted
/// (Salesforce) or only a field holding a comma, a quote or a line break (HubSpot, Shopify).
/// </summary>
internal sealed class ExportCsv : IDisposable
{
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
    private readonly StreamWriter writer;
    private readonly bool quoteAll;
    private bool firstField = true;

    private ExportCsv(Stream stream, Encoding encoding, bool quoteAll, string newLine)
    {
        writer = new StreamWriter(stream, encoding, 1 << 16) { NewLine = newLine };
        this.quoteAll = quoteAll;
    }

    public static Encoding Windows1252
    {
        get
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(1252);
        }
    }

    public static ExportCsv Create(Stream stream, bool quoteAll, string newLine = "\n", Encoding? encoding = null) =>
        new(stream, encoding ?? Utf8, quoteAll, newLine);

    public static ExportCsv Create(string path, bool quoteAll, string newLine = "\n", Encoding? encoding = null) =>
        Create(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16), quoteAll, newLine, encoding);

    public ExportCsv Row(params IEnumerable<string?> fields)
    {
        foreach (var field in fields)
        {
            Field(field);
        }

        return EndRow();
    }

    public ExportCsv Field(string? value)
    {
        if (!firstField)
        {
            writer.Write(',');
        }

        firstField = false;
        value ??= "";
        if (quoteAll || value.AsSpan().IndexOfAny(",\"\r\n") >= 0)
        {
            writer.Write('"');
            writer.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
            writer.Write('"');
        }
        else
        {
            writer.Write(value);
        }

        return this;
    }

    public ExportCsv EndRow()
    {
        writer.WriteLine();
        firstField = true;
        return this;
    }

    public void Dispose() => writer.Dispose();

    public static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>The rekindle-ids.csv written beside an export: each Rekindle id with the id the source system gave it.</summary>
internal sealed class IdMap : IDisposable
{
    private readonly ExportCsv csv;

    public IdMap(string folder)
    {
        csv = ExportCsv.Create(Path.Combine(folder, ExportOptions.IdMapFile), quoteAll: false);
        csv.Row("rekindle_table", "rekindle_id", "source_id");
    }

    public void Add(string table, string rekindleId, string sourceId) => csv.Row(table, rekindleId, sourceId);

    public void Dispose() => csv.Dispose();
}

/// <summary>Deterministic stand-ins for what the generated data does not hold: ids, times of day.</summary>
internal static class Synthetic
{
    /// <summary>A bijection of [0, 2^31) that scatters consecutive numbers, for ids that look issued by a system.</summary>
    public static long Scatter(long number) => (long)(((ulong)number * 2654435761UL) & 0x7FFF_FFFFUL);

    /// <summary>A time of day in business hours (08:00:00 to 17:59:59) that depends only on <paramref name="key"/>.</summary>
    public static TimeOnly BusinessTime(long key) =>
        new TimeOnly(8, 0).Add(TimeSpan.FromSeconds((long)(((ulong)key * 2654435761UL) % 36_000UL)));

    public static string DateTime(DateOnly date, TimeOnly time, string format) =>
        date.ToDateTime(time).ToString(format, CultureInfo.InvariantCulture);

    /// <summary>The given name and family name of "Given Family Names".</summary>
    public static (string First, string Last) SplitName(string name)
    {
        var space = name.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? ("", name) : (name[..space], name[(space + 1)..]);
    }
}
