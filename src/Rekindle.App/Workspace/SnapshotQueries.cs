using Microsoft.EntityFrameworkCore;
using Rekindle.Lifecycle;
using Rekindle.Storage;

namespace Rekindle.App.Workspace;

/// <summary>The book's totals for one status in a snapshot.</summary>
public sealed record StatusTotals(LifecycleStatus Status, int Accounts, int KeyAccounts, decimal Revenue12m);

/// <summary>One account of a snapshot with the account's name and owner.</summary>
public sealed record SnapshotListRow(
    string AccountId,
    string Name,
    string Industry,
    string Region,
    string? OwnerRepId,
    LifecycleStatus Status,
    bool Key,
    double CycleDays,
    CycleBasis CycleBasis,
    int? DaysSinceLastOrder,
    decimal Revenue12m,
    string Reasons);

/// <summary>A page of accounts and how many match in all.</summary>
public sealed record SnapshotPage(ClassificationSnapshot Snapshot, int Total, int Page, int PageSize, IReadOnlyList<SnapshotListRow> Rows);

/// <summary>How an account list is sorted.</summary>
public enum AccountSort
{
    Name,
    Revenue,
    DaysSinceLastOrder,
    Status,
}

/// <summary>Which accounts of a snapshot to list: every filter is optional; pages count from 1.</summary>
public sealed record AccountQuery
{
    public LifecycleStatus? Status { get; init; }
    public bool? Key { get; init; }
    public string? Owner { get; init; }
    public string? Search { get; init; }

    /// <summary>Only these accounts (a segment's members), when set.</summary>
    public IReadOnlySet<string>? Only { get; init; }

    public AccountSort Sort { get; init; } = AccountSort.Revenue;
    public bool Descending { get; init; } = true;
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 50;
}

/// <summary>
/// Reads the saved classification snapshots: the dashboard and the API list accounts from the latest snapshot (the
/// nightly job keeps it current), so a list of 100,000 accounts is a query, not a reclassification.
/// </summary>
public sealed class SnapshotQueries(WorkspaceDb db)
{
    public const int MaxPageSize = 500;

    /// <summary>The latest saved snapshot, or null when none was saved yet.</summary>
    public ClassificationSnapshot? Latest() => db.Snapshots.AsNoTracking().OrderByDescending(s => s.AsOf).FirstOrDefault();

    /// <summary>Every saved snapshot, oldest first.</summary>
    public IReadOnlyList<ClassificationSnapshot> All() => [.. db.Snapshots.AsNoTracking().OrderBy(s => s.AsOf)];

    /// <summary>Accounts, key accounts and trailing-12-month revenue by status (every status, zeros included).</summary>
    public IReadOnlyList<StatusTotals> Totals(long snapshotId)
    {
        // Revenue is summed in memory: SQLite sums decimals as text.
        var rows = db.SnapshotAccounts.AsNoTracking().Where(r => r.SnapshotId == snapshotId)
            .Select(r => new { r.Status, r.Key, r.Revenue12m }).ToList();
        return [.. LifecycleStatusCodes.All.Select(status =>
        {
            var of = rows.Where(r => r.Status == status).ToList();
            return new StatusTotals(status, of.Count, of.Count(r => r.Key), of.Sum(r => r.Revenue12m));
        })];
    }

    /// <summary>A page of the snapshot's accounts that match <paramref name="query"/>.</summary>
    public SnapshotPage Accounts(ClassificationSnapshot snapshot, AccountQuery query)
    {
        var pageSize = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var page = Math.Max(1, query.Page);
        var rows = db.SnapshotAccounts.AsNoTracking().Where(r => r.SnapshotId == snapshot.Id);
        if (query.Status is { } status)
        {
            rows = rows.Where(r => r.Status == status);
        }

        if (query.Key is { } key)
        {
            rows = rows.Where(r => r.Key == key);
        }

        var accounts = db.Accounts.AsNoTracking();
        if (query.Owner is { } owner)
        {
            accounts = accounts.Where(a => a.OwnerRepId == owner);
        }

        var filtered = rows.Join(accounts, r => r.AccountId, a => a.AccountId, (r, a) => new { r, a }).ToList()
            .Select(x => new SnapshotListRow(
                x.r.AccountId, x.a.Name, x.a.Industry, x.a.Region, x.a.OwnerRepId, x.r.Status, x.r.Key, x.r.CycleDays, x.r.CycleBasis, x.r.DaysSinceLastOrder, x.r.Revenue12m, x.r.Reasons));
        IEnumerable<SnapshotListRow> matching = filtered;
        if (query.Only is { } only)
        {
            matching = matching.Where(r => only.Contains(r.AccountId));
        }

        if (query.Search is { Length: > 0 } search)
        {
            matching = matching.Where(r => r.AccountId.Contains(search, StringComparison.OrdinalIgnoreCase) || r.Name.Contains(search, StringComparison.OrdinalIgnoreCase));
        }

        // Sorted in memory with the account id as the tie-break: the same order on SQLite and PostgreSQL.
        var list = matching.ToList();
        var sorted = Sort(list, query.Sort, query.Descending).ThenBy(r => r.AccountId, StringComparer.Ordinal);
        return new SnapshotPage(snapshot, list.Count, page, pageSize, [.. sorted.Skip((page - 1) * pageSize).Take(pageSize)]);
    }

    /// <summary>Status changes saved with the snapshots between two dates, counted by (before, after).</summary>
    public IReadOnlyList<(LifecycleStatus? Before, LifecycleStatus After, DateOnly On, int Accounts)> Flows(DateOnly from, DateOnly to) =>
        [.. db.StatusChanges.AsNoTracking().Where(c => c.ToDate >= from && c.ToDate <= to)
            .GroupBy(c => new { c.Before, c.After, c.ToDate })
            .Select(g => new { g.Key.Before, g.Key.After, g.Key.ToDate, Count = g.Count() })
            .ToList()
            .OrderBy(g => g.ToDate).ThenBy(g => g.Before).ThenBy(g => g.After)
            .Select(g => (g.Before, g.After, g.ToDate, g.Count))];

    private static IOrderedEnumerable<SnapshotListRow> Sort(IEnumerable<SnapshotListRow> rows, AccountSort sort, bool descending) => (sort, descending) switch
    {
        (AccountSort.Name, false) => rows.OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase),
        (AccountSort.Name, true) => rows.OrderByDescending(r => r.Name, StringComparer.OrdinalIgnoreCase),
        (AccountSort.DaysSinceLastOrder, false) => rows.OrderBy(r => r.DaysSinceLastOrder ?? int.MaxValue),
        (AccountSort.DaysSinceLastOrder, true) => rows.OrderByDescending(r => r.DaysSinceLastOrder ?? int.MaxValue),
        (AccountSort.Status, false) => rows.OrderBy(r => r.Status),
        (AccountSort.Status, true) => rows.OrderByDescending(r => r.Status),
        (_, false) => rows.OrderBy(r => r.Revenue12m),
        _ => rows.OrderByDescending(r => r.Revenue12m),
    };
}
