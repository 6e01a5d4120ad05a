using Rekindle.Incentives;

namespace Rekindle.Web.Hosting;

/// <summary>
/// The months a statement may be asked for, one rule for the API and the page: a month as yyyy-MM no later than
/// <see cref="MonthsAhead"/> months after this month (nothing is booked further ahead, and 9999-12 has no month after it
/// to end on).
/// </summary>
public static class StatementMonths
{
    public const int MonthsAhead = 12;

    /// <summary>The month of <paramref name="text"/>, or false with the reason in words.</summary>
    public static bool TryRead(string text, DateOnly today, out StatementPeriod period, out string problem)
    {
        problem = "";
        if (!StatementPeriod.TryParse(text, out period))
        {
            problem = $"'{text}' is not a month as yyyy-MM (for example 2026-10)";
            return false;
        }

        var latest = StatementPeriod.Of(new DateOnly(today.Year, today.Month, 1).AddMonths(MonthsAhead));
        if ((period.Year * 12) + period.Month > (latest.Year * 12) + latest.Month)
        {
            problem = $"'{text}' is too far ahead: statements cover months up to {latest} ({MonthsAhead} months after this one)";
            period = default;
            return false;
        }

        return true;
    }
}
