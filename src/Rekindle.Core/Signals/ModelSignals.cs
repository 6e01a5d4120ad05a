using Rekindle.Lifecycle;
using Rekindle.Models;

namespace Rekindle.Signals;

/// <summary>
/// What the policy's customer-base model says of every account as of the classification date: P(alive), the
/// probability of no purchase and the expected orders within the horizon, and the expected value of those orders
/// (expected orders times the Gamma-Gamma expected spend, or the account's own mean spend when that fit is not
/// usable). An account the rules call active is flagged slipping when its P(alive) is below the policy's
/// threshold — only when the count model's fit is usable, since a boundary fit has no drop-out to speak of.
/// Arrays are index-aligned with the book; accounts with no purchase by the date are not scored.
/// </summary>
public sealed record ModelSignals(
    FitResult Fit,
    FitResult? SpendFit,
    int HorizonDays,
    bool[] Scored,
    double[] ProbabilityAlive,
    double[] ProbabilityNoPurchase,
    double[] ExpectedOrders,
    decimal[] ExpectedValue,
    bool[] Slipping)
{
    /// <summary>The signals of the policy's model, or null when the policy enables none.</summary>
    public static ModelSignals? Compute(BookClassification classification)
    {
        var policy = classification.Policy;
        if (policy.SignalModel is not { } kind)
        {
            return null;
        }

        var book = classification.Book;
        var n = book.AccountCount;
        var summaries = BookSummaries.From(book, classification.AsOf, TimeUnit.Weeks);
        var fit = ModelFitter.Fit(kind, summaries.Summaries);
        var scored = new bool[n];
        var alive = new double[n];
        var none = new double[n];
        var orders = new double[n];
        var value = new decimal[n];
        var slipping = new bool[n];
        if (fit.Parameters.Count == 0)
        {
            return new ModelSignals(fit, null, policy.ModelHorizonDays, scored, alive, none, orders, value, slipping);
        }

        var scores = ModelScoring.Score(ModelFitter.CountModel(fit), summaries.Summaries, policy.ModelHorizonDays / 7.0);
        var spendFit = ModelFitter.Fit(ModelKind.GammaGamma, summaries.Summaries);
        var spend = spendFit.Usable
            ? ModelScoring.ExpectedSpend(ModelFitter.SpendModel(spendFit), summaries.Summaries)
            : summaries.Summaries.MeanSpend!;
        var threshold = (double)policy.SlippingAliveBelow;
        for (var i = 0; i < summaries.Accounts.Length; i++)
        {
            var a = summaries.Accounts[i];
            scored[a] = true;
            alive[a] = scores.ProbabilityAlive[i];
            none[a] = scores.ProbabilityNoPurchase[i];
            orders[a] = scores.ExpectedPurchases[i];
            value[a] = decimal.Round((decimal)(orders[a] * spend[i]), 2);
            slipping[a] = fit.Usable && classification[a].Status == LifecycleStatus.Active && alive[a] < threshold;
        }

        return new ModelSignals(fit, spendFit, policy.ModelHorizonDays, scored, alive, none, orders, value, slipping);
    }

    /// <summary>Lapsed accounts (passive, inactive, dormant) by expected value at stake, largest first.</summary>
    public IEnumerable<int> LapsedByValueAtStake(BookClassification classification) =>
        Enumerable.Range(0, ExpectedValue.Length)
            .Where(a => Scored[a] && classification[a].Exists && classification[a].Status.IsLapsed())
            .OrderByDescending(a => ExpectedValue[a])
            .ThenBy(a => a);

    /// <summary>The model's words for one account, appended to its reasons.</summary>
    public string Explain(int account, BookClassification classification)
    {
        if (!Scored[account])
        {
            return "";
        }

        var text = FormattableString.Invariant(
            $"model {Fit.Model.Name()}: P(alive) {ProbabilityAlive[account]:0.00}, P(no purchase in {HorizonDays} days) {ProbabilityNoPurchase[account]:0.00}");
        return Slipping[account]
            ? text + FormattableString.Invariant($"; slipping: active by the rules but P(alive) {ProbabilityAlive[account]:0.00} < {classification.Policy.SlippingAliveBelow}")
            : text;
    }
}
