using MathNet.Numerics.Distributions;

namespace Rekindle.Reactivation;

/// <summary>An interval estimate: a point estimate with lower and upper bounds at a confidence level.</summary>
public readonly record struct Interval(double Estimate, double Lower, double Upper, double Confidence)
{
    public bool Contains(double value) => Lower <= value && value <= Upper;
}

/// <summary>
/// Confidence intervals for proportions and their difference. The uplift interval is Newcombe's hybrid score interval
/// (Newcombe 1998, "Interval estimation for the difference between independent proportions", method 10): it combines
/// the Wilson score intervals of the two rates. Chosen over Wald because Wald undercovers with small groups or rates
/// near 0 (a control of a few dozen accounts reactivating at a few percent is the normal case here) and can leave
/// [-1, 1]; Newcombe's interval keeps close to its nominal coverage there and never does.
/// </summary>
public static class Proportions
{
    public const double DefaultConfidence = 0.95;

    /// <summary>The two-sided normal quantile for a confidence level (1.959964 for 95%).</summary>
    public static double Z(double confidence)
    {
        if (!(confidence > 0 && confidence < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "must be in (0, 1)");
        }

        return Normal.InvCDF(0, 1, 1 - ((1 - confidence) / 2));
    }

    /// <summary>The Wilson score interval of <paramref name="successes"/> out of <paramref name="trials"/> (no continuity correction).</summary>
    public static Interval Wilson(int successes, int trials, double confidence = DefaultConfidence)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(trials);
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, trials);
        var z = Z(confidence);
        var n = (double)trials;
        var p = successes / n;
        var z2 = z * z;
        var denominator = 1 + (z2 / n);
        var centre = (p + (z2 / (2 * n))) / denominator;
        var half = z / denominator * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n)));
        return new Interval(p, Math.Max(0, centre - half), Math.Min(1, centre + half), confidence);
    }

    /// <summary>
    /// Newcombe's hybrid score interval for p1 - p2 (group 1: x1 of n1, group 2: x2 of n2), from the Wilson intervals
    /// (l1, u1) and (l2, u2): lower = d - sqrt((p1 - l1)^2 + (u2 - p2)^2), upper = d + sqrt((u1 - p1)^2 + (p2 - l2)^2).
    /// Null when a group is empty.
    /// </summary>
    public static Interval? NewcombeDifference(int x1, int n1, int x2, int n2, double confidence = DefaultConfidence)
    {
        if (n1 <= 0 || n2 <= 0)
        {
            return null;
        }

        var a = Wilson(x1, n1, confidence);
        var b = Wilson(x2, n2, confidence);
        var d = a.Estimate - b.Estimate;
        var lower = d - Math.Sqrt(Square(a.Estimate - a.Lower) + Square(b.Upper - b.Estimate));
        var upper = d + Math.Sqrt(Square(a.Upper - a.Estimate) + Square(b.Estimate - b.Lower));
        return new Interval(d, lower, upper, confidence);
    }

    private static double Square(double x) => x * x;
}
