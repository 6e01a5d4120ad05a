using Microsoft.EntityFrameworkCore;
using Rekindle.App.Workspace;
using Rekindle.Lifecycle;

namespace Rekindle.Web.Tests;

/// <summary>
/// The account list's order, whether SQL sorts and pages it or memory does: for every sort, both directions and each
/// filter, paging through the whole list gives exactly the reference order (the sort key, then the account id
/// ordinal, in the sort's direction), with the right total.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class AccountQueryOrderTests(WebServer server)
{
    public static TheoryData<AccountSort, bool, string> Cases()
    {
        var data = new TheoryData<AccountSort, bool, string>();
        foreach (var sort in Enum.GetValues<AccountSort>())
        {
            foreach (var desc in new[] { false, true })
            {
                foreach (var filter in new[] { "none", "status", "key", "owner", "search", "only" })
                {
                    data.Add(sort, desc, filter);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Accounts_PagedThroughEveryPage_AreInTheReferenceOrder(AccountSort sort, bool desc, string filter)
    {
        using var db = server.Location.Open();
        var queries = new SnapshotQueries(db);
        var snapshot = queries.Latest()!;
        var all = db.SnapshotAccounts.AsNoTracking().Where(r => r.SnapshotId == snapshot.Id)
            .Join(db.Accounts.AsNoTracking(), r => r.AccountId, a => a.AccountId, (r, a) => new { r.AccountId, a.Name, a.OwnerRepId, r.Status, r.Key, r.DaysSinceLastOrder, r.Revenue12m })
            .ToList();
        var only = all.Where((_, i) => i % 3 == 0).Select(r => r.AccountId).ToHashSet(StringComparer.Ordinal);
        var query = new AccountQuery { Sort = sort, Descending = desc, PageSize = 37 };
        query = filter switch
        {
            "status" => query with { Status = LifecycleStatus.Dormant },
            "key" => query with { Key = true },
            "owner" => query with { Owner = server.RepId },
            "search" => query with { Search = "a" },
            "only" => query with { Only = only },
            _ => query,
        };
        var matching = all.Where(r => filter switch
        {
            "status" => r.Status == LifecycleStatus.Dormant,
            "key" => r.Key,
            "owner" => r.OwnerRepId == server.RepId,
            "search" => r.AccountId.Contains('a', StringComparison.OrdinalIgnoreCase) || r.Name.Contains('a', StringComparison.OrdinalIgnoreCase),
            "only" => only.Contains(r.AccountId),
            _ => true,
        }).ToList();
        var keyed = sort switch
        {
            AccountSort.Name => desc ? matching.OrderByDescending(r => r.Name, StringComparer.OrdinalIgnoreCase) : matching.OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase),
            AccountSort.DaysSinceLastOrder => desc ? matching.OrderByDescending(r => r.DaysSinceLastOrder ?? int.MaxValue) : matching.OrderBy(r => r.DaysSinceLastOrder ?? int.MaxValue),
            AccountSort.Status => desc ? matching.OrderByDescending(r => r.Status) : matching.OrderBy(r => r.Status),
            _ => desc ? matching.OrderByDescending(r => r.Revenue12m) : matching.OrderBy(r => r.Revenue12m),
        };
        var tied = desc ? keyed.ThenByDescending(r => r.AccountId, StringComparer.Ordinal) : keyed.ThenBy(r => r.AccountId, StringComparer.Ordinal);
        var expected = tied.Select(r => r.AccountId).ToList();
        Assert.NotEmpty(expected);

        var got = new List<string>();
        for (var page = 1; ; page++)
        {
            var result = queries.Accounts(snapshot, query with { Page = page });
            Assert.Equal(expected.Count, result.Total);
            if (result.Rows.Count == 0)
            {
                break;
            }

            got.AddRange(result.Rows.Select(r => r.AccountId));
        }

        Assert.Equal(expected, got);
    }
}
