using System.Globalization;

namespace Rekindle.App.Csv;

/// <summary>
/// Field checks the readers add to <see cref="CsvFile"/>'s: the lengths the workspace keeps and the money it stores
/// exactly. Every path applies them (an id too long for the workspace is refused by classify --data too), so a
/// file gives the same errors whichever command reads it.
/// </summary>
internal static class Fields
{
    public const int MaxIdLength = 100;
    public const int MaxTextLength = 2_000;

    /// <summary>A required id of at most <see cref="MaxIdLength"/> characters; false (with an error) when empty or too long.</summary>
    public static bool Id(CsvFile f, int column, out ReadOnlySpan<char> id)
    {
        id = f.Span(column);
        if (id.IsEmpty)
        {
            f.Error(column, "", "a value is required");
            return false;
        }

        return !TooLong(f, column, id, MaxIdLength);
    }

    /// <summary>A required id as a string, or null (with an error).</summary>
    public static string? Id(CsvFile f, int column) => Id(f, column, out var id) ? id.ToString() : null;

    /// <summary>A text of at most <see cref="MaxTextLength"/> characters ("" when empty, or too long with an error).</summary>
    public static ReadOnlySpan<char> TextSpan(CsvFile f, int column)
    {
        var text = f.Span(column);
        return TooLong(f, column, text, MaxTextLength) ? [] : text;
    }

    /// <summary>As <see cref="TextSpan"/>, as a string.</summary>
    public static string Text(CsvFile f, int column) => TextSpan(f, column).ToString();

    /// <summary>An amount the workspace stores exactly (at most four decimal places).</summary>
    public static decimal? Money(CsvFile f, int column, bool required = true)
    {
        var value = f.Decimal(column, required);
        if (value is { } v && !Fits(v))
        {
            f.Error(column, v.ToString(CultureInfo.InvariantCulture), $"more than {Storage.Money.Scale} decimal places (or too large): the workspace keeps amounts to {Storage.Money.Scale} places");
            return null;
        }

        return value;
    }

    /// <summary><see cref="Storage.Money.Fits"/>, with the common case (few places, a modest amount) decided without rounding.</summary>
    private static bool Fits(decimal value) =>
        (value.Scale <= Storage.Money.Scale && value < 100_000_000_000_000m && value > -100_000_000_000_000m) || Storage.Money.Fits(value);

    private static bool TooLong(CsvFile f, int column, ReadOnlySpan<char> text, int max)
    {
        if (text.Length <= max)
        {
            return false;
        }

        f.Error(column, text.ToString(), $"too long: {text.Length.ToString("N0", CultureInfo.InvariantCulture)} characters (at most {max.ToString("N0", CultureInfo.InvariantCulture)})");
        return true;
    }
}
