using MathNet.Numerics;

namespace Rekindle.Models;

/// <summary>
/// The models' total log-likelihoods over <see cref="SummaryGroups"/>, as the optimiser evaluates them: every term that
/// depends on x only (the Gamma and Beta functions) is computed once per distinct x, leaving a few logarithms per
/// group. Each equals the weighted sum of the model's per-customer <c>LogLikelihood</c> (a test pins that).
/// </summary>
internal static class GroupedLikelihood
{
    public static double Of(BgNbd m, SummaryGroups g) => BetaGeometric(m.R, m.Alpha, m.A, m.B, 0, g);

    public static double Of(MbgNbd m, SummaryGroups g) => BetaGeometric(m.R, m.Alpha, m.A, m.B, 1, g);

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

    /// <summary>Gamma-Gamma over groups whose x is the purchase count and whose t_x column holds the mean spend.</summary>
    public static double Of(GammaGamma m, SummaryGroups g)
    {
        var (p, q, gamma) = (m.P, m.Q, m.Gamma);
        var constant = PerX(g, x => SpecialFunctions.GammaLn((p * x) + q) - SpecialFunctions.GammaLn(p * x) - SpecialFunctions.GammaLn(q)
            + (q * Math.Log(gamma)) + (p * x * Math.Log(x)));
        return g.WeightedSum(i =>
        {
            var x = g.X[i];
            var spend = g.Tx[i];
            return constant[g.XIndex[i]] + (((p * x) - 1) * Math.Log(spend)) - (((p * x) + q) * Math.Log(gamma + (x * spend)));
        });
    }

    /// <summary>BG/NBD (shift 0) and MBG/NBD (shift 1: one more drop-out opportunity, at the first purchase).</summary>
    private static double BetaGeometric(double r, double alpha, double a, double b, int shift, SummaryGroups g)
    {
        var common = -SpecialFunctions.GammaLn(r) + (r * Math.Log(alpha)) - SpecialFunctions.BetaLn(a, b);
        var alive = PerX(g, x => SpecialFunctions.GammaLn(r + x) + common + SpecialFunctions.BetaLn(a, b + x + shift));
        var dropped = PerX(g, x => x + shift > 0
            ? SpecialFunctions.BetaLn(a + 1, b + x + shift - 1) - SpecialFunctions.BetaLn(a, b + x + shift)
            : double.NegativeInfinity);
        return g.WeightedSum(i =>
        {
            var x = g.X[i];
            var j = g.XIndex[i];
            var aliveTerm = -(r + x) * Math.Log(alpha + g.T[i]);
            return double.IsNegativeInfinity(dropped[j])
                ? alive[j] + aliveTerm
                : alive[j] + LogMath.LogSumExp(aliveTerm, dropped[j] - ((r + x) * Math.Log(alpha + g.Tx[i])));
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
