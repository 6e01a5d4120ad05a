using Rekindle.Reactivation;

namespace Rekindle.Web.Api;

/// <summary>One group's totals in a slice: accounts, responded, reactivated, revenue, and the rates (0 to 1).</summary>
public sealed record GroupItem(int Accounts, int Responded, int Reactivated, decimal Revenue, double ResponseRate, double ReactivationRate);

/// <summary>A rate difference (treatment minus control) with its interval (Newcombe, 95%); rates 0 to 1.</summary>
public sealed record UpliftItem(double Estimate, double Lower, double Upper, double Confidence);

/// <summary>Treatment against control in one slice (all, a segment, a play); an uplift is null when either group is empty.</summary>
public sealed record UpliftRowItem(string Slice, GroupItem Treatment, GroupItem Control, UpliftItem? ReactivationUplift, UpliftItem? ResponseUplift, decimal? IncrementalRevenue);

/// <summary>A campaign's results as of a date; provisional while the attribution window is open.</summary>
public sealed record CampaignResultsResponse(
    string Campaign,
    DateOnly LaunchOn,
    DateOnly WindowEndsOn,
    DateOnly AsOf,
    bool WindowClosed,
    bool Recorded,
    string? Currency,
    UpliftRowItem Overall,
    IReadOnlyList<UpliftRowItem> BySegment,
    IReadOnlyList<UpliftRowItem> ByPlay)
{
    public static CampaignResultsResponse Of(CampaignResults r, string? currency, bool recorded) =>
        new(r.Name, r.LaunchOn, r.WindowEndsOn, r.AsOf, r.WindowClosed, recorded, currency, Row(r.Overall), [.. r.BySegment.Select(Row)], [.. r.ByPlay.Select(Row)]);

    private static UpliftRowItem Row(UpliftRow r) =>
        new(r.Slice, Group(r.Treatment), Group(r.Control), Uplift(r.ReactivationUplift), Uplift(r.ResponseUplift), r.IncrementalRevenue is { } m ? decimal.Round(m, 2) : null);

    private static GroupItem Group(GroupStats g) =>
        new(g.Accounts, g.Responded, g.Reactivated, g.Revenue, Math.Round(g.ResponseRate, 6), Math.Round(g.ReactivationRate, 6));

    private static UpliftItem? Uplift(Interval? i) =>
        i is { } x ? new UpliftItem(Math.Round(x.Estimate, 6), Math.Round(x.Lower, 6), Math.Round(x.Upper, 6), x.Confidence) : null;
}
