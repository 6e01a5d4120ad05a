using System.Runtime.CompilerServices;
using MathNet.Numerics;

namespace Rekindle.Models;

/// <summary>
/// The BG/NBD (shift 0) and MBG/NBD (shift 1: one more drop-out chance, at the first purchase) log-likelihood over
/// <see cref="SummaryGroups"/> with its closed-form gradient. Per customer
/// ln L = ln Γ(r+x) - ln Γ(r) + r ln α + ln B(a, b+x+s) - ln B(a, b) + ln(e^u + e^v), u = -(r+x) ln(α+T),
/// v = ln(a/(b+x+s-1)) - (r+x) ln(α+t_x) (no v when x+s = 0). With ω = e^v/(e^u+e^v), the share of "dropped out":
/// ∂/∂r = ψ(r+x) - ψ(r) + ln α - (1-ω) ln(α+T) - ω ln(α+t_x); ∂/∂α = r/α - (r+x)((1-ω)/(α+T) + ω/(α+t_x));
/// ∂/∂a = ψ(a+b) - ψ(a+b+x+s) + ω/a; ∂/∂b = ψ(b+x+s) - ψ(a+b+x+s) - ψ(b) + ψ(a+b) - ω/(b+x+s-1).
/// Gamma functions are computed once per distinct x, logarithms of α+T and α+t_x once per distinct value; the
/// buffers are allocated once, so an evaluation allocates nothing.
/// </summary>
internal sealed class BetaGeometricLikelihood : ILogLikelihood
{
    private readonly SummaryGroups g;
    private readonly int shift;
    private readonly double[] logT, inverseT, logTx, inverseTx;
    private readonly double[] logGammaR, digammaR, logGammaB, digammaB, logGammaAb, digammaAb;

    public BetaGeometricLikelihood(SummaryGroups groups, int shift)
    {
        g = groups;
        this.shift = shift;
        (logT, inverseT) = (new double[g.DistinctT.Length], new double[g.DistinctT.Length]);
        (logTx, inverseTx) = (new double[g.DistinctTx.Length], new double[g.DistinctTx.Length]);
        var n = g.DistinctX.Length;
        (logGammaR, digammaR, logGammaB, digammaB, logGammaAb, digammaAb) = (new double[n], new double[n], new double[n], new double[n], new double[n], new double[n]);
    }

    public int Dimension => 4;

    public double Customers => g.Customers;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double Evaluate(ReadOnlySpan<double> theta, Span<double> gradient)
    {
        double r = Math.Exp(theta[0]), alpha = Math.Exp(theta[1]), a = Math.Exp(theta[2]), b = Math.Exp(theta[3]);
        double logAlpha = theta[1], logA = theta[2];
        GammaLadder.Shifted(alpha, g.DistinctT, logT, inverseT);
        GammaLadder.Shifted(alpha, g.DistinctTx, logTx, inverseTx);
        GammaLadder.Fill(r, g.DistinctX, logGammaR, digammaR);
        GammaLadder.Fill(b + shift, g.DistinctX, logGammaB, digammaB);
        GammaLadder.Fill(a + b + shift, g.DistinctX, logGammaAb, digammaAb);
        var logBetaAb = SpecialFunctions.GammaLn(a) + SpecialFunctions.GammaLn(b) - SpecialFunctions.GammaLn(a + b);
        var common = -SpecialFunctions.GammaLn(r) + (r * logAlpha) + SpecialFunctions.GammaLn(a) - logBetaAb;
        double digammaR0 = SpecialFunctions.DiGamma(r), digammaB0 = SpecialFunctions.DiGamma(b), digammaAb0 = SpecialFunctions.DiGamma(a + b);
        double ll = 0, dr = 0, dAlpha = 0, da = 0, db = 0;
        var (weight, tIndex, txIndex) = (g.Weight, g.TIndex, g.TxIndex);
        for (var j = 0; j < g.DistinctX.Length; j++)
        {
            var x = g.DistinctX[j];
            var rx = r + x;
            var drops = x + shift > 0;
            var bShifted = b + x + shift - 1;
            var logOdds = drops ? logA - Math.Log(bShifted) : 0;
            double count = 0, sum = 0, dropped = 0, logs = 0, inverses = 0;
            for (var i = g.XStart[j]; i < g.XStart[j + 1]; i++)
            {
                var w = weight[i];
                var (lt, it) = (logT[tIndex[i]], inverseT[tIndex[i]]);
                count += w;
                if (!drops)
                {
                    sum -= w * rx * lt;
                    logs += w * lt;
                    inverses += w * it;
                    continue;
                }

                var (ltx, itx) = (logTx[txIndex[i]], inverseTx[txIndex[i]]);
                var u = -rx * lt;
                var v = logOdds - (rx * ltx);
                double lse, omega;
                if (v > u)
                {
                    var e = Math.Exp(u - v);
                    lse = v + LogMath.Log1p(e);
                    omega = 1 / (1 + e);
                }
                else
                {
                    var e = Math.Exp(v - u);
                    lse = u + LogMath.Log1p(e);
                    omega = e / (1 + e);
                }

                sum += w * lse;
                dropped += w * omega;
                logs += w * (lt + (omega * (ltx - lt)));
                inverses += w * (it + (omega * (itx - it)));
            }

            ll += (count * (logGammaR[j] + common + logGammaB[j] - logGammaAb[j])) + sum;
            dr += (count * (digammaR[j] - digammaR0 + logAlpha)) - logs;
            dAlpha += (count * r / alpha) - (rx * inverses);
            da += (count * (digammaAb0 - digammaAb[j])) + (dropped / a);
            db += (count * (digammaB[j] - digammaAb[j] - digammaB0 + digammaAb0)) - (drops ? dropped / bShifted : 0);
        }

        gradient[0] = dr * r;
        gradient[1] = dAlpha * alpha;
        gradient[2] = da * a;
        gradient[3] = db * b;
        return ll;
    }
}
