using Rekindle.Incentives;
using static Rekindle.Core.Tests.TestBook;

namespace Rekindle.Core.Tests.Incentives;

/// <summary>Statements per rep per month: the period format, which lines fall in it, and the totals by budget.</summary>
public class StatementTests
{
    [Theory]
    [InlineData("2026-10", true, "2026-10-01", "2026-10-31")]
    [InlineData(" 2028-02 ", true, "2028-02-01", "2028-02-29")]
    [InlineData("2026-13", false, null, null)]
    [InlineData("2026-1", false, null, null)]
    [InlineData("2026-10-01", false, null, null)]
    [InlineData("", false, null, null)]
    public void TryParse_Text_YearMonthOnly(string text, bool ok, string? first, string? last)
    {
        Assert.Equal(ok, StatementPeriod.TryParse(text, out var p));
        if (ok)
        {
            Assert.Equal((D(first!), D(last!)), (p.First, p.Last));
            Assert.Equal(text.Trim(), p.ToString());
        }
    }

    [Fact]
    public void Parse_Malformed_ThrowsNamingTheFormat() =>
        Assert.Contains("yyyy-MM", Assert.Throws<FormatException>(() => StatementPeriod.Parse("10/2026")).Message, StringComparison.Ordinal);

    private static LedgerLine Line(string rep, string order, LedgerLineKind kind, decimal amount, string on, LedgerLineKind? reverses = null) =>
        new(rep, order, "A1", kind, amount, D(on), null) { Reverses = reverses };

    [Fact]
    public void For_RepAndMonth_LinesInDateOrderAndTotalsByBudget()
    {
        var ledger = IncentiveLedger.Of(
        [
            Line("R1", "O2", LedgerLineKind.Commission, 40m, "2026-10-05"),
            Line("R1", "O1", LedgerLineKind.HandoffBonus, 75m, "2026-10-02"),
            Line("R1", "O1", LedgerLineKind.Accelerator, 30m, "2026-10-02"),
            Line("R2", "O1", LedgerLineKind.Commission, 50m, "2026-10-02"),
            Line("R1", "O0", LedgerLineKind.Commission, 10m, "2026-09-30"),
            Line("R1", "O2", LedgerLineKind.Reversal, -40m, "2026-10-20", LedgerLineKind.Commission),
            Line("R1", "O1", LedgerLineKind.Reversal, -75m, "2026-11-01", LedgerLineKind.HandoffBonus),
        ]);
        var s = ledger.StatementFor("R1", StatementPeriod.Parse("2026-10"));
        Assert.Equal(
            [("O1", LedgerLineKind.HandoffBonus), ("O1", LedgerLineKind.Accelerator), ("O2", LedgerLineKind.Commission), ("O2", LedgerLineKind.Reversal)],
            s.Lines.Select(l => (l.OrderId, l.Kind)));
        Assert.Equal(new StatementTotals(40m, 75m, 30m, -40m, 0m, 105m, 105m), s.Totals);

        var november = ledger.StatementFor("R1", StatementPeriod.Parse("2026-11"));
        Assert.Equal(new StatementTotals(0m, 0m, 0m, -75m, 0m, -75m, -75m), november.Totals);
    }
}
