using MathNet.Numerics;

namespace Rekindle.Models;

/// <summary>
/// The Pareto/NBD total log-likelihood over <see cref="SummaryGroups"/>: the terms that depend on x only are computed
/// once per distinct x, leaving the death-time integral per group. It equals the weighted sum of the model's
/// per-customer <c>LogLikelihood</c>. (The BG/NBD family and Gamma-Gamma have their own classes, with gradients.)
/// </summary>
internal static class GroupedLikelihood
{
    public static double Of(ParetoNbd m, SummaryGroups g)
    {
        var (r, alpha, s, beta) = (m.R, m.Alpha, m.S, m.Beta);
        var constant = PerX(g, x => SpecialFunctions.GammaLn(r + x) - SpecialFunctions.GammaLn(r) + (r * Math.Log(alpha)) + (s * Math.Log(beta)));
        var logS = Math.Log(s);
        return g.WeightedSum(i =>
        {
            var x = g.X[i];
            var alive = (-(r + x) * Math.Log(alpha + g.T[i])) - (s * Math.Log(beta + g.T[i]));
            var death = logS + ParetoIntegral.Log(alpha, r + x, beta, s + 1, g.Tx[i], g.T[i]);
            return constant[g.XIndex[i]] + LogMath.LogSumExp(alive, death);
        });
    }

    private static double[] PerX(SummaryGroups g, Func<double, double> f)
    {
        var values = new double[g.DistinctX.Length];
        for (var j = 0; j < values.Length; j++)
        {
            values[j] = f(g.DistinctX[j]);
        }

        return values;
    }
}
