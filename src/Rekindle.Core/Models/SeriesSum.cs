namespace Rekindle.Models;

/// <summary>A signed value held as log|v| and a sign, so sums far beyond double range stay finite.</summary>
internal readonly record struct LogSigned(double LogAbs, int Sign, bool Converged)
{
    public double Value => Sign * Math.Exp(LogAbs);
}

/// <summary>
/// Sums hypergeometric-type series Σ tₙ with t₀ = 1 and tₙ₊₁ / tₙ = (p₁+n)(p₂+n) / ((q₁+n)(q₂+n)) · z, rescaling as
/// it goes so that terms far beyond double range (a customer with thousands of purchases) neither overflow nor
/// lose the sum. Stops when the tail bound |tₙ|·ρ/(1-ρ), with ρ the larger of the current ratio and z (ratios tend
/// to z monotonically), falls below 1e-16 of the sum.
/// </summary>
internal static class SeriesSum
{
    /// <summary>Default cap on terms: about 36/(1-z) are needed, so this covers z up to 1 - 2e-5 to full precision.</summary>
    public const int DefaultMaximumTerms = 2_000_000;

    private const double Rescale = 1e-200;
    private static readonly double LogRescale = -Math.Log(Rescale);

    public static LogSigned Sum(double p1, double p2, double q1, double q2, double z, int maximumTerms = DefaultMaximumTerms)
    {
        double sum = 1, term = 1, logScale = 0;
        var converged = false;
        for (var n = 0; n < maximumTerms; n++)
        {
            var denominator = (q1 + n) * (q2 + n);
            if (denominator == 0)
            {
                throw new ArgumentException("The series has a pole: a lower parameter is a non-positive integer.");
            }

            var ratio = (p1 + n) * (p2 + n) / denominator * z;
            term *= ratio;
            sum += term;
            if (term == 0)
            {
                converged = true;
                break;
            }

            if (Math.Abs(term) > 1e200 || Math.Abs(sum) > 1e200)
            {
                term *= Rescale;
                sum *= Rescale;
                logScale += LogRescale;
            }

            var rho = Math.Max(Math.Abs(ratio), Math.Abs(z));
            if (rho < 1 && Math.Abs(term) * rho / (1 - rho) <= 1e-16 * Math.Abs(sum))
            {
                converged = true;
                break;
            }
        }

        return sum == 0
            ? new LogSigned(double.NegativeInfinity, 0, converged)
            : new LogSigned(logScale + Math.Log(Math.Abs(sum)), Math.Sign(sum), converged);
    }
}
