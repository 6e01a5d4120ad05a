using System.Runtime.CompilerServices;

namespace Rekindle.Models;

/// <summary>
/// log G(y) = log ∫_y^∞ (A+τ)^(-p) (B+τ)^(-q) dτ with its partial derivatives in A, p, B and q, on the path where
/// <see cref="ParetoIntegral"/> sums the plain series (w ≤ 0.95, every fit away from the boundary). With S, e_S the
/// smaller offset and its exponent, L, e_L the larger, m = e_S + e_L - 1, w = (L-S)/(L+y):
/// log G = -m ln(L+y) - ln m + (1-e_S) ln(1-w) + ln F, F = Σ tₙ, tₙ = ∏_{k&lt;n} (e_L+k)/(m+1+k) · wⁿ, so
/// ∂ln F/∂e_L = Σ tₙ Σ_{k&lt;n} (1/(e_L+k) - 1/(m+1+k)) / F, ∂ln F/∂e_S = -Σ tₙ Σ_{k&lt;n} 1/(m+1+k) / F and
/// ∂ln F/∂w = Σ n tₙ / (w F), with ∂w/∂L = (S+y)/(L+y)², ∂w/∂S = -1/(L+y), ln(1-w) = ln(S+y) - ln(L+y).
/// The series stops on the same tail bound as <see cref="SeriesSum"/>.
/// </summary>
internal static class ParetoTailGradient
{
    private const double PlainSeriesLimit = 0.95;

    /// <summary>False (and nothing written) when w &gt; 0.95, where <see cref="ParetoIntegral"/> may use other forms.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryTail(double offsetA, double exponentA, double offsetB, double exponentB, double y, out double logTail, out Partials d)
    {
        var aSmall = offsetA <= offsetB;
        var (small, eS, large, eL) = aSmall ? (offsetA, exponentA, offsetB, exponentB) : (offsetB, exponentB, offsetA, exponentA);
        var w = (large - small) / (large + y);
        if (w > PlainSeriesLimit)
        {
            (logTail, d) = (double.NaN, default);
            return false;
        }

        var c = eL + eS;
        double sum = 1, term = 1, sumL = 0, sumS = 0, sumN = 0, accL = 0, accS = 0;
        for (var n = 0; n < SeriesSum.DefaultMaximumTerms; n++)
        {
            var ratio = (eL + n) / (c + n) * w;
            accL += (1 / (eL + n)) - (1 / (c + n));
            accS += 1 / (c + n);
            term *= ratio;
            sum += term;
            sumL += term * accL;
            sumS += term * accS;
            sumN += term * (n + 1);
            var rho = Math.Max(ratio, w);
            if (term == 0 || (rho < 1 && term * rho / (1 - rho) <= 1e-16 * sum))
            {
                break;
            }
        }

        var m = c - 1;
        var logLarge = Math.Log(large + y);
        var logOneMinusW = Math.Log(small + y) - logLarge;
        logTail = (-m * logLarge) - Math.Log(m) + ((1 - eS) * logOneMinusW) + Math.Log(sum);
        var dLogFdW = w > 0 ? sumN / (w * sum) : 0;
        if (w == 0)
        {
            // F = 1 + e_L/(m+1) w + ...: the derivative in w at 0 is the first coefficient.
            dLogFdW = eL / c;
        }

        var dLarge = ((-m - (1 - eS)) / (large + y)) + (dLogFdW * (small + y) / ((large + y) * (large + y)));
        var dSmall = ((1 - eS) / (small + y)) - (dLogFdW / (large + y));
        var dExpLarge = -logLarge - (1 / m) + (sumL / sum);
        var dExpSmall = -logLarge - (1 / m) - logOneMinusW - (sumS / sum);
        d = aSmall ? new Partials(dSmall, dExpSmall, dLarge, dExpLarge) : new Partials(dLarge, dExpLarge, dSmall, dExpSmall);
        return true;
    }

    /// <summary>∂/∂A, ∂/∂p, ∂/∂B, ∂/∂q of a log tail.</summary>
    internal readonly record struct Partials(double OffsetA, double ExponentA, double OffsetB, double ExponentB);
}
