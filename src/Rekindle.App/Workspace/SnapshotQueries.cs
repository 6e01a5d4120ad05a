using System.Linq.Expressions;
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

    /// <summary>
    /// A page of the snapshot's accounts that match <paramref name="query"/>, sorted with the account id (ordinal, in the sort's
    /// direction) as the tie-break. Filters, sort and page run in SQL where both providers order alike (revenue, days, status; the
    /// account id compared byte-wise: SQLite's BINARY, PostgreSQL's "C" collation); a text search, a segment's member
    /// set or the name sort (case-insensitive ordinal, which the providers' collations do not share) read only the
    /// matching accounts' ids, names and sort keys, sort those in memory, and then read the page's rows.
    /// </summary>
    public SnapshotPage Accounts(ClassificationSnapshot snapshot, AccountQuery query)
    {
        var pageSize = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var page = Math.Max(1, query.Page);
        var skip = (page - 1) * pageSize;
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

        var joined = rows.Join(accounts, r => r.AccountId, a => a.AccountId, (r, a) => new Joined { R = r, A = a });
        if (query.Search is not { Length: > 0 } && query.Only is null && query.Sort != AccountSort.Name)
        {
            // Every snapshot row has its account (a foreign key): without an owner filter, count the snapshot alone.
            var total = query.Owner is null ? rows.Count() : joined.Count();
            var ordered = InSql(joined, query.Sort, query.Descending, db.Provider == WorkspaceProvider.Postgres);
            return new SnapshotPage(snapshot, total, page, pageSize, [.. ordered.Skip(skip).Take(pageSize).Select(ListRow)]);
        }

        IEnumerable<SortKey> matching = joined
            .Select(x => new SortKey(x.R.AccountId, x.A.Name, x.R.Status, x.R.DaysSinceLastOrder, x.R.Revenue12m))
            .ToList();
        if (query.Only is { } only)
        {
            matching = matching.Where(r => only.Contains(r.AccountId));
        }

        if (query.Search is { Length: > 0 } search)
        {
            matching = matching.Where(r => r.AccountId.Contains(search, StringComparison.OrdinalIgnoreCase) || r.Name.Contains(search, StringComparison.OrdinalIgnoreCase));
        }

        var list = matching.ToList();
        var sorted = InMemory(list, query.Sort, query.Descending);
        var ids = (query.Descending ? sorted.ThenByDescending(r => r.AccountId, StringComparer.Ordinal) : sorted.ThenBy(r => r.AccountId, StringComparer.Ordinal))
            .Skip(skip).Take(pageSize).Select(r => r.AccountId).ToList();
        var found = joined.Where(x => ids.Contains(x.R.AccountId)).Select(ListRow).ToDictionary(r => r.AccountId, StringComparer.Ordinal);
        return new SnapshotPage(snapshot, list.Count, page, pageSize, [.. ids.Select(id => found[id])]);
    }

    /// <summary>Status changes saved with the snapshots between two dates, counted by (before, after).</summary>
    public IReadOnlyList<(LifecycleStatus? Before, LifecycleStatus After, DateOnly On, int Accounts)> Flows(DateOnly from, DateOnly to) =>
        [.. db.StatusChanges.AsNoTracking().Where(c => c.ToDate >= from && c.ToDate <= to)
            .GroupBy(c => new { c.Before, c.After, c.ToDate })
            .Select(g => new { g.Key.Before, g.Key.After, g.Key.ToDate, Count = g.Count() })
            .ToList()
            .OrderBy(g => g.ToDate).ThenBy(g => g.Before).ThenBy(g => g.After)
            .Select(g => (g.Before, g.After, g.ToDate, g.Count))];

    private static IOrderedEnumerable<SortKey> InMemory(IEnumerable<SortKey> rows, AccountSort sort, bool descending) => (sort, descending) switch
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

    /// <summary>The same order in SQL: nulls of days last (as int.MaxValue), statuses by their rank, ties by account id byte-wise.</summary>
    private static IOrderedQueryable<Joined> InSql(IQueryable<Joined> rows, AccountSort sort, bool descending, bool postgres)
    {
        var ordered = (sort, descending) switch
        {
            (AccountSort.DaysSinceLastOrder, false) => rows.OrderBy(x => x.R.DaysSinceLastOrder ?? int.MaxValue),
            (AccountSort.DaysSinceLastOrder, true) => rows.OrderByDescending(x => x.R.DaysSinceLastOrder ?? int.MaxValue),
            (AccountSort.Status, false) => rows.OrderBy(StatusRank),
            (AccountSort.Status, true) => rows.OrderByDescending(StatusRank),
            (_, false) => rows.OrderBy(x => x.R.Revenue12m),
            _ => rows.OrderByDescending(x => x.R.Revenue12m),
        };
        // Ties go the sort's way, so one index (snapshot, key, account id) serves both directions (ListIndexes migration).
        return (postgres, descending) switch
        {
            (true, false) => ordered.ThenBy(x => EF.Functions.Collate(x.R.AccountId, "C")),
            (true, true) => ordered.ThenByDescending(x => EF.Functions.Collate(x.R.AccountId, "C")),
            (false, false) => ordered.ThenBy(x => x.R.AccountId),
            _ => ordered.ThenByDescending(x => x.R.AccountId),
        };
    }

    /// <summary>A status's rank in the enum's order (statuses are stored as their codes, whose text order differs).</summary>
    private static readonly Expression<Func<Joined, int>> StatusRank = BuildStatusRank();

    private static Expression<Func<Joined, int>> BuildStatusRank()
    {
        var x = Expression.Parameter(typeof(Joined), "x");
        var status = Expression.Property(Expression.Property(x, nameof(Joined.R)), nameof(SnapshotAccount.Status));
        Expression rank = Expression.Constant(int.MaxValue);
        foreach (var value in Enum.GetValues<LifecycleStatus>().Reverse())
        {
            rank = Expression.Condition(Expression.Equal(status, Expression.Constant(value)), Expression.Constant((int)value), rank);
        }

        return Expression.Lambda<Func<Joined, int>>(rank, x);
    }

    private static readonly Expression<Func<Joined, SnapshotListRow>> ListRow = x => new SnapshotListRow(
        x.R.AccountId, x.A.Name, x.A.Industry, x.A.Region, x.A.OwnerRepId, x.R.Status, x.R.Key, x.R.CycleDays, x.R.CycleBasis, x.R.DaysSinceLastOrder, x.R.Revenue12m, x.R.Reasons);

    private sealed class Joined
    {
        public required SnapshotAccount R { get; init; }
        public required Account A { get; init; }
    }

    private sealed record SortKey(string AccountId, string Name, LifecycleStatus Status, int? DaysSinceLastOrder, decimal Revenue12m);
}
