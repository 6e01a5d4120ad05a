using Rekindle.Models;

namespace Rekindle.Core.Tests.Models;

/// <summary>MBG/NBD against BTYDplus (Batislam et al. 2007) as asserted by lifetimes.</summary>
public class MbgNbdTests
{
    [Fact]
    public void Fit_Cdnow_ReproducesBtydPlusParameters()
    {
        var fit = Datasets.CdnowFit(ModelKind.MbgNbd);

        Assert.True(fit.Usable);
        Assert.Equal(0.525, fit["r"], 3);
        Assert.Equal(6.183, fit["alpha"], 3);
        Assert.Equal(0.891, fit["a"], 3);
        Assert.Equal(1.614, fit["b"], 3);
        Assert.Equal(-9582.1357, fit.LogLikelihood, 0.001);
    }

    [Fact]
    public void ProbabilityAlive_NoRepeatPurchase_CanBeBelowOne()
    {
        var model = new MbgNbd(0.525, 6.183, 0.891, 1.614);
        Assert.InRange(model.ProbabilityAlive(0, 0, 38), 0.1, 0.99);
    }

    [Fact]
    public void ExpectedPurchases_CdnowHoldout_SumMatchesIndependentComputation()
    {
        var model = ModelFitter.CountModel(Datasets.CdnowFit(ModelKind.MbgNbd));
        var scores = ModelScoring.Score(model, Datasets.CdnowSummary, 39);
        Assert.Equal(1576.7, scores.ExpectedPurchases.Sum(), 0.1);
    }
}
