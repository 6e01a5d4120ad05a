using MathNet.Numerics;

namespace Rekindle.Models;

/// <summary>
/// The BG/NBD model (Fader, Hardie &amp; Lee 2005, "Counting your customers the easy way"): while alive a customer
/// buys as a Poisson process with rate λ ~ Gamma(r, α) and after each repeat purchase drops out with probability
/// p ~ Beta(a, b). A customer with no repeat purchase is alive by construction (P(alive) = 1).
/// </summary>
public readonly record struct BgNbd(double R, double Alpha, double A, double B) : IPurchaseModel
{
    /// <summary>The parameter names, in the paper's order.</summary>
    public static readonly IReadOnlyList<string> Names = ["r", "alpha", "a", "b"];

    /// <inheritdoc />
    public ModelKind Kind => ModelKind.BgNbd;

    /// <inheritdoc />
    public IReadOnlyList<KeyValuePair<string, double>> Parameters =>
        [new("r", R), new("alpha", Alpha), new("a", A), new("b", B)];

    /// <summary>Builds the model from parameters in <see cref="Names"/> order.</summary>
    public static BgNbd From(ReadOnlySpan<double> values) => new(values[0], values[1], values[2], values[3]);

    /// <summary>
    /// ln L = ln Γ(r+x) - ln Γ(r) + r ln α - ln B(a,b)
    /// + ln[B(a, b+x) (α+T)^-(r+x) + 1{x&gt;0} B(a+1, b+x-1) (α+t_x)^-(r+x)] (FHL 2005, eq. 6).
    /// </summary>
    public double LogLikelihood(double x, double tx, double T)
    {
        var common = SpecialFunctions.GammaLn(R + x) - SpecialFunctions.GammaLn(R) + (R * Math.Log(Alpha)) - SpecialFunctions.BetaLn(A, B);
        var alive = SpecialFunctions.BetaLn(A, B + x) - ((R + x) * Math.Log(Alpha + T));
        if (x <= 0)
        {
            return common + alive;
        }

        var dropped = SpecialFunctions.BetaLn(A + 1, B + x - 1) - ((R + x) * Math.Log(Alpha + tx));
        return common + LogMath.LogSumExp(alive, dropped);
    }

    /// <summary>P(alive) = 1 / (1 + 1{x&gt;0} a/(b+x-1) ((α+T)/(α+t_x))^(r+x)) (FHL 2005, eq. 11).</summary>
    public double ProbabilityAlive(double x, double tx, double T) =>
        x <= 0 ? 1 : LogMath.InverseOnePlusExp(LogOddsDead(x, tx, T));

    /// <summary>P(alive) × the expected purchases of an alive customer with posteriors Gamma(r+x, α+T), Beta(a, b+x) (FHL 2005, eq. 10).</summary>
    public double ExpectedPurchases(double x, double tx, double T, double horizon) =>
        ProbabilityAlive(x, tx, T) * AliveExpectation.Expected(R + x, Alpha + T, A, B + x, horizon);

    /// <inheritdoc />
    public CustomerScore Score(double x, double tx, double T, double horizon)
    {
        var alive = ProbabilityAlive(x, tx, T);
        return new CustomerScore(
            alive,
            alive * AliveExpectation.Expected(R + x, Alpha + T, A, B + x, horizon),
            1 - (alive * -LogMath.ExpM1(-(R + x) * LogMath.Log1p(horizon / (Alpha + T)))));
    }

    /// <summary>1 - P(alive) (1 - ((α+T)/(α+T+t))^(r+x)): an alive customer drops out only at a purchase.</summary>
    public double ProbabilityNoPurchase(double x, double tx, double T, double horizon) =>
        1 - (ProbabilityAlive(x, tx, T) * -LogMath.ExpM1(-(R + x) * LogMath.Log1p(horizon / (Alpha + T))));

    /// <summary>E[X(t)] = (a+b-1)/(a-1) [1 - (α/(α+t))^r ₂F₁(r, b; a+b-1; t/(α+t))] (FHL 2005, eq. 9).</summary>
    public double ExpectedPurchasesNewCustomer(double t) => AliveExpectation.Expected(R, Alpha, A, B, t);

    /// <summary>
    /// P(X(t) = n) for a new customer (FHL 2005, eq. 8): B(a,b+n)/B(a,b) NB(n; r, α/(α+t))
    /// + 1{n&gt;0} B(a+1,b+n-1)/B(a,b) P(NB ≥ n), the negative-binomial tail as a regularised incomplete beta.
    /// </summary>
    public double ProbabilityOfPurchases(int n, double t)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        var logBeta = SpecialFunctions.BetaLn(A, B);
        var logNb = SpecialFunctions.GammaLn(R + n) - SpecialFunctions.GammaLn(R) - SpecialFunctions.GammaLn(n + 1)
            + (R * (Math.Log(Alpha) - Math.Log(Alpha + t))) + (n == 0 ? 0 : n * (Math.Log(t) - Math.Log(Alpha + t)));
        var stay = Math.Exp(SpecialFunctions.BetaLn(A, B + n) - logBeta + logNb);
        if (n == 0 || !(t > 0))
        {
            return n == 0 ? stay : 0;
        }

        var tail = SpecialFunctions.BetaRegularized(n, R, t / (Alpha + t));
        return stay + (Math.Exp(SpecialFunctions.BetaLn(A + 1, B + n - 1) - logBeta) * tail);
    }

    /// <summary>ln[a/(b+x-1)] + (r+x) ln((α+T)/(α+t_x)), the log-odds of having dropped out.</summary>
    private double LogOddsDead(double x, double tx, double T) =>
        Math.Log(A) - Math.Log(B + x - 1) + ((R + x) * LogMath.Log1p((T - tx) / (Alpha + tx)));
}
