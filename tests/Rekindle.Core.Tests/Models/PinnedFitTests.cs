using Rekindle.Models;

namespace Rekindle.Core.Tests.Models;

/// <summary>
/// The fits as they stood before the speed work of issue #17 (finite-difference BFGS, Newton polish, 2026-12-06),
/// pinned: a faster optimiser must find the same maximum. Log-likelihoods to 1e-6; parameters to a relative 1e-5
/// (Pareto/NBD's β, weakly identified, to 1e-4).
/// </summary>
public class PinnedFitTests
{
    public static TheoryData<string, ModelKind, double, double[]> Pins => new()
    {
        { "sample", ModelKind.BgNbd, -9582.42920667393, [0.24259452118009361, 4.413601964866677, 0.7929216683086152, 2.425905384281815] },
        { "sample", ModelKind.MbgNbd, -9582.135715553746, [0.5248432606505956, 6.183085964237382, 0.8913592165975247, 1.614001547688132] },
        { "sample", ModelKind.ParetoNbd, -9594.976178939545, [0.5532770330335468, 10.577683090212982, 0.6062401213920378, 11.668739059477952] },
        { "sample", ModelKind.GammaGamma, -4055.917694801822, [6.249576051277581, 3.744224077187262, 15.443508276447107] },
        { "master", ModelKind.BgNbd, -95368.44393316068, [0.2516239596680585, 4.788942965549119, 0.7234335420600977, 2.1610882010932375] },
        { "master", ModelKind.MbgNbd, -95336.95831987953, [0.6371397664688115, 7.310289861857175, 0.8074740859741085, 1.2283938945558184] },
        { "master", ModelKind.ParetoNbd, -95415.11861746985, [0.597419968083316, 11.585657715074893, 0.5221855533569966, 8.827757386022068] },
        { "master", ModelKind.GammaGamma, -40763.476261390584, [6.275357788262438, 3.6244510800103784, 14.983695454824897] },
    };

    [Theory]
    [MemberData(nameof(Pins))]
    public void Fit_Cdnow_MatchesPinnedMaximum(string data, ModelKind kind, double logLikelihood, double[] parameters)
    {
        var fit = ModelFitter.Fit(kind, data == "sample" ? Datasets.CdnowSummary : CdnowMaster.Summary);

        Assert.True(fit.Usable);
        Assert.Equal(logLikelihood, fit.LogLikelihood, 1e-6);
        var values = fit.ValueArray();
        for (var i = 0; i < parameters.Length; i++)
        {
            var tolerance = kind == ModelKind.ParetoNbd && i == 3 ? 1e-4 : 1e-5;
            Assert.True(Math.Abs(values[i] - parameters[i]) <= tolerance * parameters[i], $"{fit.Parameters[i].Name}: {values[i]:R}, pinned {parameters[i]:R}");
        }
    }
}
