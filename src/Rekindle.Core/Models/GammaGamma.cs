using MathNet.Numerics;

namespace Rekindle.Models;

/// <summary>
/// The Gamma-Gamma model of spend per transaction (Fader &amp; Hardie 2013, note 025, after Colombo &amp; Jiang 1999):
/// each transaction's value is Gamma(p, ν) with ν ~ Gamma(q, γ) across customers, so a customer's mean spend over
/// x transactions, m_x, is Gamma(p x, ν x). Fitted on customers with x ≥ 1 repeat purchases and their mean spend.
/// </summary>
public readonly record struct GammaGamma(double P, double Q, double Gamma)
{
    /// <summary>The parameter names, in the note's order (γ is "v" in some software).</summary>
    public static readonly IReadOnlyList<string> Names = ["p", "q", "gamma"];

    /// <summary>The parameters by name.</summary>
    public IReadOnlyList<KeyValuePair<string, double>> Parameters => [new("p", P), new("q", Q), new("gamma", Gamma)];

    /// <summary>Builds the model from parameters in <see cref="Names"/> order.</summary>
    public static GammaGamma From(ReadOnlySpan<double> values) => new(values[0], values[1], values[2]);

    /// <summary>Whether the population mean spend p γ / (q - 1) is finite (q &gt; 1).</summary>
    public bool HasFiniteMean => Q > 1;

    /// <summary>E[spend per transaction] for a customer with no repeat purchase: p γ / (q - 1).</summary>
    public double PopulationMeanSpend => HasFiniteMean
        ? P * Gamma / (Q - 1)
        : throw new InvalidOperationException("The Gamma-Gamma fit has q <= 1: the population mean spend is infinite.");

    /// <summary>
    /// ln f(m_x | x) = ln Γ(px+q) - ln Γ(px) - ln Γ(q) + q ln γ + (px-1) ln m_x + px ln x - (px+q) ln(γ + x m_x).
    /// </summary>
    public double LogLikelihood(double x, double meanSpend)
    {
        var px = P * x;
        return SpecialFunctions.GammaLn(px + Q) - SpecialFunctions.GammaLn(px) - SpecialFunctions.GammaLn(Q)
            + (Q * Math.Log(Gamma)) + ((px - 1) * Math.Log(meanSpend)) + (px * Math.Log(x))
            - ((px + Q) * Math.Log(Gamma + (x * meanSpend)));
    }

    /// <summary>
    /// E[spend per transaction | x, m_x] = p (γ + x m_x) / (p x + q - 1): a weighted mean of the population mean and
    /// the customer's own mean (note 025, eq. 5); the population mean when x = 0.
    /// </summary>
    public double ExpectedSpend(double x, double meanSpend) =>
        x <= 0 ? PopulationMeanSpend : P * (Gamma + (x * meanSpend)) / ((P * x) + Q - 1);
}
