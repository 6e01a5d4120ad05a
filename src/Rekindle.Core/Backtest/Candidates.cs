using Rekindle.Lifecycle;
using Rekindle.Policies;

namespace Rekindle.Backtest;

/// <summary>
/// One candidate's calls at one date, per account: "will not buy within the horizon", an optional score
/// (higher: more likely lost), and which accounts it would call dormant and active.
/// </summary>
public sealed record CandidateCalls(bool[] Lost, double[]? Score, bool[] Dormant, bool[] Active);

/// <summary>A signal the backtest scores: a policy's statuses, a plain recency rule, a model, or a mix.</summary>
public interface IBacktestCandidate
{
    string Name { get; }

    CandidateCalls Call(AccountBook book, DateOnly asOf, int horizonDays);
}

/// <summary>A policy's statuses: inactive or dormant is the call "will not buy"; dormant and active as they are.</summary>
public sealed class PolicyCandidate(string name, Policy policy) : IBacktestCandidate
{
    public string Name { get; } = name;

    public CandidateCalls Call(AccountBook book, DateOnly asOf, int horizonDays)
    {
        var result = LifecycleEngine.Classify(book, policy, asOf);
        var n = book.AccountCount;
        var lost = new bool[n];
        var dormant = new bool[n];
        var active = new bool[n];
        for (var a = 0; a < n; a++)
        {
            var s = result[a].Status;
            lost[a] = s is LifecycleStatus.Inactive or LifecycleStatus.Dormant;
            dormant[a] = s == LifecycleStatus.Dormant;
            active[a] = s == LifecycleStatus.Active;
        }

        return new CandidateCalls(lost, null, dormant, active);
    }
}

/// <summary>
/// The plain baseline: no order for more than k times the account's buying cycle. The score is days since the
/// last order divided by the cycle, so the AUC says how well recency alone ranks accounts.
/// </summary>
public sealed class RecencyBaseline(double cycles, Policy policy) : IBacktestCandidate
{
    public string Name => $"baseline: no order for {cycles:0.0#} x cycle";

    public CandidateCalls Call(AccountBook book, DateOnly asOf, int horizonDays)
    {
        var result = LifecycleEngine.Classify(book, policy, asOf);
        var n = book.AccountCount;
        var lost = new bool[n];
        var score = new double[n];
        var active = new bool[n];
        for (var a = 0; a < n; a++)
        {
            var c = result[a];
            if (c.DaysSinceLastOrder(asOf.DayNumber) is not { } days)
            {
                continue;
            }

            score[a] = days / Math.Max(1.0, c.CycleDays);
            lost[a] = score[a] > cycles;
            active[a] = !lost[a];
        }

        return new CandidateCalls(lost, score, lost, active);
    }
}

/// <summary>Runs candidates over a series of as-of dates and scores each against what happened next.</summary>
public static class BacktestRunner
{
    public static IReadOnlyList<CallScore> Run(AccountBook book, IReadOnlyList<IBacktestCandidate> candidates, IReadOnlyList<DateOnly> dates, int horizonDays, Policy basePolicy)
    {
        var scores = new List<CallScore>();
        foreach (var date in dates)
        {
            var truth = Outcomes.LostWithin(book, date, horizonDays);
            var base_ = LifecycleEngine.Classify(book, basePolicy, date);
            var eligible = new bool[book.AccountCount];
            var days = new int[book.AccountCount];
            for (var a = 0; a < eligible.Length; a++)
            {
                if (base_[a].Exists && base_[a].DaysSinceLastOrder(date.DayNumber) is { } d)
                {
                    eligible[a] = true;
                    days[a] = d;
                }
            }

            foreach (var candidate in candidates)
            {
                var calls = candidate.Call(book, date, horizonDays);
                scores.Add(CallScore.Of(candidate.Name, date, eligible, calls.Lost, truth, calls.Score ?? [], calls.Dormant, calls.Active, days));
            }
        }

        return scores;
    }
}
