using MathNet.Numerics;

namespace Rekindle.Models;

/// <summary>
/// The Gauss hypergeometric function ₂F₁(a, b; c; z) for real parameters and 0 ≤ z &lt; 1, the range the
/// customer-base models need (MathNet.Numerics has none). The power series is summed either as it stands or after
/// Euler's transformation ₂F₁(a,b;c;z) = (1-z)^(c-a-b) ₂F₁(c-a, c-b; c; z), whichever grows less
/// (|ab/c| smaller): for a customer with x purchases the BG/NBD and Pareto/NBD arguments grow with x while the
/// Euler-transformed ones do not, so thousands of purchases cost a handful of terms. Sums are rescaled as they go
/// (never overflow) and stop on a tail bound. For z very close to 1 the series needs about 36/(1-z) terms;
/// <see cref="ParetoIntegral"/> adds the 1-z transformation where the Pareto/NBD needs it.
/// </summary>
public static class Hypergeometric
{
    /// <summary>₂F₁(a, b; c; z) for 0 ≤ z &lt; 1 and c not a non-positive integer.</summary>
    public static double Gauss2F1(double a, double b, double c, double z) => LogGauss2F1Signed(a, b, c, z).Value;

    /// <summary>log ₂F₁(a, b; c; z) for 0 ≤ z &lt; 1 when the value is positive (always so for a, b, c &gt; 0).</summary>
    public static double LogGauss2F1(double a, double b, double c, double z)
    {
        var value = LogGauss2F1Signed(a, b, c, z);
        if (value.Sign <= 0)
        {
            throw new ArgumentException($"2F1({a}, {b}; {c}; {z}) is not positive; its logarithm is undefined.");
        }

        return value.LogAbs;
    }

    internal static LogSigned LogGauss2F1Signed(double a, double b, double c, double z)
    {
        if (!(z >= 0 && z < 1) || double.IsNaN(a) || double.IsNaN(b) || double.IsNaN(c))
        {
            throw new ArgumentOutOfRangeException(nameof(z), z, "2F1 is implemented for 0 <= z < 1.");
        }

        if (z == 0)
        {
            return new LogSigned(0, 1, true);
        }

        var direct = Math.Abs(a * b / c);
        var euler = Math.Abs((c - a) * (c - b) / c);
        if (euler < direct)
        {
            var series = SeriesSum.Sum(c - a, c - b, c, 1, z);
            return series with { LogAbs = series.LogAbs + ((c - a - b) * LogMath.Log1p(-z)) };
        }

        return SeriesSum.Sum(a, b, c, 1, z);
    }

    /// <summary>log|Γ(x)| and the sign of Γ(x), for any real x that is not a non-positive integer.</summary>
    internal static double LogAbsGamma(double x, out int sign)
    {
        if (x > 0)
        {
            sign = 1;
            return SpecialFunctions.GammaLn(x);
        }

        // Reflection: Γ(x) = π / (sin(πx) Γ(1-x)).
        var sine = Math.Sin(Math.PI * x);
        sign = Math.Sign(sine);
        return Math.Log(Math.PI) - Math.Log(Math.Abs(sine)) - SpecialFunctions.GammaLn(1 - x);
    }
}
