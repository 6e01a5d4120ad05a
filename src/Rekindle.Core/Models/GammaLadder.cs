using MathNet.Numerics;

namespace Rekindle.Models;

/// <summary>
/// ln Γ(z + x) and ψ(z + x) for the ascending distinct purchase counts x of a data set, as the likelihoods need them at
/// every evaluation: across a small integer gap k from the previous x (the usual case) by the recurrences
/// Γ(u + k) = Γ(u) ∏ (u + i) and ψ(u + k) = ψ(u) + Σ 1/(u + i), i &lt; k, otherwise directly. The recurrence is used
/// only from u ≥ 1, where its terms do not cancel, so values agree with the direct ones to about 1e-14 relative.
/// </summary>
internal static class GammaLadder
{
    private const int LongestStep = 16;

    public static void Fill(double z, ReadOnlySpan<double> x, Span<double> logGamma, Span<double> digamma)
    {
        for (var j = 0; j < x.Length; j++)
        {
            var u = j > 0 ? z + x[j - 1] : 0;
            var gap = j > 0 ? x[j] - x[j - 1] : 0;
            if (j > 0 && u >= 1 && gap >= 1 && gap <= LongestStep && gap == Math.Floor(gap))
            {
                double product = 1, inverse = 0;
                for (var i = 0; i < gap; i++)
                {
                    product *= u + i;
                    inverse += 1 / (u + i);
                }

                logGamma[j] = logGamma[j - 1] + Math.Log(product);
                digamma[j] = digamma[j - 1] + inverse;
            }
            else
            {
                logGamma[j] = SpecialFunctions.GammaLn(z + x[j]);
                digamma[j] = SpecialFunctions.DiGamma(z + x[j]);
            }
        }
    }

    /// <summary>ln(offset + v) and 1/(offset + v) for every v.</summary>
    public static void Shifted(double offset, ReadOnlySpan<double> values, Span<double> logs, Span<double> inverses)
    {
        for (var k = 0; k < values.Length; k++)
        {
            var v = offset + values[k];
            logs[k] = Math.Log(v);
            inverses[k] = 1 / v;
        }
    }
}
