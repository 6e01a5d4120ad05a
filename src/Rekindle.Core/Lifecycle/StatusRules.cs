using Rekindle.Policies;

namespace Rekindle.Lifecycle;

/// <summary>
/// The lifecycle rules of PRODUCT.md, first match wins. Pure: measures, cycle, policy and date in; status out.
/// "Within N days" is <c>&lt;= N</c> and "more than N" is <c>&gt; N</c>, everywhere.
/// </summary>
public static class StatusRules
{
    /// <summary>Decides one account's status from its measures and its buying cycle.</summary>
    public static AccountClassification Decide(in AccountMeasures m, double cycleDays, CycleBasis basis, Policy policy, int asOf)
    {
        var threshold = policy.InactiveAfterCycles * cycleDays;
        var result = new AccountClassification
        {
            Exists = true,
            Measures = m,
            CycleDays = cycleDays,
            CycleBasis = basis,
            LapseThresholdDays = threshold,
        };

        if (!m.HasBookedOrder)
        {
            return result with { Status = LifecycleStatus.Prospect, Rule = StatusRule.NoBookedOrder };
        }

        if (asOf - m.FirstOrderDay <= policy.NewAccountDays)
        {
            return result with { Status = LifecycleStatus.New, Rule = StatusRule.FirstOrderRecent };
        }

        var recency = asOf - m.LastOrderDay;
        if (recency <= threshold)
        {
            return m.OrdersInRegularWindow >= policy.RegularMinOrders
                ? result with { Status = LifecycleStatus.Active, Rule = StatusRule.WithinCycleRegular }
                : result with { Status = LifecycleStatus.Occasional, Rule = StatusRule.WithinCycleOccasional };
        }

        var engaged = m.LastEngagementDay != AccountBook.NoDay && asOf - m.LastEngagementDay <= policy.EngagementWindowDays;
        if (engaged)
        {
            return result with { Status = LifecycleStatus.Passive, Rule = StatusRule.LapsedEngaged };
        }

        if (m.HasOpenOpportunity)
        {
            return result with { Status = LifecycleStatus.Passive, Rule = StatusRule.LapsedWithOpenOpportunity };
        }

        if (recency <= policy.DormantAfterDays)
        {
            return result with { Status = LifecycleStatus.Inactive, Rule = StatusRule.LapsedNotLongEnough };
        }

        var outOfPipeline = m.LastOpportunityClosedDay == AccountBook.NoDay
            || asOf - m.LastOpportunityClosedDay >= policy.DormantPipelineDays;
        return outOfPipeline
            ? result with { Status = LifecycleStatus.Dormant, Rule = StatusRule.LapsedDormant }
            : result with { Status = LifecycleStatus.Inactive, Rule = StatusRule.LapsedRecentlyInPipeline };
    }
}
