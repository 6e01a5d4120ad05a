namespace Rekindle.Models;

/// <summary>
/// Expected purchases in the next t periods of a BG/NBD or MBG/NBD customer known to be alive, whose purchase rate
/// is λ ~ Gamma(shape, rate) and drop-out probability after each purchase p ~ Beta(a, b) (posteriors of an observed
/// customer, or the priors of a new one): H = E_p[(1 - (rate/(rate + p t))^shape) / p]
/// = (a+b-1)/(a-1) [1 - (rate/(rate+t))^shape ₂F₁(shape, b; a+b-1; z)], z = t/(rate+t) (Fader, Hardie &amp; Lee 2005, eq. 10).
/// </summary>
/// <remarks>
/// With Euler's transformation and (a-1)ₙ = (a-1)(a)ₙ₋₁ the bracket divided by a-1 becomes
/// (1 - (1-z)^(a-1))/(a-1) - (1-z)^(a-1) S, S = Σₙ≥₁ (c-shape)ₙ (a)ₙ₋₁ / ((c)ₙ n!) zⁿ with c = a+b-1, which is finite at
/// a = 1 (the published form is 0/0 there) and whose terms do not grow with the number of purchases. When c &lt; 1/2
/// (only possible with no purchases and a+b &lt; 3/2) the identity H(a,b) = E[1-(rate/(rate+pt))^shape] + b/(a+b) H(a,b+1)
/// moves c away from the poles of the series. For a &gt; 20 (a concentrated drop-out probability, where the two parts
/// cancel) the expectation is integrated over logit(p) instead. Every result is clamped to [0, t·shape/rate], the
/// expected purchases without drop-out, so it is finite whatever the parameters.
/// </remarks>
internal static class AliveExpectation
{
    /// <summary>Above this a the Beta(a, b) posterior is concentrated enough for quadrature, and the series cancels.</summary>
    private const double ConcentratedA = 20;

    public static double Expected(double shape, double rate, double a, double b, double t)
    {
        if (!(t > 0))
        {
            return 0;
        }

        var ceiling = shape / rate * t;
        if (a > ConcentratedA && b >= 0.5)
        {
            return Math.Clamp(Quadrature(shape, rate, a, b, t), 0, ceiling);
        }

        var logOneMinusZ = -LogMath.Log1p(t / rate);
        var z = t / (rate + t);
        var c = a + b - 1;
        if (c < 0.5)
        {
            // 1 - (1-z)^a ₂F₁(a+b-shape, a; a+b; z), then the shifted H.
            var firstPart = OneMinusPowerTimesSeries(a, a + b - shape, a, a + b, z, logOneMinusZ);
            return Math.Clamp(Math.Max(0, firstPart) + (b / (a + b) * Expected(shape, rate, a, b + 1, t)), 0, ceiling);
        }

        var head = LogMath.OneMinusExpOverEpsilon(a - 1, -logOneMinusZ);
        var tail = ScaledTail(c - shape, a, c, z, (a - 1) * logOneMinusZ);
        var value = c * (head - tail);
        return double.IsFinite(value) ? Math.Clamp(value, 0, ceiling) : ceiling;
    }

    /// <summary>
    /// E_p[g(p)] by the trapezoid rule in u = logit(p) (spectrally accurate for a smooth, fast-decaying integrand), for
    /// large a, where p is concentrated and the series' terms cancel: density p^a (1-p)^b / B(a, b) in u.
    /// </summary>
    private static double Quadrature(double shape, double rate, double a, double b, double t)
    {
        const int Points = 400;
        var mode = Math.Log(a / b);
        var width = Math.Sqrt((1 / a) + (1 / b));
        var step = 80 * width / Points;
        var logBeta = MathNet.Numerics.SpecialFunctions.BetaLn(a, b);
        var sum = 0.0;
        for (var k = 0; k <= Points; k++)
        {
            var u = mode - (40 * width) + (k * step);
            var logP = -LogMath.Log1pExp(-u);
            var logQ = -LogMath.Log1pExp(u);
            var p = Math.Exp(logP);
            var g = -LogMath.ExpM1(-shape * LogMath.Log1p(p * t / rate)) / p;
            sum += (k == 0 || k == Points ? 0.5 : 1) * g * Math.Exp((a * logP) + (b * logQ) - logBeta);
        }

        return sum * step;
    }

    /// <summary>e^logFactor · Σₙ≥₁ (u)ₙ (v)ₙ₋₁ / ((w)ₙ n!) zⁿ, computed in log space.</summary>
    private static double ScaledTail(double u, double v, double w, double z, double logFactor)
    {
        if (u == 0)
        {
            return 0;
        }

        var series = SeriesSum.Sum(u + 1, v, w + 1, 2, z);
        var lead = u * z / w;
        var sign = Math.Sign(lead) * series.Sign;
        return sign == 0 ? 0 : sign * Math.Exp(logFactor + Math.Log(Math.Abs(lead)) + series.LogAbs);
    }

    /// <summary>1 - (1-z)^e ₂F₁(u, e; w; z) = -expm1(e·log(1-z)) - (1-z)^e Σₙ≥₁ (u)ₙ (e)ₙ / ((w)ₙ n!) zⁿ.</summary>
    private static double OneMinusPowerTimesSeries(double e, double u, double v, double w, double z, double logOneMinusZ)
    {
        // Σₙ≥₁ (u)ₙ (v)ₙ/((w)ₙ n!) zⁿ = (u v z / w) Σₘ≥₀ with ratio (u+1+m)(v+1+m)/((w+1+m)(2+m)) z.
        var lead = u * v * z / w;
        var tail = 0.0;
        if (lead != 0)
        {
            var series = SeriesSum.Sum(u + 1, v + 1, w + 1, 2, z);
            tail = Math.Sign(lead) * series.Sign * Math.Exp((e * logOneMinusZ) + Math.Log(Math.Abs(lead)) + series.LogAbs);
        }

        return -LogMath.ExpM1(e * logOneMinusZ) - tail;
    }
}
