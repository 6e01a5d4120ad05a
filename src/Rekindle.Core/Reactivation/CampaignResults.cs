using Rekindle.Common;
using Rekindle.Lifecycle;
using Rekindle.Policies;

namespace Rekindle.Reactivation;

/// <summary>What happened to one member in the attribution window.</summary>
public sealed record MemberOutcome(
    string AccountId,
    CampaignGroup Group,
    string SegmentCode,
    string Play,
    DateOnly? FirstResponseOn,
    DateOnly? FirstOrderOn,
    int Orders,
    decimal Revenue)
{
    public bool Responded => FirstResponseOn is not null;
    public bool Reactivated => FirstOrderOn is not null;
}

/// <summary>One group's totals: accounts, responded, reactivated, revenue.</summary>
public sealed record GroupStats(int Accounts, int Responded, int Reactivated, decimal Revenue)
{
    public double ResponseRate => Accounts == 0 ? 0 : (double)Responded / Accounts;
    public double ReactivationRate => Accounts == 0 ? 0 : (double)Reactivated / Accounts;
    public decimal RevenuePerAccount => Accounts == 0 ? 0m : Revenue / Accounts;

    public static GroupStats Of(IEnumerable<MemberOutcome> outcomes)
    {
        int accounts = 0, responded = 0, reactivated = 0;
        var revenue = 0m;
        foreach (var o in outcomes)
        {
            accounts++;
            responded += o.Responded ? 1 : 0;
            reactivated += o.Reactivated ? 1 : 0;
            revenue += o.Revenue;
        }

        return new GroupStats(accounts, responded, reactivated, revenue);
    }
}

/// <summary>
/// Treatment against control for one slice of a campaign (all of it, a segment, a play). Uplift is the treatment rate
/// minus the control rate with Newcombe's interval (<see cref="Proportions.NewcombeDifference"/>); null when either
/// group is empty. Incremental revenue is (treatment - control revenue per account) x treatment accounts.
/// </summary>
public sealed record UpliftRow(string Slice, GroupStats Treatment, GroupStats Control, Interval? ReactivationUplift, Interval? ResponseUplift)
{
    public decimal? IncrementalRevenue => Treatment.Accounts == 0 || Control.Accounts == 0
        ? null
        : (Treatment.RevenuePerAccount - Control.RevenuePerAccount) * Treatment.Accounts;

    public static UpliftRow Of(string slice, IReadOnlyCollection<MemberOutcome> outcomes, double confidence)
    {
        var t = GroupStats.Of(outcomes.Where(o => o.Group == CampaignGroup.Treatment));
        var c = GroupStats.Of(outcomes.Where(o => o.Group == CampaignGroup.Control));
        return new UpliftRow(
            slice, t, c,
            Proportions.NewcombeDifference(t.Reactivated, t.Accounts, c.Reactivated, c.Accounts, confidence),
            Proportions.NewcombeDifference(t.Responded, t.Accounts, c.Responded, c.Accounts, confidence));
    }
}

/// <summary>A campaign's results as of a date: overall, by segment and by play, and each member's outcome.</summary>
public sealed record CampaignResults(
    string Name,
    DateOnly LaunchOn,
    DateOnly WindowEndsOn,
    DateOnly AsOf,
    UpliftRow Overall,
    IReadOnlyList<UpliftRow> BySegment,
    IReadOnlyList<UpliftRow> ByPlay,
    IReadOnlyList<MemberOutcome> Members)
{
    /// <summary>False while the window is still open: later orders can still count, so the figures are provisional.</summary>
    public bool WindowClosed => AsOf >= WindowEndsOn;
}

/// <summary>
/// Measures a campaign against what happened. The attribution window is the closed interval
/// [launch, launch + attributionWindowDays]: an order on the launch day counts, one <c>attributionWindowDays</c> days
/// later counts ("within N days" is <c>&lt;= N</c>), one a day later does not, nor one the day before launch.
/// <b>Reactivated</b>: a booked order in the window. <b>Responded</b>: a booked order or an engagement of a kind the
/// policy counts (<c>engagementKinds</c>) in the window, so every reactivated account has responded and responded is
/// never fewer than reactivated. <b>Revenue</b>: booked orders in the window. Facts dated after the as-of date
/// are ignored, so results replay exactly and grow as new orders are imported. Treatment and control are measured the
/// same way, so whatever the window lets in by chance cancels out of the uplift.
/// </summary>
public static class CampaignMeasurement
{
    public static CampaignResults Measure(CampaignPlan plan, AccountBook book, Policy policy, DateOnly asOf, double confidence = Proportions.DefaultConfidence)
    {
        var launch = plan.LaunchOn.DayNumber;
        var windowEnd = launch + plan.AttributionWindowDays;
        var last = Math.Min(windowEnd, asOf.DayNumber);
        var outcomes = new List<MemberOutcome>(plan.Members.Count);
        foreach (var m in plan.Members)
        {
            var index = book.IndexOf(m.AccountId);
            outcomes.Add(index < 0
                ? new MemberOutcome(m.AccountId, m.Group, m.SegmentCode, m.Play, null, null, 0, 0m)
                : Outcome(m, book.Facts(index), policy, launch, last));
        }

        return new CampaignResults(
            plan.Name,
            plan.LaunchOn,
            DateOnly.FromDayNumber(windowEnd),
            asOf,
            UpliftRow.Of("all", outcomes, confidence),
            Slices(outcomes, o => o.SegmentCode, confidence),
            Slices(outcomes, o => o.Play, confidence),
            outcomes);
    }

    private static MemberOutcome Outcome(CampaignMember m, AccountFacts facts, Policy policy, int from, int to)
    {
        int? firstOrder = null, firstResponse = null;
        var orders = 0;
        var revenue = 0m;
        for (var i = 0; i < facts.OrderDays.Length; i++)
        {
            var day = facts.OrderDays[i];
            if (day >= from && day <= to && facts.OrderStatuses[i] == OrderStatus.Booked)
            {
                firstOrder ??= day;
                orders++;
                revenue += facts.OrderAmounts[i];
            }
        }

        for (var i = 0; i < facts.EngagementDays.Length && firstResponse is null; i++)
        {
            var day = facts.EngagementDays[i];
            if (day >= from && day <= to && policy.CountsAsEngagement(facts.EngagementKinds[i]))
            {
                firstResponse = day;
            }
        }

        // A reactivation is a response: the first response is the earlier of the first counted engagement and the first order.
        if (firstOrder is { } o && (firstResponse is null || o < firstResponse))
        {
            firstResponse = o;
        }

        return new MemberOutcome(m.AccountId, m.Group, m.SegmentCode, m.Play, Date(firstResponse), Date(firstOrder), orders, revenue);
    }

    private static IReadOnlyList<UpliftRow> Slices(List<MemberOutcome> outcomes, Func<MemberOutcome, string> slice, double confidence) =>
        [.. outcomes.GroupBy(slice, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => UpliftRow.Of(g.Key, g.ToArray(), confidence))];

    private static DateOnly? Date(int? day) => day is { } d ? DateOnly.FromDayNumber(d) : null;
}
