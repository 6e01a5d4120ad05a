using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Rekindle.App.Workspace;

namespace Rekindle.Storage.Tests;

/// <summary>
/// Writes follow references whatever the batch boundaries: an account's ownership period never reaches the database
/// before the account, and a bad or duplicate row after good owned accounts is reported with its line (exit 2), not
/// masked by a foreign-key error from a half-written batch.
/// </summary>
public class ImportReferenceOrderTests
{
    private const string RepsCsv = "rep_id,name,email,commission_rate,active\nR1,Rita,rita@example.com,0.05,true\nR2,Sam,sam@example.com,0.05,true\n";
    private const string AccountsHeader = "account_id,name,industry,region,created_on,owner_rep_id\n";
    private const string NoOrders = "order_id,account_id,order_date,amount,currency,status\n";

    [Theory]
    [InlineData(WorkspaceProvider.Sqlite)]
    [PostgresData]
    public void Import_BadDateAfterGoodOwnedAccount_ExitsTwoWithTheLine(WorkspaceProvider provider)
    {
        using var workspace = new TestWorkspace(provider);
        using var folder = new TempFolder()
            .Write("orders.csv", NoOrders)
            .Write("reps.csv", RepsCsv)
            .Write("accounts.csv", AccountsHeader + "A3,Good,Retail,West,2020-01-01,R1\nA4,Bad,Retail,West,2020-13-01,R1\n");
        var before = workspace.Fingerprint();

        var result = Rk.Run(workspace, "import", folder.Path);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("error: accounts.csv:3: column created_on value \"2020-13-01\": not a valid date", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("FOREIGN KEY", result.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, workspace.Fingerprint());
    }

    [Theory]
    [InlineData(WorkspaceProvider.Sqlite)]
    [PostgresData]
    public void Import_DuplicateOwnedAccount_ExitsTwoWithTheLine(WorkspaceProvider provider)
    {
        using var workspace = new TestWorkspace(provider);
        using var folder = new TempFolder()
            .Write("orders.csv", NoOrders)
            .Write("reps.csv", RepsCsv)
            .Write("accounts.csv", AccountsHeader + "A3,Good,Retail,West,2020-01-01,R1\nA3,Again,Retail,West,2020-01-01,R2\n");
        var before = workspace.Fingerprint();

        var result = Rk.Run(workspace, "import", folder.Path);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("error: accounts.csv:3: column account_id value \"A3\": duplicate id (first seen on line 2)", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, workspace.Fingerprint());
    }

    /// <summary>The attack run's case at the real batch size: A0 moves to R2, then 20,000 new accounts owned by R1.</summary>
    [Theory]
    [InlineData(WorkspaceProvider.Sqlite)]
    [PostgresData]
    public void Import_OwnerChangeThenTwentyThousandNewAccounts_Succeeds(WorkspaceProvider provider)
    {
        using var workspace = Seeded(provider, "A0");
        using var folder = OwnerChange("A0", "N", position: 0, newAccounts: 20_000);

        var result = Rk.Run(workspace, "import", folder.Path);

        Assert.True(result.ExitCode == 0, result.ToString());
        AssertOwnerships(workspace, "A0", "N", newAccounts: 20_000);
    }

    /// <summary>
    /// With batches of 4 rows, an owner change at every position of a batch with 1 to 9 new accounts after or around it:
    /// every boundary of the accounts' and the ownerships' buffers falls on every row at least once. Each case moves
    /// an account of its own (M{case}) and adds accounts of its own, so one workspace holds them all.
    /// </summary>
    [Theory]
    [InlineData(WorkspaceProvider.Sqlite)]
    [PostgresData]
    public void Import_BatchBoundaryAtEveryPosition_WritesEveryAccountAndPeriod(WorkspaceProvider provider)
    {
        const int batch = 4;
        var cases = (from position in Enumerable.Range(0, batch + 1)
                     from newAccounts in Enumerable.Range(1, 2 * batch + 1)
                     select (position, newAccounts)).ToList();
        using var workspace = Seeded(provider, [.. cases.Select((_, i) => $"M{i:D2}")]);
        var clock = new FakeTimeProvider(Rk.Today);
        foreach (var ((position, newAccounts), i) in cases.Select((c, i) => (c, i)))
        {
            using var folder = OwnerChange($"M{i:D2}", $"C{i:D2}-", position, newAccounts);
            using (var db = workspace.Open())
            {
                var report = new WorkspaceImporter(db, clock).Import(ImportFormat.Folder, folder.Path, new ImportOptions { BatchRows = batch });
                Assert.Equal((newAccounts, 1L), (report.Inserted, report.Updated));
            }

            AssertOwnerships(workspace, $"M{i:D2}", $"C{i:D2}-", newAccounts);
        }
    }

    /// <summary>A workspace with reps R1, R2 and the accounts <paramref name="moved"/>, owned by R1.</summary>
    private static TestWorkspace Seeded(WorkspaceProvider provider, params string[] moved)
    {
        var workspace = new TestWorkspace(provider);
        var accounts = AccountsHeader + string.Concat(moved.Select(id => $"{id},Moved,Retail,West,2020-01-01,R1\n"));
        using var folder = new TempFolder().Write("orders.csv", NoOrders).Write("reps.csv", RepsCsv).Write("accounts.csv", accounts);
        var result = Rk.Run(workspace, "import", folder.Path);
        Assert.True(result.ExitCode == 0, result.ToString());
        return workspace;
    }

    /// <summary>accounts.csv with <paramref name="newAccounts"/> new accounts owned by R1 and <paramref name="moved"/> moved to R2 at <paramref name="position"/>.</summary>
    private static TempFolder OwnerChange(string moved, string prefix, int position, int newAccounts)
    {
        var rows = Enumerable.Range(1, newAccounts).Select(i => $"{prefix}{i:D5},New {i},Retail,West,2021-01-01,R1").ToList();
        rows.Insert(Math.Min(position, rows.Count), $"{moved},Moved,Retail,West,2020-01-01,R2");
        return new TempFolder().Write("orders.csv", NoOrders).Write("reps.csv", RepsCsv).Write("accounts.csv", AccountsHeader + string.Join('\n', rows) + "\n");
    }

    private static void AssertOwnerships(TestWorkspace workspace, string moved, string prefix, int newAccounts)
    {
        using var db = workspace.Open();
        Assert.Equal(newAccounts, db.Accounts.Count(a => a.AccountId.StartsWith(prefix)));
        Assert.Equal("R2", db.Accounts.AsNoTracking().Single(a => a.AccountId == moved).OwnerRepId);
        Assert.Equal(newAccounts, db.Ownerships.Count(o => o.AccountId.StartsWith(prefix) && o.RepId == "R1" && o.ToDate == null));
        Assert.Equal(["R1", "R2"], db.Ownerships.Where(o => o.AccountId == moved).OrderBy(o => o.FromDate).ThenBy(o => o.ToDate == null).Select(o => o.RepId).ToList());
    }
}
