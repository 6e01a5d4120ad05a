using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Rekindle.App.Workspace;
using Rekindle.Lifecycle;

namespace Rekindle.Storage.Tests;

/// <summary>
/// The account list sorted and paged in SQL gives the same order on both providers: the sort key (a name by its
/// <see cref="Account.NameKey"/>), then the account id compared ordinally, even for ids a locale's collation would
/// order otherwise (case, punctuation); and each sort reads its page from an index.
/// </summary>
public class AccountListOrderTests(GeneratedCompanies companies) : IClassFixture<GeneratedCompanies>
{
    private static readonly string[] AwkwardIds = ["a-1", "A1", "a_2", "B", "b", "a1", "Z-0", "_x"];

    [Theory]
    [InlineData(WorkspaceProvider.Sqlite)]
    [PostgresData]
    public void Accounts_SortedInSql_TieBreakOnTheAccountIdOrdinallyInTheSortsDirection(WorkspaceProvider provider)
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
        var names = db.Accounts.AsNoTracking().ToDictionary(a => a.AccountId, a => a.Name, StringComparer.Ordinal);

        foreach (var sort in Enum.GetValues<AccountSort>())
        {
            foreach (var desc in new[] { false, true })
            {
                var keyed = sort switch
                {
                    AccountSort.Name => desc
                        ? all.OrderByDescending(r => Account.KeyOf(names[r.AccountId]), StringComparer.Ordinal)
                        : all.OrderBy(r => Account.KeyOf(names[r.AccountId]), StringComparer.Ordinal),
                    AccountSort.DaysSinceLastOrder => desc ? all.OrderByDescending(r => r.DaysSinceLastOrder ?? int.MaxValue) : all.OrderBy(r => r.DaysSinceLastOrder ?? int.MaxValue),
                    AccountSort.Status => desc ? all.OrderByDescending(r => r.Status) : all.OrderBy(r => r.Status),
                    _ => desc ? all.OrderByDescending(r => r.Revenue12m) : all.OrderBy(r => r.Revenue12m),
                };
                // Ties follow the sort's direction (one index per key serves both directions).
                var tied = desc ? keyed.ThenByDescending(r => r.AccountId, StringComparer.Ordinal) : keyed.ThenBy(r => r.AccountId, StringComparer.Ordinal);
                var expected = tied.Select(r => r.AccountId).ToList();
                var got = Enumerable.Range(1, 7)
                    .SelectMany(page => new SnapshotQueries(db).Accounts(snapshot, new AccountQuery { Sort = sort, Descending = desc, Page = page, PageSize = 50 }).Rows)
                    .Select(r => r.AccountId).ToList();
                Assert.Equal(expected, got);
            }
        }
    }

    [Theory]
    [InlineData(AccountSort.Name, false, null)]
    [InlineData(AccountSort.Name, true, null)]
    [InlineData(AccountSort.Status, false, null)]
    [InlineData(AccountSort.Status, true, null)]
    [InlineData(AccountSort.Revenue, false, null)]
    [InlineData(AccountSort.Revenue, true, null)]
    [InlineData(AccountSort.Revenue, true, LifecycleStatus.Dormant)]
    [InlineData(AccountSort.DaysSinceLastOrder, false, null)]
    [InlineData(AccountSort.DaysSinceLastOrder, true, null)]
    public void Accounts_PageOfTheWholeSnapshot_ReadInIndexOrderWithoutSorting(AccountSort sort, bool descending, LifecycleStatus? status)
    {
        using var workspace = new TestWorkspace(WorkspaceProvider.Sqlite);
        Assert.Equal(0, Rk.Run(workspace, "import", companies.Of(300)).ExitCode);
        Assert.Equal(0, Rk.Run(workspace, "classify", "--as-of", "2026-06-30", "--save", "--format", "csv").ExitCode);
        var plans = new QueryPlans();
        using var db = new SqliteWorkspaceDb(new DbContextOptionsBuilder<SqliteWorkspaceDb>(SqliteWorkspaceDb.Options(workspace.Location.ConnectionString))
            .AddInterceptors(plans).Options);
        var snapshot = new SnapshotQueries(db).Latest()!;
        plans.Paged.Clear();

        var page = new SnapshotQueries(db).Accounts(snapshot, new AccountQuery { Sort = sort, Descending = descending, Status = status, Page = 2, PageSize = 20 });

        Assert.Equal(20, page.Rows.Count);
        Assert.NotEmpty(plans.Paged); // the status sort reads a query per status the page falls in
        Assert.All(plans.Paged, plan =>
        {
            Assert.Contains(sort == AccountSort.Name ? "ix_accounts_name_key" : "ix_snapshot_accounts_", plan, StringComparison.Ordinal);
            Assert.DoesNotContain("TEMP B-TREE", plan, StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData(AccountSort.Name)]
    [InlineData(AccountSort.Revenue)]
    [InlineData(AccountSort.DaysSinceLastOrder)]
    [InlineData(AccountSort.Status)]
    public void Accounts_OfOneRep_ReadFromTheRepsAccounts_NotByWalkingTheSnapshot(AccountSort sort)
    {
        using var workspace = new TestWorkspace(WorkspaceProvider.Sqlite);
        Assert.Equal(0, Rk.Run(workspace, "import", companies.Of(300)).ExitCode);
        Assert.Equal(0, Rk.Run(workspace, "classify", "--as-of", "2026-06-30", "--save", "--format", "csv").ExitCode);
        var plans = new QueryPlans();
        using var db = new SqliteWorkspaceDb(new DbContextOptionsBuilder<SqliteWorkspaceDb>(SqliteWorkspaceDb.Options(workspace.Location.ConnectionString))
            .AddInterceptors(plans).Options);
        var snapshot = new SnapshotQueries(db).Latest()!;
        var rep = db.Accounts.Where(a => a.OwnerRepId != null).Select(a => a.OwnerRepId!).OrderBy(r => r).First();
        plans.Paged.Clear();

        var page = new SnapshotQueries(db).Accounts(snapshot, new AccountQuery { Sort = sort, Owner = rep, Page = 1, PageSize = 10 });

        Assert.Equal(10, page.Rows.Count);
        Assert.All(page.Rows, r => Assert.Equal(rep, r.OwnerRepId));
        Assert.NotEmpty(plans.Paged);
        Assert.All(plans.Paged, plan =>
        {
            Assert.DoesNotContain("SCAN s", plan, StringComparison.Ordinal); // every snapshot row
            if (sort != AccountSort.Name)
            {
                Assert.StartsWith("SEARCH a USING INDEX IX_accounts_owner_rep_id", plan, StringComparison.Ordinal);
            }
        });
    }

    /// <summary>SQLite's plan (EXPLAIN QUERY PLAN, same parameters) of every paged query the context runs.</summary>
    private sealed class QueryPlans : DbCommandInterceptor
    {
        public List<string> Paged { get; } = [];

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            if (command.CommandText.Contains("LIMIT", StringComparison.Ordinal))
            {
                using var explain = command.Connection!.CreateCommand();
                explain.Transaction = command.Transaction;
                explain.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
                foreach (DbParameter p in command.Parameters)
                {
                    var copy = explain.CreateParameter();
                    copy.ParameterName = p.ParameterName;
                    copy.Value = p.Value;
                    explain.Parameters.Add(copy);
                }

                using var reader = explain.ExecuteReader();
                var steps = new List<string>();
                while (reader.Read())
                {
                    steps.Add(reader.GetString(3));
                }

                Paged.Add(string.Join(" | ", steps));
            }

            return result;
        }
    }
}
