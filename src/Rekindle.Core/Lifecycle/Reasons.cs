using System.Globalization;
using Rekindle.Common;
using Rekindle.Policies;

namespace Rekindle.Lifecycle;

/// <summary>Puts a classification into words a sales manager reads: the rule, the observed values, the thresholds.</summary>
public static class Reasons
{
    public static string Explain(in AccountClassification c, Policy policy, int asOf)
    {
        var m = c.Measures;
        var text = c.Rule switch
        {
            StatusRule.NotYetCreated => "not yet created as of " + Date(asOf),
            StatusRule.NoBookedOrder => $"prospect: no booked order as of {Date(asOf)}",
            StatusRule.FirstOrderRecent =>
                $"new: first order on {Date(m.FirstOrderDay)}, {asOf - m.FirstOrderDay} days ago <= {policy.NewAccountDays} (newAccountDays)",
            StatusRule.WithinCycleRegular =>
                $"active: {Recency(c, asOf)} <= {Cycle(c, policy)}; {Orders(m.OrdersInRegularWindow)} in the last {policy.RegularWindowDays} days >= {policy.RegularMinOrders} (regularMinOrders)",
            StatusRule.WithinCycleOccasional =>
                $"occasional: {Recency(c, asOf)} <= {Cycle(c, policy)}; {Orders(m.OrdersInRegularWindow)} in the last {policy.RegularWindowDays} days < {policy.RegularMinOrders} (regularMinOrders)",
            StatusRule.LapsedEngaged =>
                $"passive: {Recency(c, asOf)} > {Cycle(c, policy)}; still engaged: {Codes.Of(m.LastEngagementKind)} on {Date(m.LastEngagementDay)}, within {policy.EngagementWindowDays} days",
            StatusRule.LapsedWithOpenOpportunity =>
                $"passive: {Recency(c, asOf)} > {Cycle(c, policy)}; open opportunity since {Date(m.OpenOpportunitySince)}",
            StatusRule.LapsedNotLongEnough =>
                $"inactive: {Recency(c, asOf)} > {Cycle(c, policy)}; {Engagement(m, policy)}; not dormant yet: {asOf - m.LastOrderDay} <= {policy.DormantAfterDays} days (dormantAfterDays)",
            StatusRule.LapsedRecentlyInPipeline =>
                $"inactive: {Recency(c, asOf)} > {Cycle(c, policy)} and > {policy.DormantAfterDays} days (dormantAfterDays); {Engagement(m, policy)}; not dormant: last opportunity closed {Date(m.LastOpportunityClosedDay)}, {asOf - m.LastOpportunityClosedDay} days ago < {policy.DormantPipelineDays} (dormantPipelineDays)",
            StatusRule.LapsedDormant =>
                $"dormant: {Recency(c, asOf)} > {policy.DormantAfterDays} (dormantAfterDays) and > {Cycle(c, policy)}; {Pipeline(m, policy, asOf)}; {Engagement(m, policy)}",
            _ => c.Rule.ToString(),
        };

        if (c.Key)
        {
            text += $"; key account: {Money(m.RevenueInWindow)} in the last {policy.RevenueWindowDays} days (top accounts making {(policy.KeyRevenueShare * 100).ToString("0.#", CultureInfo.InvariantCulture)}% of revenue)";
        }

        return text;
    }

    public static string Date(int day) => DateOnly.FromDayNumber(day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Days(double days) => days.ToString("0.#", CultureInfo.InvariantCulture);

    public static string Money(decimal amount) => amount.ToString("#,0.00", CultureInfo.InvariantCulture);

    private static string Recency(in AccountClassification c, int asOf) =>
        $"{asOf - c.Measures.LastOrderDay} days since last order ({Date(c.Measures.LastOrderDay)})";

    private static string Cycle(in AccountClassification c, Policy policy) =>
        $"{policy.InactiveAfterCycles.ToString("0.0#", CultureInfo.InvariantCulture)} x {Days(c.CycleDays)}-day {BasisWords(c.CycleBasis)} cycle ({Days(c.LapseThresholdDays)} days)";

    private static string BasisWords(CycleBasis basis) => basis switch
    {
        CycleBasis.Own => "own",
        CycleBasis.Company => "company",
        _ => "fixed company",
    };

    private static string Orders(int count) => count == 1 ? "1 order" : $"{count} orders";

    private static string Engagement(in AccountMeasures m, Policy policy) =>
        m.LastEngagementDay == AccountBook.NoDay
            ? "no counted engagement on record"
            : $"no counted engagement since {Date(m.LastEngagementDay)} (none within {policy.EngagementWindowDays} days)";

    /// <summary>
    /// The kinds of engagement that happened after the last counted one (or at all, when none counted) but do not
    /// count under the policy's <c>engagementKinds</c>, in words to add to the reasons:
    /// "later email_open, call_unanswered do not count (engagementKinds)"; empty when there are none.
    /// </summary>
    public static string Uncounted(AccountFacts facts, Policy policy, int asOf)
    {
        var end = AccountMeasures.UpTo(facts.EngagementDays, asOf);
        var kinds = new SortedSet<EngagementKind>();
        for (var i = end - 1; i >= 0; i--)
        {
            var kind = facts.EngagementKinds[i];
            if (policy.CountsAsEngagement(kind))
            {
                break;
            }

            kinds.Add(kind);
        }

        return kinds.Count == 0 ? "" : $"later {string.Join(", ", kinds.Select(Codes.Of))} do not count (engagementKinds)";
    }

    private static string Pipeline(in AccountMeasures m, Policy policy, int asOf) =>
        m.LastOpportunityClosedDay == AccountBook.NoDay
            ? "never in the pipeline"
            : $"out of the pipeline since {Date(m.LastOpportunityClosedDay)} ({asOf - m.LastOpportunityClosedDay} days >= {policy.DormantPipelineDays})";
}
