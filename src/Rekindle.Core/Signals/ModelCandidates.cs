using Rekindle.Backtest;
using Rekindle.Lifecycle;
using Rekindle.Models;
using Rekindle.Policies;

namespace Rekindle.Signals;

/// <summary>
/// A customer-base model as a backtest candidate: fitted at each as-of date on the purchases up to it, scoring
/// each account's probability of no purchase within the horizon. The call "will not buy" is a probability above
/// one half. A fit that drifted to the boundary is named as such, since it must not call accounts dormant.
/// </summary>
public sealed class ModelCandidate(ModelKind kind, TimeUnit unit) : IBacktestCandidate
{
    private string? note;

    public string Name => $"model {kind.Name()}{note}";

    public CandidateCalls Call(AccountBook book, DateOnly asOf, int horizonDays)
    {
        var scores = Scores(book, asOf, horizonDays, kind, unit, out var fit);
        note = fit.Usable ? null : $" (unusable fit: {string.Join("; ", fit.Warnings.DefaultIfEmpty(fit.Failure.ToString()))})";
        var lost = Array.ConvertAll(scores, p => p > 0.5);
        return new CandidateCalls(lost, scores, lost, Array.ConvertAll(scores, p => p <= 0.5));
    }

    /// <summary>P(no purchase within the horizon) per account (0 for accounts with no purchase yet), and the fit.</summary>
    public static double[] Scores(AccountBook book, DateOnly asOf, int horizonDays, ModelKind kind, TimeUnit unit, out FitResult fit)
    {
        var summaries = BookSummaries.From(book, asOf, unit);
        fit = ModelFitter.Fit(kind, summaries.Summaries);
        var result = new double[book.AccountCount];
        if (fit.Parameters.Count == 0)
        {
            return result;
        }

        var horizon = unit == TimeUnit.Weeks ? horizonDays / 7.0 : horizonDays;
        var scored = ModelScoring.Score(ModelFitter.CountModel(fit), summaries.Summaries, horizon);
        for (var i = 0; i < summaries.Accounts.Length; i++)
        {
            result[summaries.Accounts[i]] = scored.ProbabilityNoPurchase[i];
        }

        return result;
    }
}

/// <summary>
/// The model and the recency rule together: the mean of each account's percentile rank under the model's
/// probability of no purchase and under days-since-last-order over the cycle. It calls as many accounts lost as
/// the recency baseline does (the top of the combined ranking), so the two compare at the same call volume.
/// </summary>
public sealed class CombinedCandidate(ModelKind kind, TimeUnit unit, Policy policy) : IBacktestCandidate
{
    public string Name => $"combined: {kind.Name()} + recency";

    public CandidateCalls Call(AccountBook book, DateOnly asOf, int horizonDays)
    {
        var model = ModelCandidate.Scores(book, asOf, horizonDays, kind, unit, out _);
        var recency = new RecencyBaseline(policy.InactiveAfterCycles, policy).Call(book, asOf, horizonDays);
        var a = PercentRanks(model);
        var b = PercentRanks(recency.Score!);
        var combined = new double[book.AccountCount];
        for (var i = 0; i < combined.Length; i++)
        {
            combined[i] = (a[i] + b[i]) / 2;
        }

        var volume = recency.Lost.Count(x => x);
        var order = Enumerable.Range(0, combined.Length).OrderByDescending(i => combined[i]).ThenBy(i => i).ToArray();
        var lost = new bool[combined.Length];
        for (var i = 0; i < volume; i++)
        {
            lost[order[i]] = true;
        }

        return new CandidateCalls(lost, combined, lost, Array.ConvertAll(lost, x => !x));
    }

    private static double[] PercentRanks(double[] values)
    {
        var order = Enumerable.Range(0, values.Length).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Length];
        for (var i = 0; i < order.Length;)
        {
            var j = i;
            while (j < order.Length && values[order[j]].Equals(values[order[i]]))
            {
                j++;
            }

            var rank = (i + j - 1) / 2.0 / Math.Max(1, values.Length - 1);
            for (var k = i; k < j; k++)
            {
                ranks[order[k]] = rank;
            }

            i = j;
        }

        return ranks;
    }
}
