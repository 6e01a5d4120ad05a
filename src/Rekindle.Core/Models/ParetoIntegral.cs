namespace Rekindle.Models;

/// <summary>
/// log ∫ (A+τ)^(-p) (B+τ)^(-q) dτ over [y₀, y₁]: the integral over the unobserved death time that the Pareto/NBD
/// likelihood, P(alive) and P(no purchase) all need (Schmittlein, Morrison &amp; Colombo 1987). Written with
/// L = max(A, B), S = min(A, B) and their exponents e_L, e_S, and m = p + q - 1, it is G(y₀) - G(y₁) with
/// G(y) = (L+y)^(-m) / m · ₂F₁(m, e_S; m+1; w), w = (L-S)/(L+y) — the Fader &amp; Hardie (2005) "α ≥ β / α &lt; β"
/// formulation, which keeps 0 ≤ w &lt; 1 whichever rate parameter is larger. Euler's transformation then gives
/// ₂F₁(m, e_S; m+1; w) = (1-w)^(1-e_S) ₂F₁(1, e_L; m+1; w), a series of positive terms with ratio below w whatever
/// the number of purchases. When w is close to 1 (a rate parameter drifting to infinity, as in a fit at the
/// boundary), that series is slow: the 1-w transformation (Abramowitz &amp; Stegun 15.3.6) is used when its two parts
/// do not cancel (e_L (1-w) &lt; 5), and otherwise G is integrated numerically (its integrand is log-concave).
/// </summary>
internal static class ParetoIntegral
{
    private const double IntegerGuard = 1e-5;
    private const double LongSeries = 5000;

    /// <summary>log ∫_{y0}^{y1} (A+τ)^(-p) (B+τ)^(-q) dτ; negative infinity when y1 ≤ y0. Needs A, B &gt; 0, p + q &gt; 1.</summary>
    public static double Log(double offsetA, double exponentA, double offsetB, double exponentB, double from, double to)
    {
        if (!(to > from))
        {
            return double.NegativeInfinity;
        }

        return LogMath.LogDiffExp(Tail(offsetA, exponentA, offsetB, exponentB, from), Tail(offsetA, exponentA, offsetB, exponentB, to));
    }

    /// <summary>log ∫_y^∞ (A+τ)^(-p) (B+τ)^(-q) dτ: <see cref="Log"/> is the difference of two of these.</summary>
    public static double Tail(double offsetA, double exponentA, double offsetB, double exponentB, double y)
    {
        var (small, exponentSmall, large, exponentLarge) = offsetA <= offsetB
            ? (offsetA, exponentA, offsetB, exponentB)
            : (offsetB, exponentB, offsetA, exponentA);
        return LogTail(small, exponentSmall, large, exponentLarge, exponentA + exponentB - 1, y);
    }

    /// <summary>log G(y) = log ∫_y^∞ (S+τ)^(-e_S) (L+τ)^(-e_L) dτ.</summary>
    private static double LogTail(double small, double exponentSmall, double large, double exponentLarge, double m, double y)
    {
        var logLarge = Math.Log(large + y);
        var logSmall = Math.Log(small + y);
        var logOneMinusW = logSmall - logLarge;
        var w = (large - small) / (large + y);
        var logF = LogF(exponentLarge, exponentSmall, w, logOneMinusW);
        return double.IsNaN(logF)
            ? ((1 - exponentSmall) * logSmall) - (exponentLarge * logLarge) + LogQuadrature(exponentSmall, exponentLarge, w, logOneMinusW)
            : (-m * logLarge) - Math.Log(m) + ((1 - exponentSmall) * logOneMinusW) + logF;
    }

    /// <summary>
    /// log ∫₀^∞ e^h(v) dv with h(v) = (1-e_S) v - e_L log(w + (1-w) e^v), which is G(y) / ((S+y)^(1-e_S) (L+y)^(-e_L))
    /// after τ = y + (S+y)(e^v - 1). h is concave, so the integrand is one positive peak: adaptive Gauss-Kronrod
    /// (MathNet) on each side of it, scaled by its height. Used for w near 1 when neither series is short.
    /// </summary>
    private static double LogQuadrature(double exponentSmall, double exponentLarge, double w, double logOneMinusW)
    {
        var logW = Math.Log(w);
        double H(double v) => ((1 - exponentSmall) * v) - (exponentLarge * LogMath.LogSumExp(logW, logOneMinusW + v));
        var sum = exponentSmall + exponentLarge - 1;
        var peak = exponentSmall < 1 ? Math.Max(0, Math.Log(1 - exponentSmall) + logW - logOneMinusW - Math.Log(sum)) : 0;
        var height = H(peak);
        var reach = Math.Min(1, 1 / sum);
        for (var i = 0; i < 200 && H(peak + reach) - height > -50; i++)
        {
            reach *= 2;
        }

        double F(double v) => Math.Exp(H(v) - height);
        var right = MathNet.Numerics.Integrate.GaussKronrod(F, peak, peak + reach, out _, out _, 1e-11, 8);
        var left = peak > 0 ? MathNet.Numerics.Integrate.GaussKronrod(F, 0, peak, out _, out _, 1e-11, 8) : 0;
        return height + Math.Log(left + right);
    }

    /// <summary>log ₂F₁(1, p; p+q; w) for p, q &gt; 0 and 0 ≤ w &lt; 1; NaN when only quadrature would be quick and accurate.</summary>
    internal static double LogF(double p, double q, double w, double logOneMinusW)
    {
        var oneMinusW = Math.Exp(logOneMinusW);
        if (w > 0.95 && p * oneMinusW < 5)
        {
            var k = Math.Round(q);
            var transformed = Math.Abs(q - k) < IntegerGuard && k >= 1
                ? Average(Transformed(p, q - IntegerGuard, w, logOneMinusW), Transformed(p, q + IntegerGuard, w, logOneMinusW))
                : Transformed(p, q, w, logOneMinusW);
            if (!double.IsNaN(transformed))
            {
                return transformed;
            }
        }

        // Terms fall at least as fast as wⁿ: about 36/(1-w) are needed; beyond a few thousand, integrate instead.
        if (w > 0.95 && 36 / oneMinusW > LongSeries)
        {
            return double.NaN;
        }

        return SeriesSum.Sum(1, p, p + q, 1, w).LogAbs;
    }

    /// <summary>
    /// A&amp;S 15.3.6 for a = 1, b = p, c = p+q: ₂F₁ = (p+q-1)/(q-1) ₂F₁(1, p; 2-q; 1-w)
    /// + Γ(p+q)Γ(1-q)/Γ(p) (1-w)^(q-1) w^(1-p-q). NaN when the two parts cancel too much to trust.
    /// </summary>
    private static double Transformed(double p, double q, double w, double logOneMinusW)
    {
        var oneMinusW = Math.Exp(logOneMinusW);
        var first = SeriesSum.Sum(1, p, 2 - q, 1, oneMinusW);
        var firstLog = first.LogAbs + Math.Log(Math.Abs((p + q - 1) / (q - 1)));
        var firstSign = first.Sign * Math.Sign((p + q - 1) / (q - 1));
        var secondLog = MathNet.Numerics.SpecialFunctions.GammaLn(p + q) + Hypergeometric.LogAbsGamma(1 - q, out var gammaSign)
            - MathNet.Numerics.SpecialFunctions.GammaLn(p) + ((q - 1) * logOneMinusW) + ((1 - p - q) * Math.Log(w));
        var big = Math.Max(firstLog, secondLog);
        var sum = (firstSign * Math.Exp(firstLog - big)) + (gammaSign * Math.Exp(secondLog - big));
        return sum > 1e-8 && first.Converged ? big + Math.Log(sum) : double.NaN;
    }

    private static double Average(double logA, double logB) =>
        double.IsNaN(logA) || double.IsNaN(logB) ? double.NaN : LogMath.LogSumExp(logA, logB) - Math.Log(2);
}
