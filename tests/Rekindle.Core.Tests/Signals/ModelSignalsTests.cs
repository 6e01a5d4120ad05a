using Rekindle.Lifecycle;
using Rekindle.Models;
using Rekindle.Policies;
using Rekindle.Signals;

namespace Rekindle.Core.Tests.Signals;

public class ModelSignalsTests
{
    private static BookClassification Classify(Policy policy)
    {
        // Weekly buyers; every third one stopped buying some months ago; a prospect with no order.
        var book = new TestBook();
        var random = new Random(5);
        for (var i = 0; i < 300; i++)
        {
            var id = $"A{i:D3}";
            book.Account(id);
            var end = i % 3 == 0 ? new DateOnly(2026, 2, 1).AddDays(-random.Next(0, 60)) : new DateOnly(2026, 6, 28);
            for (var d = new DateOnly(2025, 1, 1).AddDays(random.Next(0, 30)); d <= end; d = d.AddDays(random.Next(3, 12)))
            {
                book.Order(id, d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), random.Next(20, 200));
            }
        }

        book.Account("P");
        return book.Classify("2026-06-30", policy);
    }

    [Fact]
    public void Compute_NoModelInThePolicy_GivesNothing()
    {
        Assert.Null(ModelSignals.Compute(Classify(Policy.Default)));
    }

    [Fact]
    public void Compute_ScoresEveryBuyer_WithProbabilitiesAndValues()
    {
        var result = Classify(Policy.Default with { SignalModel = ModelKind.BgNbd, ModelHorizonDays = 60 });
        var signals = ModelSignals.Compute(result)!;
        Assert.Equal(ModelKind.BgNbd, signals.Fit.Model);
        Assert.Equal(300, signals.Scored.Count(s => s));
        Assert.False(signals.Scored[300]);
        for (var a = 0; a < 300; a++)
        {
            Assert.InRange(signals.ProbabilityAlive[a], 0, 1);
            Assert.InRange(signals.ProbabilityNoPurchase[a], 0, 1);
            Assert.True(signals.ExpectedOrders[a] >= 0);
            Assert.True(signals.ExpectedValue[a] >= 0);
        }

        // Stopped buyers look less alive than current weekly buyers.
        var stopped = Enumerable.Range(0, 300).Where(a => a % 3 == 0).Average(a => signals.ProbabilityAlive[a]);
        var current = Enumerable.Range(0, 300).Where(a => a % 3 != 0).Average(a => signals.ProbabilityAlive[a]);
        Assert.True(stopped < current, $"{stopped} vs {current}");
    }

    [Fact]
    public void Slipping_OnlyActiveAccountsBelowTheThreshold()
    {
        var result = Classify(Policy.Default with { SignalModel = ModelKind.BgNbd, SlippingAliveBelow = 0.99m });
        var signals = ModelSignals.Compute(result)!;
        for (var a = 0; a < signals.Slipping.Length; a++)
        {
            var expected = signals.Fit.Usable && result[a].Status == LifecycleStatus.Active && signals.Scored[a] && signals.ProbabilityAlive[a] < 0.99;
            Assert.Equal(expected, signals.Slipping[a]);
        }

        var ranked = signals.LapsedByValueAtStake(result).ToList();
        Assert.All(ranked, a => Assert.True(result[a].Status.IsLapsed()));
        Assert.Equal(ranked.OrderByDescending(a => signals.ExpectedValue[a]).ToList(), ranked);
    }
}
