using Rekindle.Models;

namespace Rekindle.Core.Tests.Models;

/// <summary>Gamma-Gamma against Fader &amp; Hardie (2013, note 025) on BTYD's m.x for the 946 CDNOW repeat buyers.</summary>
public class GammaGammaTests
{
    [Fact]
    public void Fit_Cdnow_ReproducesPublishedParameters()
    {
        var fit = Datasets.CdnowFit(ModelKind.GammaGamma);

        Assert.True(fit.Usable);
        Assert.Equal(946, fit.Customers);
        Assert.Equal(6.25, fit["p"], 2);
        Assert.Equal(3.74, fit["q"], 2);
        Assert.Equal(15.44, fit["gamma"], 2);
        Assert.Equal(-4055.9177, fit.LogLikelihood, 0.001);
    }

    [Fact]
    public void ExpectedSpend_FirstTenCdnowCustomers_HardieSpreadsheet()
    {
        double[] expected = [24.65, 18.91, 35.17, 35.17, 35.17, 71.46, 18.91, 35.17, 27.28, 35.17];
        var spend = ModelScoring.ExpectedSpend(new GammaGamma(6.25, 3.74, 15.44), Datasets.CdnowSummary);

        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], spend[i], 0.1);
        }
    }

    [Fact]
    public void ExpectedSpend_ManyPurchases_ApproachesOwnMean()
    {
        var model = new GammaGamma(6.25, 3.74, 15.44);
        Assert.Equal(80, model.ExpectedSpend(5000, 80), 0.1);
        Assert.True(double.IsFinite(model.LogLikelihood(5000, 80)));
    }

    [Fact]
    public void PopulationMeanSpend_QAtMostOne_Throws() =>
        Assert.Throws<InvalidOperationException>(() => new GammaGamma(2, 0.9, 10).ExpectedSpend(0, 0));
}
