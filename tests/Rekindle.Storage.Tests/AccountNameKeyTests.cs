using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Rekindle.App.Workspace;
using Rekindle.Lifecycle;

namespace Rekindle.Storage.Tests;

/// <summary>
/// The account list's name sort and text search run in SQL on the stored name key (the name upper-cased by .NET's
/// invariant rules, compared ordinally): both providers give the same order and the same matches, letters beyond ASCII
/// included, and a workspace from before the key gets every account's key on upgrade.
/// </summary>
public class AccountNameKeyTests
{
    /// <summary>Names whose order a locale's collation or an ASCII-only upper() would get otherwise.</summary>
    private static readonly (string Id, string Name)[] Awkward =
    [
        ("n01", "émile sàrl"), ("n02", "Émile SA"), ("n03", "zoë trading"), ("n04", "ZOË Holdings"), ("n05", "Zed Ltd"),
        ("n06", "abc"), ("n07", "ABC"), ("n08", "Abc"), ("n09", "a-b"), ("n10", "a_b"), ("n11", "_x"), ("n12", "ärzte gmbh"),
        ("n13", "Øresund"), ("n14", "oscar"), ("n15", "Ñandú"), ("n16", ""), ("N17", "Œuvre"), ("n18", "ǆ dz"),
    ];

    [Theory]
    [InlineData(WorkspaceProvider.Sqlite)]
    [PostgresData]
    public void Accounts_SortedByName_AreInNameKeyOrderOrdinally_ThenById_PageByPage(WorkspaceProvider provider)
    {
        using var workspace = Seeded(provider);
        using var db = workspace.Open();
        var snapshot = new SnapshotQueries(db).Latest()!;
        var ascending = Awkward.OrderBy(a => Account.KeyOf(a.Name), StringComparer.Ordinal).ThenBy(a => a.Id, StringComparer.Ordinal).Select(a => a.Id).ToList();

        foreach (var descending in new[] { false, true })
        {
            var got = Enumerable.Range(1, 5)
                .SelectMany(page => new SnapshotQueries(db).Accounts(snapshot, new AccountQuery { Sort = AccountSort.Name, Descending = descending, Page = page, PageSize = 4 }).Rows)
                .Select(r => r.AccountId).ToList();
            Assert.Equal(descending ? Enumerable.Reverse(ascending) : ascending, got);
        }

        // The same order .NET's case-insensitive ordinal comparison gives these names (all in the BMP).
        Assert.Equal(ascending, Awkward.OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase).ThenBy(a => a.Id, StringComparer.Ordinal).Select(a => a.Id));
    }

    [Theory]
    [InlineData(WorkspaceProvider.Sqlite)]
    [PostgresData]
    public void Accounts_Searched_MatchTheNameInAnyCase_OrTheIdInAnyCaseOfItsAsciiLetters(WorkspaceProvider provider)
    {
        using var workspace = Seeded(provider);
        using var db = workspace.Open();
        var snapshot = new SnapshotQueries(db).Latest()!;
        (string Search, string Expected)[] cases =
        [
            ("ÉMILE", "n01,n02"), ("zoë", "n03,n04"), ("Ärzte", "n12"), ("ǅ", "n18"), ("n1", "N17,n10,n11,n12,n13,n14,n15,n16,n18"),
            ("N17", "N17"), ("nothing like it", ""),
        ];

        foreach (var (search, expected) in cases)
        {
            var page = new SnapshotQueries(db).Accounts(snapshot, new AccountQuery { Search = search, PageSize = 50 });

            Assert.True(expected == string.Join(',', page.Rows.Select(r => r.AccountId).Order(StringComparer.Ordinal)), $"search '{search}'");
            Assert.Equal(page.Rows.Count, page.Total);
        }
    }

    [Theory]
    [InlineData(WorkspaceProvider.Sqlite)]
    [PostgresData]
    public void Upgrade_FromBeforeTheNameKey_KeysEveryAccountAsDotNetUpperCasesIt(WorkspaceProvider provider)
    {
        using var workspace = new TestWorkspace(provider);
        using (var old = workspace.Location.CreateContext())
        {
            var before = old.Database.GetMigrations().Single(m => m.EndsWith("_ListIndexes", StringComparison.Ordinal));
            old.GetService<IMigrator>().Migrate(before);
            foreach (var (id, name) in Awkward)
            {
                old.Database.ExecuteSql($"INSERT INTO accounts (account_id, name, industry, region, created_on) VALUES ({id}, {name}, '', '', {new DateOnly(2025, 1, 1)})");
            }
        }

        using var db = workspace.Open();

        var keys = db.Accounts.AsNoTracking().Select(a => new { a.AccountId, a.Name, a.NameKey }).ToList();
        Assert.Equal(Awkward.Length, keys.Count);
        Assert.All(keys, a => Assert.Equal(Account.KeyOf(a.Name), a.NameKey));
        Assert.Contains(keys, a => a.NameKey == "ÉMILE SÀRL");
        Assert.Equal(0, db.RepairNameKeys()); // nothing left to set
    }

    [Fact]
    public void NameKey_FollowsTheName_WheneverItIsSet()
    {
        var account = new Account { AccountId = "a", Name = "Émile" };
        Assert.Equal("ÉMILE", account.NameKey);

        account.Name = "straße";
        Assert.Equal("STRAßE", account.NameKey); // ß has no one-letter upper case: kept, as .NET's invariant rules keep it
    }

    /// <summary>A workspace holding only the awkward accounts, each in one saved snapshot with its own revenue.</summary>
    private static TestWorkspace Seeded(WorkspaceProvider provider)
    {
        var workspace = new TestWorkspace(provider);
        using var db = workspace.Open();
        var snapshot = new ClassificationSnapshot
        {
            AsOf = new DateOnly(2026, 6, 30),
            PolicyVersionId = "test",
            SavedAtUtc = new DateTime(2026, 6, 30, 3, 0, 0, DateTimeKind.Utc),
            SavedBy = "test",
            Accounts = Awkward.Length,
        };
        db.Snapshots.Add(snapshot);
        foreach (var (id, name) in Awkward)
        {
            db.Accounts.Add(new Account { AccountId = id, Name = name });
        }

        db.SaveChanges();
        foreach (var (i, (id, _)) in Awkward.Index())
        {
            db.SnapshotAccounts.Add(new SnapshotAccount { SnapshotId = snapshot.Id, AccountId = id, Status = LifecycleStatus.Active, Revenue12m = i, Reasons = "" });
        }

        db.SaveChanges();
        return workspace;
    }
}
