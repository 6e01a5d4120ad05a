using Rekindle.Models;

namespace Rekindle.Core.Tests.Models;

/// <summary>
/// The grouped likelihoods the optimiser uses: their values equal the sum of the models' per-customer log-likelihoods,
/// and their closed-form gradients equal central finite differences, at points near and far from the maximum.
/// </summary>
public class LikelihoodGradientTests
{
    public static TheoryData<ModelKind, double[]> Points => new()
    {
        { ModelKind.BgNbd, [0.243, 4.41, 0.793, 2.43] },
        { ModelKind.BgNbd, [1.5, 0.7, 3.0, 0.2] },
        { ModelKind.BgNbd, [0.01, 40, 0.05, 30] },
        { ModelKind.MbgNbd, [0.525, 6.18, 0.891, 1.61] },
        { ModelKind.MbgNbd, [2.0, 1.5, 0.3, 8.0] },
        { ModelKind.ParetoNbd, [0.553, 10.6, 0.606, 11.7] },
        { ModelKind.ParetoNbd, [1.2, 3.0, 2.0, 0.5] },
        { ModelKind.ParetoNbd, [0.3, 25.0, 0.2, 5.0] },
        { ModelKind.ParetoNbd, [0.8, 0.05, 0.4, 1e5] },
        { ModelKind.GammaGamma, [6.25, 3.74, 15.4] },
        { ModelKind.GammaGamma, [0.8, 12.0, 200.0] },
    };

    [Theory]
    [MemberData(nameof(Points))]
    public void Evaluate_CdnowSample_ValueIsSumOverCustomersAndGradientMatchesCentralDifferences(ModelKind kind, double[] parameters)
    {
        var (likelihood, perCustomer) = Build(kind, parameters);
        var theta = parameters.Select(v => Math.Log(v)).ToArray();
        var gradient = new double[theta.Length];
        var scratch = new double[theta.Length];

        var value = likelihood.Evaluate(theta, gradient);

        Assert.Equal(perCustomer, value, Math.Abs(perCustomer) * 1e-11);
        const double h = 1e-5;
        for (var i = 0; i < theta.Length; i++)
        {
            var shifted = (double[])theta.Clone();
            shifted[i] += h;
            var up = likelihood.Evaluate(shifted, scratch);
            shifted[i] -= 2 * h;
            var down = likelihood.Evaluate(shifted, scratch);
            var numeric = (up - down) / (2 * h);
            // The boundary point's Pareto/NBD gradient is itself a central difference (step 1e-5): compared more loosely.
            var tolerance = kind == ModelKind.ParetoNbd && parameters[3] > 1000 ? 1e-5 : 1e-6;
            Assert.True(Math.Abs(numeric - gradient[i]) <= tolerance * Math.Max(1, Math.Abs(numeric)), $"θ{i}: analytic {gradient[i]:R}, central difference {numeric:R}");
        }
    }

    private static (ILogLikelihood Likelihood, double PerCustomer) Build(ModelKind kind, double[] p)
    {
        var data = Datasets.CdnowSummary;
        if (kind == ModelKind.GammaGamma)
        {
            var keep = Enumerable.Range(0, data.Count).Where(i => data.X[i] > 0).ToArray();
            var spend = new GammaGamma(p[0], p[1], p[2]);
            var groups = SummaryGroups.From([.. keep.Select(i => data.X[i])], [.. keep.Select(i => data.MeanSpend![i])], new double[keep.Length]);
            return (new GammaGammaLikelihood(groups), keep.Sum(i => spend.LogLikelihood(data.X[i], data.MeanSpend![i])));
        }

        var all = SummaryGroups.From(data.X, data.Tx, data.T);
        var model = ModelFitter.Create(kind, p);
        ILogLikelihood likelihood = kind switch
        {
            ModelKind.BgNbd => new BetaGeometricLikelihood(all, 0),
            ModelKind.MbgNbd => new BetaGeometricLikelihood(all, 1),
            _ => new ParetoLikelihood(all),
        };
        return (likelihood, Enumerable.Range(0, data.Count).Sum(i => model.LogLikelihood(data.X[i], data.Tx[i], data.T[i])));
    }
}
