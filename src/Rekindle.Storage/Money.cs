namespace Rekindle.Storage;

/// <summary>
/// How money (and other decimals) is stored: a whole number of ten-thousandths in a 64-bit integer column, on
/// both providers, so SQL sums and sorts it exactly (SQLite would keep decimal as TEXT). Range ±922 trillion.
/// </summary>
public static class Money
{
    /// <summary>Decimal places kept: values are stored as value × 10^Scale.</summary>
    public const int Scale = 4;

    private const decimal Factor = 10_000m;

    /// <summary>True when <paramref name="value"/> is stored exactly (at most <see cref="Scale"/> decimal places, in range).</summary>
    public static bool Fits(decimal value) =>
        Math.Abs(value) < 900_000_000_000_000m && decimal.Round(value, Scale) == value;

    /// <summary>The stored integer; rounds half away from zero past <see cref="Scale"/> places (callers check <see cref="Fits"/>).</summary>
    public static long ToStored(decimal value) =>
        decimal.ToInt64(decimal.Round(value * Factor, 0, MidpointRounding.AwayFromZero));

    public static decimal FromStored(long stored) => stored / Factor;

    /// <summary>Rounds to what can be stored (used for converted amounts).</summary>
    public static decimal Round(decimal value) => decimal.Round(value, Scale, MidpointRounding.AwayFromZero);
}
