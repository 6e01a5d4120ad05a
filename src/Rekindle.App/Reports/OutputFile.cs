using System.Text;

namespace Rekindle.App.Reports;

/// <summary>Writes an output file whole or not at all: to a temporary file beside it, then moved into place.</summary>
public static class OutputFile
{
    public static readonly UTF8Encoding Utf8NoBom = new(false);

    public static void Write(string path, Action<TextWriter> write)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            using (var writer = new StreamWriter(temp, false, Utf8NoBom, 1 << 16) { NewLine = "\n" })
            {
                write(writer);
            }

            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }
}

/// <summary>
/// Every CSV field Rekindle writes goes through here: RFC 4180 quoting, and formula injection neutralised as OWASP
/// advises. A text starting with =, +, -, @, a tab or a carriage return would be run as a formula by Excel, LibreOffice
/// or Google Sheets (a contact named <c>=HYPERLINK(...)</c>); it is written with a leading single quote, inside quotes,
/// so a spreadsheet shows it as text. A value that is a number (-12.50, +3) stays a number.
/// </summary>
public static class CsvText
{
    private static readonly System.Buffers.SearchValues<char> FormulaStarts = System.Buffers.SearchValues.Create("=+-@\t\r");

    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (FormulaStarts.Contains(value[0]) && !IsNumber(value))
        {
            return "\"'" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    private static bool IsNumber(string value) =>
        decimal.TryParse(value, System.Globalization.NumberStyles.AllowLeadingSign | System.Globalization.NumberStyles.AllowDecimalPoint | System.Globalization.NumberStyles.AllowExponent, System.Globalization.CultureInfo.InvariantCulture, out _);

    public static void Row(TextWriter writer, params string?[] fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                writer.Write(',');
            }

            writer.Write(Field(fields[i]));
        }

        writer.Write('\n');
    }
}
