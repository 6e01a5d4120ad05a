using Rekindle.Models;

namespace Rekindle.Core.Tests.Models;

/// <summary>Honest fits: no drop-out is detected and said, failures say why.</summary>
public class BoundaryTests
{
    private static readonly Lazy<CustomerSummaries> NeverDropOut = new(() => PoissonBuyers(2000, seed: 42));

    [Theory]
    [InlineData(ModelKind.BgNbd)]
    [InlineData(ModelKind.MbgNbd)]
    [InlineData(ModelKind.ParetoNbd)]
    public void Fit_CustomersWhoNeverDropOut_IsFlaggedAsBoundary(ModelKind kind)
    {
        var fit = ModelFitter.Fit(kind, NeverDropOut.Value);

        Assert.True(fit.IsBoundary);
        Assert.False(fit.Usable);
        Assert.Contains(fit.Warnings, w => w.StartsWith("no drop-out detected:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(ModelKind.BgNbd)]
    [InlineData(ModelKind.ParetoNbd)]
    public void Fit_OnlineRetailWeekly_DriftsToNoDropOutAndIsFlagged(ModelKind kind)
    {
        var (ids, dates, amounts) = Datasets.OnlineRetail;
        var data = SummaryBuilder.Build(ids, dates, amounts, new DateOnly(2011, 9, 30), TimeUnit.Weeks);

        var fit = ModelFitter.Fit(kind, data);

        Assert.Equal(3616, fit.Customers);
        Assert.True(fit.IsBoundary);
        Assert.False(fit.Usable);
        Assert.Contains(fit.Warnings, w => w.StartsWith("no drop-out detected:", StringComparison.Ordinal));
    }

    [Fact]
    public void Fit_NoRepeatPurchases_FailsAndSaysWhy()
    {
        var data = new CustomerSummaries(new double[50], new double[50], [.. Enumerable.Repeat(30.0, 50)]);

        var fit = ModelFitter.Fit(ModelKind.BgNbd, data);

        Assert.Equal(FitFailure.NoRepeatPurchases, fit.Failure);
        Assert.False(fit.Usable);
        Assert.Empty(fit.Parameters);
        Assert.StartsWith("no repeat purchases at all", fit.Warnings.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_TooFewCustomers_FailsAndSaysWhy()
    {
        var data = new CustomerSummaries([1, 2, 0], [3, 4, 0], [10, 10, 10], [5, 6, 0]);

        var counts = ModelFitter.Fit(ModelKind.ParetoNbd, data);
        var spend = ModelFitter.Fit(ModelKind.GammaGamma, data);

        Assert.Equal(FitFailure.TooFewCustomers, counts.Failure);
        Assert.Equal(FitFailure.TooFewCustomers, spend.Failure);
        Assert.StartsWith("too few customers", counts.Warnings.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_IterationBudgetTooSmall_ReportsNotConverged()
    {
        var fit = ModelFitter.Fit(ModelKind.BgNbd, Datasets.CdnowSummary, new FitOptions { MaximumIterations = 1 });

        Assert.False(fit.Converged);
        Assert.Equal(FitFailure.NotConverged, fit.Failure);
        Assert.Contains(fit.Warnings, w => w.StartsWith("optimiser did not converge", StringComparison.Ordinal));
    }

    /// <summary>Customers who buy as Poisson processes (rates Gamma(3, 12) per week) for their whole observed period.</summary>
    private static CustomerSummaries PoissonBuyers(int count, int seed)
    {
        var random = new Random(seed);
        double[] x = new double[count], tx = new double[count], T = new double[count];
        for (var i = 0; i < count; i++)
        {
            var rate = -Math.Log((1 - random.NextDouble()) * (1 - random.NextDouble()) * (1 - random.NextDouble())) / 12;
            T[i] = 52 - (random.NextDouble() * 20);
            for (var t = -Math.Log(1 - random.NextDouble()) / rate; t <= T[i]; t += -Math.Log(1 - random.NextDouble()) / rate)
            {
                x[i]++;
                tx[i] = t;
            }
        }

        return new CustomerSummaries(x, tx, T);
    }
}
