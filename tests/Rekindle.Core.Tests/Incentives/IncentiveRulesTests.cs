using Rekindle.Incentives;
using Rekindle.Policies;
using Rekindle.Pool;
using static Rekindle.Core.Tests.TestBook;

namespace Rekindle.Core.Tests.Incentives;

/// <summary>The pure incentive rules: rounding, commission, handoff bonus, accelerator window, early multiplier, reversal.</summary>
public class IncentiveRulesTests
{
    private static readonly ClaimId Claim = new("A1#1");

    private static BookedOrder Order(decimal amount, string on = "2026-01-01") => new("O1", "A1", D(on), amount);

    private static HandoffTerms Terms(bool early = false, bool note = true, string? previous = "R1", string claimedOn = "2026-01-01") =>
        new(Claim, previous, "R2", D(claimedOn), early, note);

    private static IReadOnlyList<(LedgerLineKind, string, decimal)> Lines(IReadOnlyList<LedgerLine> lines) =>
        [.. lines.Select(l => (l.Kind, l.RepId, l.Amount))];

    [Theory]
    [InlineData("0.005", "0.01")]
    [InlineData("-0.005", "-0.01")]
    [InlineData("0.015", "0.02")]
    [InlineData("0.025", "0.03")]
    [InlineData("1.3332", "1.33")]
    [InlineData("2.675", "2.68")]
    public void Cents_Midpoints_RoundAwayFromZero(string exact, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), LedgerMoney.Cents(decimal.Parse(exact, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData(1000, 0.04, 40.00)]
    [InlineData(10.10, 0.05, 0.51)]
    [InlineData(2.50, 0.01, 0.03)]
    [InlineData(33.33, 0.04, 1.33)]
    [InlineData(0.10, 0.04, 0.00)]
    public void Commission_AmountTimesRate_RoundedToCents(decimal amount, decimal rate, decimal expected)
    {
        var line = IncentiveRules.Commission(Order(amount), new Rep("R2", true, rate), Claim);
        Assert.Equal((LedgerLineKind.Commission, "R2", expected, amount, IncentiveBudget.SalesCommission), (line.Kind, line.RepId, line.Amount, line.Basis, line.Budget));
    }

    [Theory]
    [InlineData("2026-01-01", 0, true)]
    [InlineData("2026-03-31", 89, true)]
    [InlineData("2026-04-01", 90, true)]
    [InlineData("2026-04-02", 91, false)]
    public void Handoff_SaleAroundAcceleratorDays_AcceleratorWithinNInclusive(string saleOn, int days, bool accelerator)
    {
        Assert.Equal(days, D(saleOn).DayNumber - D("2026-01-01").DayNumber);
        var lines = IncentiveRules.Handoff(Order(1000m, saleOn), Terms(), Policy.Default);
        IReadOnlyList<(LedgerLineKind, string, decimal)> expected = accelerator
            ? [(LedgerLineKind.HandoffBonus, "R1", 50.00m), (LedgerLineKind.Accelerator, "R1", 20.00m)]
            : [(LedgerLineKind.HandoffBonus, "R1", 50.00m)];
        Assert.Equal(expected, Lines(lines));
        Assert.All(lines, l => Assert.Equal((IncentiveBudget.IncentiveOverlay, Claim), (l.Budget, l.ClaimId!.Value)));
    }

    [Fact]
    public void Handoff_ReleasedEarly_BonusAndAcceleratorTimesMultiplier()
    {
        var lines = IncentiveRules.Handoff(Order(1000m), Terms(early: true), Policy.Default);
        Assert.Equal([(LedgerLineKind.HandoffBonus, "R1", 75.00m), (LedgerLineKind.Accelerator, "R1", 30.00m)], Lines(lines));
        Assert.Contains("x 1.5 (released early)", lines[0].Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, 250.00)]
    [InlineData(true, 375.00)]
    public void Handoff_FixedBonus_ReplacesRate(bool early, decimal bonus)
    {
        var policy = Policy.Default with { HandoffBonusFixed = 250m, AcceleratorRate = 0m };
        Assert.Equal([(LedgerLineKind.HandoffBonus, "R1", bonus)], Lines(IncentiveRules.Handoff(Order(1000m), Terms(early), policy)));
    }

    [Theory]
    [InlineData("no note", false, "R1")]
    [InlineData("no previous owner", true, null)]
    [InlineData("reclaimed by the previous owner", true, "R2")]
    public void Handoff_NotEligible_NoLines(string why, bool note, string? previous) =>
        Assert.True(IncentiveRules.Handoff(Order(1000m), Terms(note: note, previous: previous), Policy.Default).Count == 0, why);

    [Fact]
    public void Handoff_TinySale_ZeroLinesNotWritten()
    {
        var lines = IncentiveRules.Handoff(Order(0.10m), Terms(), Policy.Default);
        Assert.Equal([(LedgerLineKind.HandoffBonus, "R1", 0.01m)], Lines(lines));
    }

    [Fact]
    public void Reverse_Credits_ExactNegativesOnceOnly()
    {
        var credits = IncentiveRules.Handoff(Order(10.10m), Terms(early: true), Policy.Default)
            .Prepend(IncentiveRules.Commission(Order(10.10m), new Rep("R2", true, 0.05m), Claim)).ToList();
        var reversal = IncentiveRules.Reverse(credits, D("2026-02-03"));
        Assert.Equal(credits.Select(c => (c.RepId, -c.Amount, (LedgerLineKind?)c.Kind)), reversal.Select(r => (r.RepId, r.Amount, r.Reverses)));
        Assert.All(reversal, r => Assert.Equal((LedgerLineKind.Reversal, D("2026-02-03"), "O1"), (r.Kind, r.On, r.OrderId)));
        Assert.Equal(0m, credits.Concat(reversal).Sum(l => l.Amount));
        Assert.Empty(IncentiveRules.Reverse(credits.Concat(reversal), D("2026-02-04")));
        Assert.Equal(IncentiveBudget.IncentiveOverlay, reversal[1].Budget);
    }
}
