using System.Globalization;

namespace Rekindle.Incentives;

/// <summary>A calendar month, written <c>yyyy-MM</c> (2026-10): the period of an incentive statement.</summary>
public readonly record struct StatementPeriod(int Year, int Month)
{
    public DateOnly First => new(Year, Month, 1);

    public DateOnly Last => First.AddMonths(1).AddDays(-1);

    public static StatementPeriod Of(DateOnly day) => new(day.Year, day.Month);

    public static bool TryParse(string? text, out StatementPeriod period)
    {
        var ok = DateOnly.TryParseExact(text?.Trim(), "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day);
        period = ok ? Of(day) : default;
        return ok;
    }

    public static StatementPeriod Parse(string text) =>
        TryParse(text, out var p) ? p : throw new FormatException($"Period '{text}' is not yyyy-MM (for example 2026-10).");

    public bool Contains(DateOnly day) => day.Year == Year && day.Month == Month;

    public override string ToString() => First.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}

/// <summary>
/// Totals of a statement. Gross credits by kind; <see cref="Reversals"/> the (negative) sum of reversal lines;
/// <see cref="NetCommission"/> and <see cref="NetIncentiveOverlay"/> the net paid from each budget (reversals
/// counted against the budget of what they cancel); <see cref="Total"/> their sum.
/// </summary>
public sealed record StatementTotals(
    decimal Commission,
    decimal HandoffBonus,
    decimal Accelerator,
    decimal Reversals,
    decimal NetCommission,
    decimal NetIncentiveOverlay,
    decimal Total);

/// <summary>One rep's ledger lines dated in one month (credits by order date, reversals by refund date), with totals.</summary>
public sealed record Statement(string RepId, StatementPeriod Period, IReadOnlyList<LedgerLine> Lines, StatementTotals Totals)
{
    public static Statement For(IEnumerable<LedgerLine> ledger, string repId, StatementPeriod period)
    {
        var lines = ledger
            .Where(l => l.RepId == repId && period.Contains(l.On))
            .OrderBy(l => l.On)
            .ThenBy(l => l.OrderId, StringComparer.Ordinal)
            .ThenBy(l => l.Kind)
            .ToList();
        decimal Sum(Func<LedgerLine, bool> which) => lines.Where(which).Sum(l => l.Amount);
        var net = Sum(l => l.Budget == IncentiveBudget.SalesCommission);
        var overlay = Sum(l => l.Budget == IncentiveBudget.IncentiveOverlay);
        var totals = new StatementTotals(
            Sum(l => l.Kind == LedgerLineKind.Commission),
            Sum(l => l.Kind == LedgerLineKind.HandoffBonus),
            Sum(l => l.Kind == LedgerLineKind.Accelerator),
            Sum(l => l.Kind == LedgerLineKind.Reversal),
            net,
            overlay,
            net + overlay);
        return new Statement(repId, period, lines, totals);
    }
}
