using MathNet.Numerics;

namespace Rekindle.Models;

/// <summary>
/// The MBG/NBD model (Batislam, Denizel &amp; Filiztekin 2007; BTYDplus' mbgnbd): the BG/NBD with a drop-out chance
/// p ~ Beta(a, b) also right after the first purchase, so a customer with no repeat purchase can be inactive
/// (unlike the BG/NBD, where such a customer is always alive).
/// </summary>
public readonly record struct MbgNbd(double R, double Alpha, double A, double B) : IPurchaseModel
{
    /// <summary>The parameter names, in the paper's order.</summary>
    public static readonly IReadOnlyList<string> Names = ["r", "alpha", "a", "b"];

    /// <inheritdoc />
    public ModelKind Kind => ModelKind.MbgNbd;

    /// <inheritdoc />
    public IReadOnlyList<KeyValuePair<string, double>> Parameters =>
        [new("r", R), new("alpha", Alpha), new("a", A), new("b", B)];

    /// <summary>Builds the model from parameters in <see cref="Names"/> order.</summary>
    public static MbgNbd From(ReadOnlySpan<double> values) => new(values[0], values[1], values[2], values[3]);

    /// <summary>
    /// ln L = ln Γ(r+x) - ln Γ(r) + r ln α - ln B(a,b)
    /// + ln[B(a, b+x+1) (α+T)^-(r+x) + B(a+1, b+x) (α+t_x)^-(r+x)] (Batislam et al. 2007).
    /// </summary>
    public double LogLikelihood(double x, double tx, double T)
    {
        var common = SpecialFunctions.GammaLn(R + x) - SpecialFunctions.GammaLn(R) + (R * Math.Log(Alpha)) - SpecialFunctions.BetaLn(A, B);
        var alive = SpecialFunctions.BetaLn(A, B + x + 1) - ((R + x) * Math.Log(Alpha + T));
        var dropped = SpecialFunctions.BetaLn(A + 1, B + x) - ((R + x) * Math.Log(Alpha + tx));
        return common + LogMath.LogSumExp(alive, dropped);
    }

    /// <summary>P(alive) = 1 / (1 + a/(b+x) ((α+T)/(α+t_x))^(r+x)), for every x including 0.</summary>
    public double ProbabilityAlive(double x, double tx, double T) =>
        LogMath.InverseOnePlusExp(Math.Log(A) - Math.Log(B + x) + ((R + x) * LogMath.Log1p((T - tx) / (Alpha + tx))));

    /// <summary>
    /// P(alive) × the expected purchases of an alive customer with posteriors Gamma(r+x, α+T), Beta(a, b+x+1):
    /// (a+b+x)/(a-1) [1 - ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x+1; a+b+x; t/(α+T+t))] P(alive).
    /// </summary>
    public double ExpectedPurchases(double x, double tx, double T, double horizon) =>
        ProbabilityAlive(x, tx, T) * AliveExpectation.Expected(R + x, Alpha + T, A, B + x + 1, horizon);

    /// <inheritdoc />
    public CustomerScore Score(double x, double tx, double T, double horizon)
    {
        var alive = ProbabilityAlive(x, tx, T);
        return new CustomerScore(
            alive,
            alive * AliveExpectation.Expected(R + x, Alpha + T, A, B + x + 1, horizon),
            1 - (alive * -LogMath.ExpM1(-(R + x) * LogMath.Log1p(horizon / (Alpha + T)))));
    }

    /// <summary>1 - P(alive) (1 - ((α+T)/(α+T+t))^(r+x)): an alive customer drops out only at a purchase.</summary>
    public double ProbabilityNoPurchase(double x, double tx, double T, double horizon) =>
        1 - (ProbabilityAlive(x, tx, T) * -LogMath.ExpM1(-(R + x) * LogMath.Log1p(horizon / (Alpha + T))));

    /// <summary>E[X(t)] = b/(a-1) [1 - (α/(α+t))^r ₂F₁(r, b+1; a+b; t/(α+t))]: survive the first drop-out chance, then BG/NBD with b+1.</summary>
    public double ExpectedPurchasesNewCustomer(double t) => B / (A + B) * AliveExpectation.Expected(R, Alpha, A, B + 1, t);
}
