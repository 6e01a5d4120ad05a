using Rekindle.Models;

namespace Rekindle.Core.Tests.Models;

/// <summary>BG/NBD against Fader, Hardie &amp; Lee (2005) and the reference values in shared/data/reference_values.json.</summary>
public class BgNbdTests
{
    private static readonly BgNbd Paper = new(0.243, 4.414, 0.793, 2.426);
    private static readonly BgNbd Walkthrough = new(0.2425982, 4.4136842, 0.7929899, 2.4261667);

    [Fact]
    public void Fit_Cdnow_ReproducesPublishedParametersAndLogLikelihood()
    {
        var fit = Datasets.CdnowFit(ModelKind.BgNbd);

        Assert.True(fit.Usable);
        Assert.Equal(-9582.43, fit.LogLikelihood, 0.01);
        Assert.Equal(0.243, fit["r"], 3);
        Assert.Equal(4.414, fit["alpha"], 3);
        Assert.Equal(0.793, fit["a"], 3);
        Assert.Equal(2.426, fit["b"], 3);
        Assert.Equal(2357, fit.Customers);
        Assert.Empty(fit.Warnings);
    }

    [Fact]
    public void Fit_Cdnow_LogLikelihoodIsTheSumOverCustomers()
    {
        var fit = Datasets.CdnowFit(ModelKind.BgNbd);
        var model = ModelFitter.CountModel(fit);
        var data = Datasets.CdnowSummary;

        var sum = Enumerable.Range(0, data.Count).Sum(i => model.LogLikelihood(data.X[i], data.Tx[i], data.T[i]));

        Assert.Equal(fit.LogLikelihood, sum, 1e-6);
    }

    [Theory]
    [InlineData(0.1429, 0.0078)]
    [InlineData(1.0, 0.0532)]
    [InlineData(3.0, 0.1506)]
    [InlineData(31.8571, 1.0405)]
    [InlineData(32.0, 1.0437)]
    [InlineData(78.0, 1.8576)]
    public void ExpectedPurchasesNewCustomer_HardieSpreadsheet(double t, double expected)
    {
        var model = ModelFitter.CountModel(Datasets.CdnowFit(ModelKind.BgNbd));
        Assert.Equal(expected, model.ExpectedPurchasesNewCustomer(t), 3);
    }

    [Fact]
    public void ExpectedPurchasesNewCustomer_52Weeks_BtydWalkthrough() =>
        Assert.Equal(1.444004, Walkthrough.ExpectedPurchasesNewCustomer(52), 5);

    [Fact]
    public void ExpectedPurchases_Customer1_HardieSpreadsheet()
    {
        var model = ModelFitter.CountModel(Datasets.CdnowFit(ModelKind.BgNbd));
        Assert.Equal(1.226, model.ExpectedPurchases(2, 30.43, 38.86, 39), 0.001);
    }

    /// <summary>
    /// The walkthrough prints its parameters to 7 digits, which moves CET(52) in the 5th digit: the printed value holds
    /// to 1e-4, and mpmath's ₂F₁ at those printed parameters gives 25.7565360410550 and 0.968852086896900.
    /// </summary>
    [Fact]
    public void Customer1516_BtydWalkthrough()
    {
        Assert.Equal(25.75659, Walkthrough.ExpectedPurchases(26, 30.85714, 31, 52), 0.0001);
        Assert.Equal(0.9688523, Walkthrough.ProbabilityAlive(26, 30.85714, 31), 6);
        Assert.Equal(25.7565360410550, Walkthrough.ExpectedPurchases(26, 30.85714, 31, 52), 1e-9);
        Assert.Equal(0.968852086896900, Walkthrough.ProbabilityAlive(26, 30.85714, 31), 12);
    }

    [Fact]
    public void ProbabilityOfPurchases_MatchesBtyd()
    {
        double[] expected = [0.0019995214, 0.0015170236, 0.001163315, 0.0009003148, 0.0007023638, 0.0005517902, 0.0004361913, 0.0003467171, 0.0002769613, 0.000222226];

        Assert.Equal(1.07869e-07, Paper.ProbabilityOfPurchases(10, 2), 1e-11);
        Assert.Equal(0.5737864, Paper.ProbabilityOfPurchases(0, 39), 6);
        for (var n = 11; n <= 20; n++)
        {
            Assert.Equal(expected[n - 11], Paper.ProbabilityOfPurchases(n, 30), 8);
        }
    }

    [Fact]
    public void ProbabilityOfPurchases_SumsToOne()
    {
        var total = Enumerable.Range(0, 400).Sum(n => Paper.ProbabilityOfPurchases(n, 30));
        Assert.Equal(1, total, 6);
    }

    [Theory]
    [InlineData(0, 0, -0.5994738182)]
    [InlineData(200, 38, 100.7956931)]
    public void LogLikelihood_NumericallyStableCases_PymcMarketing(double x, double tx, double expected)
    {
        var model = new BgNbd(0.25, 4.0, 0.8, 2.5);
        Assert.Equal(expected, model.LogLikelihood(x, tx, 40), 5);
    }

    [Fact]
    public void ProbabilityAlive_NoRepeatPurchase_IsOneByConstruction() =>
        Assert.Equal(1, Paper.ProbabilityAlive(0, 0, 38));

    [Fact]
    public void ExpectedPurchases_CdnowHoldout_SumMatchesIndependentComputation()
    {
        var model = ModelFitter.CountModel(Datasets.CdnowFit(ModelKind.BgNbd));
        var data = Datasets.CdnowSummary;
        var scores = ModelScoring.Score(model, data, 39);
        Assert.Equal(1653.4, scores.ExpectedPurchases.Sum(), 0.1);
    }
}
