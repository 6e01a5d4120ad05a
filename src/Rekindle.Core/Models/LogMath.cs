namespace Rekindle.Models;

/// <summary>
/// Small log-space helpers shared by the customer-base models: every likelihood and probability is computed
/// from logarithms so that customers with thousands of purchases or very long histories never overflow.
/// </summary>
internal static class LogMath
{
    /// <summary>log(e^a + e^b) without overflow; either argument may be negative infinity.</summary>
    public static double LogSumExp(double a, double b)
    {
        if (double.IsNegativeInfinity(a))
        {
            return b;
        }

        if (double.IsNegativeInfinity(b))
        {
            return a;
        }

        return a > b ? a + Log1p(Math.Exp(b - a)) : b + Log1p(Math.Exp(a - b));
    }

    /// <summary>log(1 + e^u), the "softplus", stable for large |u|.</summary>
    public static double Log1pExp(double u) => u > 0 ? u + Log1p(Math.Exp(-u)) : Log1p(Math.Exp(u));

    /// <summary>1 / (1 + e^u), stable for large |u| (the form every P(alive) takes).</summary>
    public static double InverseOnePlusExp(double u) => u > 0 ? Math.Exp(-u) / (1 + Math.Exp(-u)) : 1 / (1 + Math.Exp(u));

    /// <summary>log(e^a - e^b) for a ≥ b; negative infinity when the two are equal (an empty interval).</summary>
    public static double LogDiffExp(double a, double b)
    {
        if (double.IsNegativeInfinity(b))
        {
            return a;
        }

        var d = b - a;
        return d >= 0 ? double.NegativeInfinity : a + Math.Log(-ExpM1(d));
    }

    /// <summary>e^x - 1, accurate near zero (Kahan's trick; the framework's double.ExpM1 is not).</summary>
    public static double ExpM1(double x)
    {
        if (Math.Abs(x) < 1e-5)
        {
            return x + (x * x / 2) + (x * x * x / 6);
        }

        var u = Math.Exp(x);
        if (u == 1.0)
        {
            return x;
        }

        var um1 = u - 1.0;
        return um1 == -1.0 || double.IsPositiveInfinity(u) ? um1 : um1 * x / Math.Log(u);
    }

    /// <summary>log(1 + x), accurate near zero (Kahan's trick).</summary>
    public static double Log1p(double x)
    {
        var u = 1.0 + x;
        return u == 1.0 ? x : Math.Log(u) * x / (u - 1.0);
    }

    /// <summary>(1 - e^(-εℓ)) / ε, continuous at ε = 0 where it is ℓ.</summary>
    public static double OneMinusExpOverEpsilon(double epsilon, double ell)
    {
        var product = epsilon * ell;
        return Math.Abs(product) < 1e-10 ? ell * (1 - product / 2) : -ExpM1(-product) / epsilon;
    }
}
