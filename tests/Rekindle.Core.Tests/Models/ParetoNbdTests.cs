using Rekindle.Models;

namespace Rekindle.Core.Tests.Models;

/// <summary>Pareto/NBD against Fader, Hardie &amp; Lee (2005), CLVTools, BTYD and mpmath quadrature.</summary>
public class ParetoNbdTests
{
    private static readonly ParetoNbd Btyd = new(0.5533971432566355, 10.580198543474351, 0.6060624971176619, 11.656223670707698);

    [Fact]
    public void Fit_Cdnow_ReproducesPublishedParametersAndLogLikelihood()
    {
        var fit = Datasets.CdnowFit(ModelKind.ParetoNbd);

        Assert.True(fit.Usable);
        Assert.Equal(-9594.976, fit.LogLikelihood, 0.001);
        Assert.Equal(0.553, fit["r"], 3);
        Assert.Equal(10.578, fit["alpha"], 3);
        Assert.Equal(0.606, fit["s"], 3);
        Assert.Equal(11.67, fit["beta"], 0.5);
    }

    [Fact]
    public void Fit_Cdnow_StandardErrorsMatchClvTools()
    {
        var fit = Datasets.CdnowFit(ModelKind.ParetoNbd);

        Assert.Equal(0.0476264, fit.StandardError("r")!.Value, 0.001);
        Assert.Equal(0.8427222, fit.StandardError("alpha")!.Value, 0.01);
        Assert.Equal(0.1872594, fit.StandardError("s")!.Value, 0.005);
        Assert.Equal(6.2105448, fit.StandardError("beta")!.Value, 0.1);
    }

    /// <summary>
    /// BTYD's printed CET and E[X(52)] come from parameters other than its stored est.params (they move the 4th digit);
    /// lifetimes' tolerances (P(alive) ± 0.001, CET ± 0.01) hold, and mpmath at est.params gives the exact values.
    /// </summary>
    [Fact]
    public void Customer1516_BtydWalkthrough()
    {
        Assert.Equal(0.997874, Btyd.ProbabilityAlive(26, 30.85714, 31), 0.001);
        Assert.Equal(25.45647, Btyd.ExpectedPurchases(26, 30.85714, 31, 52), 0.01);
        Assert.Equal(0.997873363682168, Btyd.ProbabilityAlive(26, 30.85714, 31), 12);
        Assert.Equal(25.4541821377168, Btyd.ExpectedPurchases(26, 30.85714, 31, 52), 1e-9);
    }

    [Fact]
    public void ExpectedPurchasesNewCustomer_52Weeks_BtydWalkthrough()
    {
        Assert.Equal(1.473434, Btyd.ExpectedPurchasesNewCustomer(52), 0.001);
        Assert.Equal(1.47311268949917, Btyd.ExpectedPurchasesNewCustomer(52), 1e-12);
    }

    [Fact]
    public void ExpectedPurchases_CdnowHoldout_SumMatchesIndependentComputation()
    {
        var model = ModelFitter.CountModel(Datasets.CdnowFit(ModelKind.ParetoNbd));
        var scores = ModelScoring.Score(model, Datasets.CdnowSummary, 39);
        Assert.Equal(1665.5, scores.ExpectedPurchases.Sum(), 0.1);
    }

    /// <summary>
    /// References from mpmath: the death-time integral by quadrature, not through ₂F₁ (the r = 1e7 row with x = 0 by its
    /// closed form through E₁). Rows with r in the millions carry terms near r·log α ≈ 1e8, so their log-likelihood is
    /// good to about 1e-16 of that, i.e. 1e-8 absolute.
    /// </summary>
    [Theory]
    [InlineData(0.553277, 10.577683, 0.60624, 11.668751, 2, 30.43, 38.86, -9.5543334743345427, 0.86911570058120543, 0.53698772802252185)]
    [InlineData(0.76, 9.77, 3.8e-05, 7794, 0, 0, 40, -1.2373527725493786, 0.99999967364636913, 0.77358354731585989)]
    [InlineData(0.76, 9.77, 3.8e-05, 7794, 30, 35, 40, -44.813355403980438, 0.9999998185678015, 3.0913318146622144e-5)]
    [InlineData(2, 1000000.0, 0.5, 1, 0, 0, 10, -9.2664279640486536e-6, 0.30150810833154598, 0.9999909958757104)]
    [InlineData(2, 1000000.0, 1.0, 1, 3, 5, 10, -40.060280496613577, 0.54545082769847564, 0.99996891931315836)]
    [InlineData(1.0, 1.0, 0.5, 10000000.0, 0, 0, 40, -3.7135664539024809, 0.99999238723115039, 0.67213378586652189)]
    [InlineData(0.553277, 10.577683, 0.60624, 11.668751, 5000, 999, 1000, 2990.2661029316426, 0.98328876831696545, 0.016830297330396405)]
    [InlineData(0.553277, 10.577683, 0.60624, 11.668751, 0, 0, 10000, -0.67361924625361081, 0.00073716487068355315, 0.9999991869032673)]
    [InlineData(0.553277, 10.577683, 0.60624, 11.668751, 5000, 1000, 1000, 2990.2492504919436, 1.0, 0.0001210891969870134)]
    [InlineData(0.5, 10000.0, 0.3, 0.01, 5000, 20, 40, -8481.2778328741089, 0.0014132024488361599, 0.99860688586184323)]
    [InlineData(10000000.0, 1000000.0, 1.0, 1e-07, 3, 5, 40, -64.770193160906222, 6.4999049679805183e-152, 1.0)]
    [InlineData(10000000.0, 1000000.0, 1.0, 1e-07, 0, 0, 40, -1.3238396e-5, 4.8264438911407281e-183, 1.0)]
    [InlineData(0.3, 100000.0, 0.2, 0.001, 200, 1, 40, -1445.5868069785894, 0.4626057609619941, 0.98260278975296641)]
    public void LikelihoodAliveAndNoPurchase_IncludingExtremes_MatchQuadrature(
        double r, double alpha, double s, double beta, double x, double tx, double T, double logLikelihood, double alive, double noPurchase20)
    {
        var model = new ParetoNbd(r, alpha, s, beta);

        var tolerance = 1e-9 + (Math.Abs(logLikelihood) * 1e-11) + (1e-14 * r * Math.Abs(Math.Log(alpha)));
        Assert.Equal(logLikelihood, model.LogLikelihood(x, tx, T), tolerance);
        Assert.Equal(alive, model.ProbabilityAlive(x, tx, T), 9);
        Assert.Equal(1, model.ProbabilityAlive(x, tx, T) / alive, 1e-6);
        Assert.Equal(noPurchase20, model.ProbabilityNoPurchase(x, tx, T, 20), 9);
    }
}
