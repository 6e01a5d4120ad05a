using System.Runtime.CompilerServices;
using MathNet.Numerics;

namespace Rekindle.Models;

/// <summary>
/// The Gamma-Gamma log-likelihood over groups whose x is the purchase count and whose t_x column holds the mean spend
/// m, with its closed-form gradient: per customer ln f = ln Γ(px+q) - ln Γ(px) - ln Γ(q) + q ln γ + (px-1) ln m
/// + px ln x - (px+q) ln(γ+xm); ∂/∂p = x(ψ(px+q) - ψ(px) + ln m + ln x - ln(γ+xm)); ∂/∂q = ψ(px+q) - ψ(q) + ln γ
/// - ln(γ+xm); ∂/∂γ = q/γ - (px+q)/(γ+xm). Gamma functions once per distinct x; sums of ln m per x computed once.
/// </summary>
internal sealed class GammaGammaLikelihood : ILogLikelihood
{
    private readonly SummaryGroups g;
    private readonly double[] spendTotal;
    private readonly double[] countByX;
    private readonly double[] logSpendByX;
    private readonly double[] logX;

    public GammaGammaLikelihood(SummaryGroups groups)
    {
        g = groups;
        spendTotal = new double[g.Count];
        countByX = new double[g.DistinctX.Length];
        logSpendByX = new double[g.DistinctX.Length];
        logX = new double[g.DistinctX.Length];
        for (var j = 0; j < g.DistinctX.Length; j++)
        {
            logX[j] = Math.Log(g.DistinctX[j]);
            for (var i = g.XStart[j]; i < g.XStart[j + 1]; i++)
            {
                spendTotal[i] = g.X[i] * g.Tx[i];
                countByX[j] += g.Weight[i];
                logSpendByX[j] += g.Weight[i] * Math.Log(g.Tx[i]);
            }
        }
    }

    public int Dimension => 3;

    public double Customers => g.Customers;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double Evaluate(ReadOnlySpan<double> theta, Span<double> gradient)
    {
        double p = Math.Exp(theta[0]), q = Math.Exp(theta[1]), gamma = Math.Exp(theta[2]);
        var logGamma = theta[2];
        var logGammaQ = SpecialFunctions.GammaLn(q);
        var digammaQ = SpecialFunctions.DiGamma(q);
        double ll = 0, dp = 0, dq = 0, dGamma = 0;
        var weight = g.Weight;
        for (var j = 0; j < g.DistinctX.Length; j++)
        {
            var x = g.DistinctX[j];
            var px = p * x;
            double logs = 0, inverses = 0;
            for (var i = g.XStart[j]; i < g.XStart[j + 1]; i++)
            {
                var v = gamma + spendTotal[i];
                logs += weight[i] * Math.Log(v);
                inverses += weight[i] / v;
            }

            var count = countByX[j];
            var upper = SpecialFunctions.DiGamma(px + q);
            ll += (count * (SpecialFunctions.GammaLn(px + q) - SpecialFunctions.GammaLn(px) - logGammaQ + (q * logGamma) + (px * logX[j])))
                + ((px - 1) * logSpendByX[j]) - ((px + q) * logs);
            dp += x * ((count * (upper - SpecialFunctions.DiGamma(px) + logX[j])) + logSpendByX[j] - logs);
            dq += (count * (upper - digammaQ + logGamma)) - logs;
            dGamma += (count * q / gamma) - ((px + q) * inverses);
        }

        gradient[0] = dp * p;
        gradient[1] = dq * q;
        gradient[2] = dGamma * gamma;
        return ll;
    }
}
