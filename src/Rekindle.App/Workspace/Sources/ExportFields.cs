using System.Globalization;
using Rekindle.App.Csv;

namespace Rekindle.App.Workspace.Sources;

/// <summary>
/// Fields as other systems' exports write them: booleans as 0/1, true/false or yes/no; dates as yyyy-MM-dd, with a
/// time (yyyy-MM-dd HH:mm[:ss]), or ISO 8601 with a zone; amounts with a '.' decimal point. Errors name file, line,
/// column and value like every other reader's.
/// </summary>
internal static class ExportFields
{
    private static readonly string[] DateTimeFormats =
    [
        "yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd HH:mm:ss zzz", "yyyy-MM-dd HH:mm:ss zz", "yyyy-MM-dd HH:mm:ss K",
    ];

    /// <summary>A boolean; empty is false (exports leave unset flags empty).</summary>
    public static bool? Boolean(CsvFile f, int column)
    {
        var span = f.Span(column);
        if (span.IsEmpty || span is "0" || span.Equals("false", StringComparison.OrdinalIgnoreCase) || span.Equals("no", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (span is "1" || span.Equals("true", StringComparison.OrdinalIgnoreCase) || span.Equals("yes", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        f.Error(column, span.ToString(), "expected a true/false value (1/0, true/false, yes/no)");
        return null;
    }

    /// <summary>
    /// The calendar date of a date or date-time field. A time with an offset or zone keeps its own local date (an order
    /// placed on the evening of March 1 in New York is a March 1 order), as the source system showed it.
    /// </summary>
    public static DateOnly? Date(CsvFile f, int column, bool required = true)
    {
        var span = f.Span(column);
        if (span.IsEmpty)
        {
            if (required)
            {
                f.Error(column, "", "a date is required");
            }

            return null;
        }

        if (IsoDate.TryParse(span, out var date))
        {
            return date;
        }

        if (DateTimeOffset.TryParseExact(span, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var moment)
            || DateTimeOffset.TryParse(span, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out moment))
        {
            return DateOnly.FromDateTime(moment.DateTime);
        }

        f.Error(column, span.ToString(), "not a date (expected yyyy-MM-dd, yyyy-MM-dd HH:mm:ss or ISO 8601)");
        return null;
    }

    /// <summary>An amount; empty gives null (and an error when <paramref name="required"/>).</summary>
    public static decimal? Amount(CsvFile f, int column, bool required)
    {
        var span = f.Span(column);
        if (span.IsEmpty)
        {
            if (required)
            {
                f.Error(column, "", "an amount is required");
            }

            return null;
        }

        if (decimal.TryParse(span, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var value)
            && Storage.Money.Fits(decimal.Round(value, Storage.Money.Scale)))
        {
            return decimal.Round(value, Storage.Money.Scale);
        }

        f.Error(column, span.ToString(), "not an amount (digits with a '.' decimal point)");
        return null;
    }
}
