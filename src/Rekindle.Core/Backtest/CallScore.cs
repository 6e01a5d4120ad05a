namespace Rekindle.Backtest;

/// <summary>
/// How well a signal called "will not buy within the horizon" at one as-of date, against what happened next.
/// Rates are over the accounts the call was made for (accounts with at least one booked order by the date); a rate
/// with no denominator (no account called, none lost) is null, never 0.
/// </summary>
public sealed record CallScore(
    string Candidate,
    DateOnly AsOf,
    int Accounts,
    int CalledLost,
    int TrulyLost,
    double? Precision,
    double? Recall,
    double? F1,
    double? Auc,
    double? FalseDormancyRate,
    double? MissedLapseRate,
    double? MedianLeadDays)
{
    /// <summary>
    /// Scores one candidate's calls. <paramref name="lost"/> is the truth (no booked order within the horizon);
    /// <paramref name="score"/>, when given, ranks accounts (higher: more likely lost) for the AUC;
    /// <paramref name="dormant"/> and <paramref name="active"/> mark the accounts the candidate called dormant and
    /// active, for the false-dormancy and missed-lapse rates; <paramref name="daysSinceLastOrder"/> gives the lead time.
    /// </summary>
    public static CallScore Of(
        string candidate,
        DateOnly asOf,
        ReadOnlySpan<bool> eligible,
        ReadOnlySpan<bool> called,
        ReadOnlySpan<bool> lost,
        ReadOnlySpan<double> score,
        ReadOnlySpan<bool> dormant,
        ReadOnlySpan<bool> active,
        ReadOnlySpan<int> daysSinceLastOrder)
    {
        int n = 0, tp = 0, fp = 0, fn = 0, dormantCalls = 0, dormantBought = 0, activeCalls = 0, activeLost = 0;
        var leads = new List<int>();
        for (var i = 0; i < eligible.Length; i++)
        {
            if (!eligible[i])
            {
                continue;
            }

            n++;
            if (called[i] && lost[i])
            {
                tp++;
                leads.Add(daysSinceLastOrder[i]);
            }
            else if (called[i])
            {
                fp++;
            }
            else if (lost[i])
            {
                fn++;
            }

            if (dormant[i])
            {
                dormantCalls++;
                dormantBought += lost[i] ? 0 : 1;
            }

            if (active[i])
            {
                activeCalls++;
                activeLost += lost[i] ? 1 : 0;
            }
        }

        var precision = Ratio(tp, tp + fp);
        var recall = Ratio(tp, tp + fn);
        double? f1 = precision is not { } p || recall is not { } r ? null : p + r == 0 ? 0 : 2 * p * r / (p + r);
        double? median = null;
        if (leads.Count > 0)
        {
            leads.Sort();
            median = leads.Count % 2 == 1 ? leads[leads.Count / 2] : (leads[(leads.Count / 2) - 1] + leads[leads.Count / 2]) / 2.0;
        }

        return new CallScore(candidate, asOf, n, tp + fp, tp + fn, precision, recall, f1,
            score.IsEmpty ? null : AreaUnderCurve(eligible, lost, score),
            Ratio(dormantBought, dormantCalls), Ratio(activeLost, activeCalls), median);
    }

    /// <summary>The area under the ROC curve: the chance a lost account scores above a kept one (ties count half).</summary>
    public static double? AreaUnderCurve(ReadOnlySpan<bool> eligible, ReadOnlySpan<bool> lost, ReadOnlySpan<double> score)
    {
        var items = new List<(double Score, bool Lost)>();
        for (var i = 0; i < eligible.Length; i++)
        {
            if (eligible[i])
            {
                items.Add((score[i], lost[i]));
            }
        }

        var positives = items.Count(x => x.Lost);
        var negatives = items.Count - positives;
        if (positives == 0 || negatives == 0)
        {
            return null;
        }

        items.Sort((a, b) => a.Score.CompareTo(b.Score));
        double rankSum = 0;
        for (var i = 0; i < items.Count;)
        {
            var j = i;
            while (j < items.Count && items[j].Score.Equals(items[i].Score))
            {
                j++;
            }

            var averageRank = (i + 1 + j) / 2.0;
            for (var k = i; k < j; k++)
            {
                rankSum += items[k].Lost ? averageRank : 0;
            }

            i = j;
        }

        return (rankSum - (positives * (positives + 1) / 2.0)) / ((double)positives * negatives);
    }

    private static double? Ratio(int a, int b) => b == 0 ? null : (double)a / b;
}
