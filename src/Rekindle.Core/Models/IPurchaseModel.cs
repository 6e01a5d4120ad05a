namespace Rekindle.Models;

/// <summary>
/// A fitted "buy till you die" purchase-count model scoring one customer from its summary: x repeat purchases, the
/// last at t_x, observed for T periods since the first purchase (all in the summary's time unit). Every method works
/// in log space and returns finite values for any x ≥ 0, 0 ≤ t_x ≤ T and horizon t ≥ 0.
/// </summary>
public interface IPurchaseModel
{
    /// <summary>Which model this is.</summary>
    ModelKind Kind { get; }

    /// <summary>The parameters by name, in the order the papers list them.</summary>
    IReadOnlyList<KeyValuePair<string, double>> Parameters { get; }

    /// <summary>The log-likelihood of one customer's (x, t_x, T).</summary>
    double LogLikelihood(double x, double tx, double T);

    /// <summary>P(the customer is still alive at T | x, t_x, T).</summary>
    double ProbabilityAlive(double x, double tx, double T);

    /// <summary>E[purchases in (T, T+t] | x, t_x, T], the conditional expectation.</summary>
    double ExpectedPurchases(double x, double tx, double T, double horizon);

    /// <summary>P(no purchase in (T, T+t] | x, t_x, T): dead, or alive and not buying.</summary>
    double ProbabilityNoPurchase(double x, double tx, double T, double horizon);

    /// <summary>E[X(t)]: expected repeat purchases in the first t periods of a newly acquired customer.</summary>
    double ExpectedPurchasesNewCustomer(double t);

    /// <summary>P(alive), expected purchases and P(no purchase) over the horizon at once (P(alive) computed once).</summary>
    CustomerScore Score(double x, double tx, double T, double horizon);
}

/// <summary>One customer's model scores over a horizon.</summary>
public readonly record struct CustomerScore(double ProbabilityAlive, double ExpectedPurchases, double ProbabilityNoPurchase);
