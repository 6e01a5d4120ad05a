using Microsoft.EntityFrameworkCore;
using Rekindle.App.Workspace;
using Rekindle.Lifecycle;

namespace Rekindle.Storage.Tests;

/// <summary>
/// The account list sorted and paged in SQL gives the same order on both providers: the sort key, then the account id
/// compared ordinally, even for ids a locale's collation would order otherwise (case, punctuation).
/// </summary>
public class AccountListOrderTests(GeneratedCompanies companies) : IClassFixture<GeneratedCompanies>
{
    private static readonly string[] AwkwardIds = ["a-1", "A1", "a_2", "B", "b", "a1", "Z-0", "_x"];

    [Theory]
    [InlineData(WorkspaceProvider.Sqlite)]
    [PostgresData]
    public void Accounts_SortedInSql_TieBreakOnTheAccountIdOrdinally(WorkspaceProvider provider)
    {
        using var workspace = new TestWorkspace(provider);
        Assert.Equal(0, Rk.Run(workspace, "import", companies.Of(300)).ExitCode);
        Assert.Equal(0, Rk.Run(workspace, "classify", "--as-of", "2026-06-30", "--save", "--format", "csv").ExitCode);
        using var db = workspace.Open();
        var snapshot = new SnapshotQueries(db).Latest()!;
        foreach (var id in AwkwardIds)
        {
            db.Accounts.Add(new Account { AccountId = id, Name = id });
            db.SnapshotAccounts.Add(new SnapshotAccount
            {
                SnapshotId = snapshot.Id,
                AccountId = id,
                Status = LifecycleStatus.Dormant,
                Revenue12m = 0m,
                DaysSinceLastOrder = null,
                Reasons = "",
            });
        }

        db.SaveChanges();
        var all = db.SnapshotAccounts.AsNoTracking().Where(r => r.SnapshotId == snapshot.Id).ToList();

        foreach (var sort in new[] { AccountSort.Revenue, AccountSort.DaysSinceLastOrder, AccountSort.Status })
        {
            foreach (var desc in new[] { false, true })
            {
                var keyed = sort switch
                {
                    AccountSort.DaysSinceLastOrder => desc ? all.OrderByDescending(r => r.DaysSinceLastOrder ?? int.MaxValue) : all.OrderBy(r => r.DaysSinceLastOrder ?? int.MaxValue),
                    AccountSort.Status => desc ? all.OrderByDescending(r => r.Status) : all.OrderBy(r => r.Status),
                    _ => desc ? all.OrderByDescending(r => r.Revenue12m) : all.OrderBy(r => r.Revenue12m),
                };
                var expected = keyed.ThenBy(r => r.AccountId, StringComparer.Ordinal).Select(r => r.AccountId).ToList();
                var got = Enumerable.Range(1, 7)
                    .SelectMany(page => new SnapshotQueries(db).Accounts(snapshot, new AccountQuery { Sort = sort, Descending = desc, Page = page, PageSize = 50 }).Rows)
                    .Select(r => r.AccountId).ToList();
                Assert.Equal(expected, got);
            }
        }
    }
}
