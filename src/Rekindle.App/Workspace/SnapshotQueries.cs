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

    /// <summary>
    /// The rows before page <paramref name="page"/> (from 1), counted in 64 bits and capped at int.MaxValue: a product
    /// past it wrapped to a negative number, which Skip takes as 0 (the first page, labelled as the page asked for).
    /// No list has that many rows, so a capped skip is always past the end: an empty page.
    /// </summary>
    public static int Skip(int page, int pageSize) => (int)Math.Clamp((Math.Max(1L, page) - 1) * Math.Max(0, pageSize), 0, int.MaxValue);

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
    /// A page of the snapshot's accounts that match <paramref name="query"/>, sorted with the account id (ordinal, in the
    /// sort's direction) as the tie-break. Filters, sort and page all run in SQL, each sort read from an index (the
    /// ListIndexes and ListKeys migrations); ids and name keys are compared byte-wise (SQLite's BINARY, PostgreSQL's "C"
    /// collation), so both providers give the same order. Names sort by <see cref="Account.NameKey"/>; a text search
    /// matches it, or the account id in any case of its ASCII letters.
    /// </summary>
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

        if (query.Only is { } only)
        {
            // One parameter (a JSON array on SQLite, an array on PostgreSQL), not one per id: a segment has thousands.
            var ids = only.ToArray();
            rows = rows.Where(r => EF.Parameter(ids).Contains(r.AccountId));
        }

        var accounts = db.Accounts.AsNoTracking();
        if (query.Owner is { } owner)
        {
            accounts = accounts.Where(a => a.OwnerRepId == owner);
        }

        if (query.Search is { Length: > 0 } search)
        {
            var text = Account.KeyOf(search);
#pragma warning disable CA1862 // translated to SQL: upper() there, as ids have no stored key
            accounts = accounts.Where(a => a.NameKey.Contains(text) || a.AccountId.Contains(search) || a.AccountId.ToUpper().Contains(text));
#pragma warning restore CA1862
        }

        // Without an owner or a search every account matches.
        var rowsAlone = query.Owner is null && query.Search is not { Length: > 0 };

        // With the accounts filtered (a rep's, or a search), the join starts from them: a CROSS JOIN, which SQLite
        // never reorders, reads the matching accounts and looks each one's row up by key. Joined the other way, SQLite
        // walks the whole snapshot in sort order to skip a sort of the few matching rows.
        var joined = rowsAlone
            ? rows.Join(accounts, r => r.AccountId, a => a.AccountId, (r, a) => new Joined { R = r, A = a })
            : from a in accounts
              from r in rows
              where r.AccountId == a.AccountId
              select new Joined { R = r, A = a };

        // What is counted: every snapshot row has its account (a foreign key), so then the snapshot's rows alone.
        var matching = rowsAlone ? rows : joined.Select(x => x.R);
        var postgres = db.Provider == WorkspaceProvider.Postgres;
        var skip = Skip(page, pageSize);
        switch (query.Sort)
        {
            case AccountSort.Status:
                return StatusByStatus(snapshot, joined, matching, page, pageSize, skip, query.Descending, postgres);
            case AccountSort.Name:
                var listed = accounts.Where(a => rows.Any(r => r.AccountId == a.AccountId));
                var ids = ByName(listed, query.Descending, postgres).Skip(skip).Take(pageSize).Select(a => a.AccountId).ToList();
                return new SnapshotPage(snapshot, matching.Count(), page, pageSize, RowsOf(snapshot, ids));
            default:
                var ordered = InSql(joined, query.Sort, query.Descending, postgres).Skip(skip).Take(pageSize);
                return new SnapshotPage(snapshot, matching.Count(), page, pageSize,
                    rowsAlone ? [.. ordered.Select(ListRow)] : RowsOf(snapshot, [.. ordered.Select(x => x.R.AccountId)]));
        }
    }

    /// <summary>
    /// The snapshot's rows of these accounts, in this order, looked up by key. A page sorted from all the matching
    /// rows sorts their ids only, not their reasons and names.
    /// </summary>
    private List<SnapshotListRow> RowsOf(ClassificationSnapshot snapshot, List<string> ids)
    {
        var found = db.SnapshotAccounts.AsNoTracking().Where(r => r.SnapshotId == snapshot.Id && ids.Contains(r.AccountId))
            .Join(db.Accounts.AsNoTracking(), r => r.AccountId, a => a.AccountId, (r, a) => new Joined { R = r, A = a })
            .Select(ListRow)
            .ToDictionary(r => r.AccountId, StringComparer.Ordinal);
        return [.. ids.Select(id => found[id])];
    }

    /// <summary>
    /// The name sort, on the accounts alone: they are walked in the (name key, account id) index's order, keeping those
    /// with a matching snapshot row (EXISTS). Joined to the snapshot first, SQLite reads every row and sorts them by name.
    /// </summary>
    private static IOrderedQueryable<Account> ByName(IQueryable<Account> listed, bool descending, bool postgres) => postgres
        ? Then(Order(listed, a => EF.Functions.Collate(a.NameKey, "C"), descending), a => EF.Functions.Collate(a.AccountId, "C"), descending)
        : Then(Order(listed, a => a.NameKey, descending), a => a.AccountId, descending);

    /// <summary>
    /// The status sort, read status by status in the sort's order: the count of each status says which statuses the
    /// page falls in, and each of those is read by account id from the (snapshot, status, account id) index. One
    /// ORDER BY on the status's rank would sort every matching row first.
    /// </summary>
    private static SnapshotPage StatusByStatus(
        ClassificationSnapshot snapshot, IQueryable<Joined> joined, IQueryable<SnapshotAccount> matching, int page, int pageSize, int skip, bool descending, bool postgres)
    {
        var counts = matching.GroupBy(r => r.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToDictionary(c => c.Status, c => c.Count);
        var statuses = Enum.GetValues<LifecycleStatus>();
        var list = new List<SnapshotListRow>(pageSize);
        foreach (var status in descending ? statuses.Reverse() : statuses)
        {
            var count = counts.GetValueOrDefault(status);
            if (skip >= count)
            {
                skip -= count;
                continue;
            }

            var ofStatus = Order(joined.Where(x => x.R.Status == status), RowId(postgres), descending);
            list.AddRange(ofStatus.Skip(skip).Take(pageSize - list.Count).Select(ListRow));
            skip = 0;
            if (list.Count == pageSize)
            {
                break;
            }
        }

        return new SnapshotPage(snapshot, counts.Values.Sum(), page, pageSize, list);
    }

    /// <summary>Status changes saved with the snapshots between two dates, counted by (before, after).</summary>
    public IReadOnlyList<(LifecycleStatus? Before, LifecycleStatus After, DateOnly On, int Accounts)> Flows(DateOnly from, DateOnly to) =>
        [.. db.StatusChanges.AsNoTracking().Where(c => c.ToDate >= from && c.ToDate <= to)
            .GroupBy(c => new { c.Before, c.After, c.ToDate })
            .Select(g => new { g.Key.Before, g.Key.After, g.Key.ToDate, Count = g.Count() })
            .ToList()
            .OrderBy(g => g.ToDate).ThenBy(g => g.Before).ThenBy(g => g.After)
            .Select(g => (g.Before, g.After, g.ToDate, g.Count))];

    /// <summary>
    /// The revenue and days sorts in SQL: nulls of days last (as int.MaxValue); ties by account id byte-wise, in the
    /// sort's direction, so one index per key serves both directions (ListIndexes migration).
    /// </summary>
    private static IOrderedQueryable<Joined> InSql(IQueryable<Joined> rows, AccountSort sort, bool descending, bool postgres) =>
        Then(
            sort == AccountSort.DaysSinceLastOrder
                ? Order(rows, x => x.R.DaysSinceLastOrder ?? int.MaxValue, descending)
                : Order(rows, x => x.R.Revenue12m, descending),
            RowId(postgres),
            descending);

    /// <summary>The row's account id as both providers compare it: byte-wise (PostgreSQL's "C" collation, SQLite's BINARY).</summary>
    private static Expression<Func<Joined, string>> RowId(bool postgres) =>
        postgres ? x => EF.Functions.Collate(x.R.AccountId, "C") : x => x.R.AccountId;

    private static IOrderedQueryable<T> Order<T, TKey>(IQueryable<T> rows, Expression<Func<T, TKey>> key, bool descending) =>
        descending ? rows.OrderByDescending(key) : rows.OrderBy(key);

    private static IOrderedQueryable<T> Then<T, TKey>(IOrderedQueryable<T> rows, Expression<Func<T, TKey>> key, bool descending) =>
        descending ? rows.ThenByDescending(key) : rows.ThenBy(key);

    private static readonly Expression<Func<Joined, SnapshotListRow>> ListRow = x => new SnapshotListRow(
        x.R.AccountId, x.A.Name, x.A.Industry, x.A.Region, x.A.OwnerRepId, x.R.Status, x.R.Key, x.R.CycleDays, x.R.CycleBasis, x.R.DaysSinceLastOrder, x.R.Revenue12m, x.R.Reasons);

    private sealed class Joined
    {
        public required SnapshotAccount R { get; init; }
        public required Account A { get; init; }
    }
}
