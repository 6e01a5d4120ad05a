using Rekindle.Lifecycle;
using Rekindle.Policies;

namespace Rekindle.Pool;

/// <summary>An account that is dormant as of the sweep date, and the first day of its current dormant run.</summary>
public readonly record struct DormancyFact(string AccountId, DateOnly DormantSince);

/// <summary>
/// How long an account has been dormant. Days dormant as of D are <c>D - dormantSince</c> (whole calendar days,
/// 0 on the first dormant day), where dormantSince is the first day of the account's current dormant run.
/// <para>
/// <see cref="Since"/> derives it from a classification: the first day on which the account's present facts
/// (last order, last counted engagement, last closed opportunity, first order) and its present lapse threshold
/// satisfy every dormancy rule, that is the latest of: last order + max(dormantAfterDays, floor(threshold)) + 1;
/// first order + newAccountDays + 1; last engagement + engagementWindowDays + 1; last close + dormantPipelineDays.
/// Nothing happened on the account since then (else it would not be dormant now), so this is exact when the buying
/// cycle is pinned, and an estimate under today's cycle when the cycle is measured (cycles drift as orders leave
/// the window). <see cref="FromHistory"/> takes it from a status history instead, at the history's step.
/// </para>
/// </summary>
public static class DormancyClock
{
    /// <summary>The first day of the current dormant run, or null when the account is not dormant.</summary>
    public static DateOnly? Since(in AccountClassification account, Policy policy)
    {
        if (!account.Exists || account.Status != LifecycleStatus.Dormant)
        {
            return null;
        }

        var m = account.Measures;
        var lapse = (int)Math.Min(Math.Floor(account.LapseThresholdDays), int.MaxValue / 4);
        var day = m.LastOrderDay + Math.Max(policy.DormantAfterDays, lapse) + 1;
        day = Math.Max(day, m.FirstOrderDay + policy.NewAccountDays + 1);
        if (m.LastEngagementDay != AccountBook.NoDay)
        {
            day = Math.Max(day, m.LastEngagementDay + policy.EngagementWindowDays + 1);
        }

        if (m.LastOpportunityClosedDay != AccountBook.NoDay)
        {
            day = Math.Max(day, m.LastOpportunityClosedDay + policy.DormantPipelineDays);
        }

        return DateOnly.FromDayNumber(day);
    }

    /// <summary>Every dormant account of a classification with <see cref="Since"/>, in book order.</summary>
    public static IReadOnlyList<DormancyFact> Facts(BookClassification classification)
    {
        var facts = new List<DormancyFact>();
        for (var a = 0; a < classification.Accounts.Count; a++)
        {
            if (Since(classification[a], classification.Policy) is { } since)
            {
                facts.Add(new DormancyFact(classification.Book.Accounts[a].Id, since));
            }
        }

        return facts;
    }

    /// <summary>
    /// Every account dormant at the history's last date, with the first date of its trailing dormant run in the
    /// history. An account dormant at every date gets the first date: a lower bound on how long it has been dormant.
    /// </summary>
    public static IReadOnlyList<DormancyFact> FromHistory(ClassificationHistory history)
    {
        var facts = new List<DormancyFact>();
        var last = history.Dates.Count - 1;
        for (var a = 0; last >= 0 && a < history.Book.AccountCount; a++)
        {
            var i = last;
            while (i >= 0 && history.StatusAt(i, a) == LifecycleStatus.Dormant)
            {
                i--;
            }

            if (i < last)
            {
                facts.Add(new DormancyFact(history.Book.Accounts[a].Id, history.Dates[i + 1]));
            }
        }

        return facts;
    }
}
