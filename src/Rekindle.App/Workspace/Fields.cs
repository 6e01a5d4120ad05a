using System.Globalization;
using Rekindle.App.Csv;
using Rekindle.Storage;

namespace Rekindle.App.Workspace;

/// <summary>Field checks an import adds to <see cref="CsvFile"/>'s: lengths the workspace keeps, money it can store exactly.</summary>
internal static class Fields
{
    public const int MaxIdLength = 100;
    public const int MaxTextLength = 2_000;

    /// <summary>A required id of at most <see cref="MaxIdLength"/> characters.</summary>
    public static string? Id(CsvFile f, int column)
    {
        var id = f.Required(column);
        return id is not null && TooLong(f, column, id, MaxIdLength) ? null : id;
    }

    /// <summary>A text of at most <see cref="MaxTextLength"/> characters ("" when empty).</summary>
    public static string Text(CsvFile f, int column)
    {
        var text = f.Text(column);
        return TooLong(f, column, text, MaxTextLength) ? "" : text;
    }

    /// <summary>An amount the workspace stores exactly (at most four decimal places).</summary>
    public static decimal? Money(CsvFile f, int column, bool required = true)
    {
        var value = f.Decimal(column, required);
        if (value is { } v && !Storage.Money.Fits(v))
        {
            f.Error(column, v.ToString(CultureInfo.InvariantCulture), $"more than {Storage.Money.Scale} decimal places (or too large): the workspace keeps amounts to {Storage.Money.Scale} places");
            return null;
        }

        return value;
    }

    private static bool TooLong(CsvFile f, int column, string text, int max)
    {
        if (text.Length <= max)
        {
            return false;
        }

        f.Error(column, text, $"too long: {text.Length.ToString("N0", CultureInfo.InvariantCulture)} characters (at most {max.ToString("N0", CultureInfo.InvariantCulture)})");
        return true;
    }
}
