using Microsoft.EntityFrameworkCore;
using Rekindle.Lifecycle;
using Rekindle.Storage;

namespace Rekindle.App.Workspace;

/// <summary>Accounts by status in one saved snapshot: a point of the status flow over time.</summary>
public sealed record StatusFlowPoint(DateOnly AsOf, IReadOnlyDictionary<LifecycleStatus, int> Accounts);

/// <summary>One bar of the downtime histogram: accounts whose days since their last order fall in the bucket, by status.</summary>
public sealed record DowntimeBucket(string Label, IReadOnlyDictionary<LifecycleStatus, int> Accounts)
{
    public int Total => Accounts.Values.Sum();
}

/// <summary>
/// Revenue concentration: accounts that bought in the revenue window, largest first; <see cref="Points"/> holds the
/// cumulative share of revenue (0..1) given by the top 0%, 1%, ..., 100% of them (101 points).
/// </summary>
public sealed record ParetoCurve(int Accounts, decimal Revenue, IReadOnlyList<double> Points)
{
    /// <summary>The share of revenue the top <paramref name="percent"/>% of buying accounts give (0 when none bought).</summary>
    public double TopShare(int percent) => Points.Count == 0 ? 0 : Points[Math.Clamp(percent, 0, 100)];

    /// <summary>How many accounts the top <paramref name="percent"/>% are (rounded, at least one when any bought).</summary>
    public int TopCount(int percent) => Accounts == 0 ? 0 : Math.Max(1, (int)Math.Round(Accounts * percent / 100.0, MidpointRounding.AwayFromZero));
}

/// <summary>A key account that has lapsed (passive, inactive, dormant) or is overdue: more than 1.5 of its own buying cycles since its last order.</summary>
public sealed record LapsingKeyAccount(
    string AccountId,
    string Name,
    string? OwnerRepId,
    LifecycleStatus Status,
    int? DaysSinceLastOrder,
    double CycleDays,
    decimal Revenue12m,
    string Why,
    string Reasons);

/// <summary>The home page's figures for one saved snapshot and one owner (null: the whole book).</summary>
public sealed record DashboardFigures(
    ClassificationSnapshot Snapshot,
    string? Owner,
    string Currency,
    IReadOnlyList<StatusTotals> Totals,
    IReadOnlyList<StatusFlowPoint> Flow,
    IReadOnlyList<DowntimeBucket> Downtime,
    ParetoCurve Pareto,
    IReadOnlyList<LapsingKeyAccount> LapsingKeyAccounts,
    int LapsingKeyAccountsTotal);

/// <summary>
/// The home page's figures from the saved snapshots (never a reclassification): totals by status, the status flow
/// across every saved snapshot, the downtime histogram in buying cycles, revenue concentration and the key accounts
/// that are lapsing. Scoped to one owner's current book when <c>owner</c> is given.
/// </summary>
public sealed class Dashboard(WorkspaceDb db)
{
    /// <summary>Bucket edges in buying cycles (days since the last order / the account's cycle); the last bucket is open.</summary>
    public static readonly IReadOnlyList<double> DowntimeEdgesCycles = [0.5, 1, 1.5, 2, 3, 5];

    public const string NoOrderBucket = "no order";

    /// <summary>A key account still active is listed as lapsing once its days since the last order pass this many of its cycles.</summary>
    public const double OverdueAfterCycles = 1.5;

    /// <summary>Null when no snapshot is saved yet.</summary>
    public DashboardFigures? Load(string? owner, int lapsingTop = 15)
    {
        var snapshot = db.Snapshots.AsNoTracking().OrderByDescending(s => s.AsOf).FirstOrDefault();
        if (snapshot is null)
        {
            return null;
        }

        var accounts = db.Accounts.AsNoTracking();
        if (owner is not null)
        {
            accounts = accounts.Where(a => a.OwnerRepId == owner);
        }

        var rows = db.SnapshotAccounts.AsNoTracking().Where(r => r.SnapshotId == snapshot.Id)
            .Join(accounts, r => r.AccountId, a => a.AccountId, (r, a) => new Row(r.AccountId, a.Name, a.OwnerRepId, r.Status, r.Key, r.CycleDays, r.DaysSinceLastOrder, r.Revenue12m, r.Reasons))
            .ToList();
        var lapsing = LapsingKeys(rows);
        return new DashboardFigures(
            snapshot,
            owner,
            WorkspaceBook.ReportingCurrency(db) ?? "",
            Totals(rows),
            Flow(owner),
            Downtime(rows),
            Pareto(rows.Select(r => r.Revenue12m)),
            [.. lapsing.Take(lapsingTop)],
            lapsing.Count);
    }

    /// <summary>Accounts by status in every saved snapshot, oldest first (an owner's: the accounts they own now).</summary>
    public IReadOnlyList<StatusFlowPoint> Flow(string? owner)
    {
        var rows = db.SnapshotAccounts.AsNoTracking();
        if (owner is not null)
        {
            rows = rows.Where(r => db.Accounts.Any(a => a.AccountId == r.AccountId && a.OwnerRepId == owner));
        }

        var counts = rows.GroupBy(r => new { r.SnapshotId, r.Status }).Select(g => new { g.Key.SnapshotId, g.Key.Status, Count = g.Count() }).ToList()
            .ToLookup(c => c.SnapshotId);
        return
        [
            .. db.Snapshots.AsNoTracking().OrderBy(s => s.AsOf).Select(s => new { s.Id, s.AsOf }).ToList()
                .Select(s => new StatusFlowPoint(s.AsOf, LifecycleStatusCodes.All.ToDictionary(st => st, st => counts[s.Id].Where(c => c.Status == st).Sum(c => c.Count)))),
        ];
    }

    /// <summary>The cumulative revenue share of the top 0..100% of the accounts with positive revenue.</summary>
    public static ParetoCurve Pareto(IEnumerable<decimal> revenues)
    {
        var sorted = revenues.Where(r => r > 0).OrderByDescending(r => r).ToArray();
        var total = sorted.Sum();
        if (sorted.Length == 0)
        {
            return new ParetoCurve(0, 0m, []);
        }

        var cumulative = new decimal[sorted.Length + 1];
        for (var i = 0; i < sorted.Length; i++)
        {
            cumulative[i + 1] = cumulative[i] + sorted[i];
        }

        var points = Enumerable.Range(0, 101).Select(p =>
        {
            var count = p == 0 ? 0 : Math.Max(1, (int)Math.Round(sorted.Length * p / 100.0, MidpointRounding.AwayFromZero));
            return (double)(cumulative[count] / total);
        }).ToArray();
        return new ParetoCurve(sorted.Length, total, points);
    }

    /// <summary>The bucket label of <paramref name="days"/> since the last order for an account with a cycle of <paramref name="cycleDays"/>.</summary>
    public static string DowntimeLabel(int? days, double cycleDays)
    {
        if (days is not { } d)
        {
            return NoOrderBucket;
        }

        var cycles = cycleDays > 0 ? d / cycleDays : double.PositiveInfinity;
        var edges = DowntimeEdgesCycles;
        for (var i = 0; i < edges.Count; i++)
        {
            if (cycles < edges[i])
            {
                return i == 0 ? $"< {F(edges[0])}" : $"{F(edges[i - 1])}-{F(edges[i])}";
            }
        }

        return $"{F(edges[^1])}+";
    }

    /// <summary>Every bucket label, in order.</summary>
    public static IReadOnlyList<string> DowntimeLabels()
    {
        var edges = DowntimeEdgesCycles;
        var labels = new List<string> { $"< {F(edges[0])}" };
        for (var i = 1; i < edges.Count; i++)
        {
            labels.Add($"{F(edges[i - 1])}-{F(edges[i])}");
        }

        labels.Add($"{F(edges[^1])}+");
        labels.Add(NoOrderBucket);
        return labels;
    }

    private static List<StatusTotals> Totals(List<Row> rows) =>
    [
        .. LifecycleStatusCodes.All.Select(status =>
        {
            var of = rows.Where(r => r.Status == status).ToList();
            return new StatusTotals(status, of.Count, of.Count(r => r.Key), of.Sum(r => r.Revenue12m));
        }),
    ];

    private static List<DowntimeBucket> Downtime(List<Row> rows)
    {
        var counted = rows.Where(r => r.Status != LifecycleStatus.Prospect || r.Days is not null)
            .GroupBy(r => (Label: DowntimeLabel(r.Days, r.CycleDays), r.Status))
            .ToDictionary(g => g.Key, g => g.Count());
        return
        [
            .. DowntimeLabels().Select(label => new DowntimeBucket(label,
                LifecycleStatusCodes.All.ToDictionary(st => st, st => counted.GetValueOrDefault((label, st))))),
        ];
    }

    private static List<LapsingKeyAccount> LapsingKeys(List<Row> rows) =>
    [
        .. rows.Where(r => r.Key)
            .Select(r => (r, why: Why(r)))
            .Where(x => x.why is not null)
            .OrderBy(x => x.r.Status.IsLapsed() ? 0 : 1).ThenByDescending(x => x.r.Revenue12m).ThenBy(x => x.r.AccountId, StringComparer.Ordinal)
            .Select(x => new LapsingKeyAccount(x.r.AccountId, x.r.Name, x.r.Owner, x.r.Status, x.r.Days, x.r.CycleDays, x.r.Revenue12m, x.why!, x.r.Reasons)),
    ];

    private static string? Why(Row r)
    {
        if (r.Status.IsLapsed())
        {
            return $"{r.Status.Code()}: {r.Days?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no"} days since the last order";
        }

        if (r.Days is { } days && r.CycleDays > 0 && days > OverdueAfterCycles * r.CycleDays)
        {
            return $"overdue: {days} days since the last order, {F(days / r.CycleDays)} cycles of {F(r.CycleDays)} days";
        }

        return null;
    }

    private static string F(double value) => value.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);

    private sealed record Row(string AccountId, string Name, string? Owner, LifecycleStatus Status, bool Key, double CycleDays, int? Days, decimal Revenue12m, string Reasons);
}
