using System.Globalization;

namespace Rekindle.Pool;

/// <summary>How dates and money read in audit sentences and refusal messages: ISO dates, two decimals, invariant.</summary>
internal static class PoolText
{
    public static string Iso(this DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Money(this decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);
}
