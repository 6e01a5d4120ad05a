using System.Runtime.CompilerServices;
using MathNet.Numerics;

namespace Rekindle.Models;

/// <summary>
/// The Pareto/NBD log-likelihood over <see cref="SummaryGroups"/> with its gradient through the integral form: per
/// customer ln L = C + ln(e^A + e^D), C = ln Γ(r+x) - ln Γ(r) + r ln α + s ln β, A = -(r+x) ln(α+T) - s ln(β+T),
/// D = ln s + ln I, I = ∫_{t_x}^{T} (α+τ)^-(r+x) (β+τ)^-(s+1) dτ = G(t_x) - G(T). With ω = e^D/(e^A+e^D), each
/// parameter's derivative is that of C plus (1-ω) ∂A + ω ∂D, and ∂ ln I = (∂ ln G(t_x) - ρ ∂ ln G(T)) / (1 - ρ),
/// ρ = G(T)/G(t_x), with the tails' derivatives from <see cref="ParetoTailGradient"/>. Where a tail is not on the
/// plain series (near the boundary) the whole evaluation falls back to central differences of
/// <see cref="GroupedLikelihood"/> (eight evaluations). Buffers are allocated once.
/// </summary>
internal sealed class ParetoLikelihood : ILogLikelihood
{
    private const double Step = 1e-5;
    private readonly SummaryGroups g;
    private readonly double[] shifted = new double[4];
    private readonly double[] logAlphaT, inverseAlphaT, logBetaT, inverseBetaT, logGammaR, digammaR;

    public ParetoLikelihood(SummaryGroups groups)
    {
        g = groups;
        var t = g.DistinctT.Length;
        (logAlphaT, inverseAlphaT, logBetaT, inverseBetaT) = (new double[t], new double[t], new double[t], new double[t]);
        (logGammaR, digammaR) = (new double[g.DistinctX.Length], new double[g.DistinctX.Length]);
    }

    public int Dimension => 4;

    public double Customers => g.Customers;

    public double Evaluate(ReadOnlySpan<double> theta, Span<double> gradient)
    {
        if (TryAnalytic(theta, gradient, out var value))
        {
            return value;
        }

        for (var i = 0; i < 4; i++)
        {
            theta.CopyTo(shifted);
            shifted[i] += Step;
            var up = Value(shifted);
            shifted[i] -= 2 * Step;
            gradient[i] = (up - Value(shifted)) / (2 * Step);
        }

        theta.CopyTo(shifted);
        return Value(shifted);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryAnalytic(ReadOnlySpan<double> theta, Span<double> gradient, out double ll)
    {
        double r = Math.Exp(theta[0]), alpha = Math.Exp(theta[1]), s = Math.Exp(theta[2]), beta = Math.Exp(theta[3]);
        double logAlpha = theta[1], logS = theta[2], logBeta = theta[3];
        GammaLadder.Shifted(alpha, g.DistinctT, logAlphaT, inverseAlphaT);
        GammaLadder.Shifted(beta, g.DistinctT, logBetaT, inverseBetaT);
        GammaLadder.Fill(r, g.DistinctX, logGammaR, digammaR);
        double logGammaR0 = SpecialFunctions.GammaLn(r), digammaR0 = SpecialFunctions.DiGamma(r);
        double dr = 0, dAlpha = 0, ds = 0, dBeta = 0;
        ll = 0;
        var q = s + 1;
        for (var j = 0; j < g.DistinctX.Length; j++)
        {
            var p = r + g.DistinctX[j];
            double count = 0, sum = 0, sr = 0, sAlpha = 0, sS = 0, sBeta = 0;
            for (var i = g.XStart[j]; i < g.XStart[j + 1]; i++)
            {
                var (w, k, tx, T) = (g.Weight[i], g.TIndex[i], g.Tx[i], g.T[i]);
                var alive = (-p * logAlphaT[k]) - (s * logBetaT[k]);
                double omega = 0, lse = alive, iR = 0, iAlpha = 0, iS = 0, iBeta = 0;
                if (T > tx)
                {
                    if (!ParetoTailGradient.TryTail(alpha, p, beta, q, tx, out var from, out var dFrom)
                        || !ParetoTailGradient.TryTail(alpha, p, beta, q, T, out var to, out var dTo))
                    {
                        return false;
                    }

                    var rho = Math.Exp(to - from);
                    var scale = 1 / -LogMath.ExpM1(to - from);
                    var death = logS + from - (scale == 0 ? double.PositiveInfinity : Math.Log(scale));
                    (iAlpha, iR, iBeta, iS) = (
                        (dFrom.OffsetA - (rho * dTo.OffsetA)) * scale, (dFrom.ExponentA - (rho * dTo.ExponentA)) * scale,
                        (dFrom.OffsetB - (rho * dTo.OffsetB)) * scale, (dFrom.ExponentB - (rho * dTo.ExponentB)) * scale);
                    if (death > alive)
                    {
                        var e = Math.Exp(alive - death);
                        (lse, omega) = (death + LogMath.Log1p(e), 1 / (1 + e));
                    }
                    else
                    {
                        var e = Math.Exp(death - alive);
                        (lse, omega) = (alive + LogMath.Log1p(e), e / (1 + e));
                    }
                }

                var stay = 1 - omega;
                count += w;
                sum += w * lse;
                sr += w * ((stay * -logAlphaT[k]) + (omega * iR));
                sAlpha += w * ((stay * -p * inverseAlphaT[k]) + (omega * iAlpha));
                sS += w * ((stay * -logBetaT[k]) + (omega * ((1 / s) + iS)));
                sBeta += w * ((stay * -s * inverseBetaT[k]) + (omega * iBeta));
            }

            ll += (count * (logGammaR[j] - logGammaR0 + (r * logAlpha) + (s * logBeta))) + sum;
            dr += (count * (digammaR[j] - digammaR0 + logAlpha)) + sr;
            dAlpha += (count * r / alpha) + sAlpha;
            ds += (count * logBeta) + sS;
            dBeta += (count * s / beta) + sBeta;
        }

        gradient[0] = dr * r;
        gradient[1] = dAlpha * alpha;
        gradient[2] = ds * s;
        gradient[3] = dBeta * beta;
        return double.IsFinite(ll);
    }

    private double Value(double[] theta) =>
        GroupedLikelihood.Of(new ParetoNbd(Math.Exp(theta[0]), Math.Exp(theta[1]), Math.Exp(theta[2]), Math.Exp(theta[3])), g);
}
