using MathNet.Numerics;

namespace Rekindle.Models;

/// <summary>
/// The Pareto/NBD model (Schmittlein, Morrison &amp; Colombo 1987): while alive a customer buys as a Poisson process
/// with rate λ ~ Gamma(r, α) and has an exponential lifetime with rate μ ~ Gamma(s, β). The likelihood follows
/// Fader &amp; Hardie (2005, "A note on deriving the Pareto/NBD model and related expressions"); its ₂F₁ term is
/// computed by <see cref="ParetoIntegral"/>, accurate for thousands of purchases and for rate parameters far apart.
/// </summary>
public readonly record struct ParetoNbd(double R, double Alpha, double S, double Beta) : IPurchaseModel
{
    /// <summary>The parameter names, in the paper's order.</summary>
    public static readonly IReadOnlyList<string> Names = ["r", "alpha", "s", "beta"];

    /// <inheritdoc />
    public ModelKind Kind => ModelKind.ParetoNbd;

    /// <inheritdoc />
    public IReadOnlyList<KeyValuePair<string, double>> Parameters =>
        [new("r", R), new("alpha", Alpha), new("s", S), new("beta", Beta)];

    /// <summary>Builds the model from parameters in <see cref="Names"/> order.</summary>
    public static ParetoNbd From(ReadOnlySpan<double> values) => new(values[0], values[1], values[2], values[3]);

    /// <summary>
    /// L = Γ(r+x) α^r β^s / Γ(r) [(α+T)^-(r+x) (β+T)^-s + s ∫_{t_x}^{T} (α+τ)^-(r+x) (β+τ)^-(s+1) dτ]:
    /// alive at T, or died at some τ between the last purchase and T.
    /// </summary>
    public double LogLikelihood(double x, double tx, double T)
    {
        var common = SpecialFunctions.GammaLn(R + x) - SpecialFunctions.GammaLn(R) + (R * Math.Log(Alpha)) + (S * Math.Log(Beta));
        return common + LogMath.LogSumExp(LogAliveTerm(x, T), LogDeathTerm(x, tx, T));
    }

    /// <summary>P(alive) = alive term / (alive term + death term), the common factor cancelling.</summary>
    public double ProbabilityAlive(double x, double tx, double T) =>
        LogMath.InverseOnePlusExp(LogDeathTerm(x, tx, T) - LogAliveTerm(x, T));

    /// <summary>
    /// (r+x)(β+T) / ((α+T)(s-1)) [1 - ((β+T)/(β+T+t))^(s-1)] P(alive) (Schmittlein et al. 1987), continuous at s = 1.
    /// </summary>
    public double ExpectedPurchases(double x, double tx, double T, double horizon) =>
        ProbabilityAlive(x, tx, T) * ExpectedIfAlive(x, T, horizon);

    /// <inheritdoc />
    public CustomerScore Score(double x, double tx, double T, double horizon)
    {
        var alive = ProbabilityAlive(x, tx, T);
        return new CustomerScore(alive, alive * ExpectedIfAlive(x, T, horizon), 1 - (alive * BuyIfAlive(x, T, horizon)));
    }

    /// <summary>
    /// 1 - P(alive) ∫₀ᵗ E[λ e^-λu] E[e^-μu] du with the alive posteriors λ ~ Gamma(r+x, α+T), μ ~ Gamma(s, β+T):
    /// the chance that the next purchase comes before both death and T+t.
    /// </summary>
    public double ProbabilityNoPurchase(double x, double tx, double T, double horizon) =>
        1 - (ProbabilityAlive(x, tx, T) * BuyIfAlive(x, T, horizon));

    /// <summary>E[X(t)] = r β / (α (s-1)) [1 - (β/(β+t))^(s-1)], continuous at s = 1.</summary>
    public double ExpectedPurchasesNewCustomer(double t) =>
        R * Beta / Alpha * LogMath.OneMinusExpOverEpsilon(S - 1, LogMath.Log1p(t / Beta));

    internal double ExpectedIfAlive(double x, double T, double horizon) =>
        (R + x) * (Beta + T) / (Alpha + T) * LogMath.OneMinusExpOverEpsilon(S - 1, LogMath.Log1p(horizon / (Beta + T)));

    /// <summary>P(a purchase in (T, T+t] | alive) = ∫₀ᵗ E[λ e^-λu] E[e^-μu] du.</summary>
    internal double BuyIfAlive(double x, double T, double horizon)
    {
        if (!(horizon > 0))
        {
            return 0;
        }

        var a = Alpha + T;
        var b = Beta + T;
        var logBuy = Math.Log(R + x) + ((R + x) * Math.Log(a)) + (S * Math.Log(b)) + ParetoIntegral.Log(a, R + x + 1, b, S, 0, horizon);
        return Math.Min(1, Math.Exp(logBuy));
    }

    private double LogAliveTerm(double x, double T) => (-(R + x) * Math.Log(Alpha + T)) - (S * Math.Log(Beta + T));

    private double LogDeathTerm(double x, double tx, double T) =>
        Math.Log(S) + ParetoIntegral.Log(Alpha, R + x, Beta, S + 1, tx, T);
}
