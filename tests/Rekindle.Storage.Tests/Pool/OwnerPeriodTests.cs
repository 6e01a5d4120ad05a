using Rekindle.App.Workspace;
using static Rekindle.Storage.Tests.Pooling.PoolKit;

namespace Rekindle.Storage.Tests.Pooling;

/// <summary>An account has one owner at a time: a new period starts the day the last one ends.</summary>
public class OwnerPeriodTests
{
    [Theory]
    [InlineData(WorkspaceProvider.Sqlite)]
    [PostgresData]
    public void Claim_SameDayAsRelease_PeriodsDoNotOverlap(WorkspaceProvider provider)
    {
        using var workspace = new TestWorkspace(provider);
        Reps(workspace, ["R1", "GONE"]);
        Accounts(workspace, "GONE", ["A1"]);
        PoolAll(workspace, "GONE", "2026-11-23");
        Assert.True(Claim(workspace, "A1", "R1", "2026-11-23").Granted);

        using var db = workspace.Open();
        var rows = db.Ownerships.Where(o => o.AccountId == "A1").OrderBy(o => o.FromDate).ThenBy(o => o.Id).ToList();
        Assert.Equal(["GONE", "R1"], rows.Select(o => o.RepId));
        Assert.Equal(D("2026-11-23"), rows[0].ToDate);
        Assert.Equal(D("2026-11-23"), rows[1].FromDate);
        Assert.Null(rows[1].ToDate);

        var shown = Rk.Run(workspace, "account", "A1", "--as-of", "2026-11-23");
        Assert.Contains("2024-01-01 to 2026-11-23  GONE", shown.Out);
        Assert.Contains("2026-11-23 to now  R1", shown.Out);
    }

    [Theory]
    [InlineData(WorkspaceProvider.Sqlite)]
    public void ClaimAndRelease_DatedAfterToday_AreRefused(WorkspaceProvider provider)
    {
        using var workspace = new TestWorkspace(provider);
        Reps(workspace, ["R1", "GONE"]);
        Accounts(workspace, "GONE", ["A1"]);
        Accounts(workspace, "R1", ["B1"]);
        PoolAll(workspace, "GONE", "2026-11-01");
        var claim = Claim(workspace, "A1", "R1", "2026-11-24");
        Assert.Equal(Rekindle.Pool.RefusalRule.DateAfterToday, claim.Refusal?.Rule);
        Assert.Equal(Rekindle.Pool.RefusalRule.DateAfterToday, Release(workspace, "B1", "R1", "2026-12-01").Refusal?.Rule);
        Assert.True(Claim(workspace, "A1", "R1", "2026-11-23").Granted); // today is fine
    }

    [Fact]
    public void Periods_StoredOverlap_EndsTheDayTheNextStarts()
    {
        Ownership[] rows =
        [
            new() { Id = 1, AccountId = "A", RepId = "R013", FromDate = D("2024-10-31"), ToDate = D("2026-11-24"), Reason = OwnershipReasons.Assigned },
            new() { Id = 2, AccountId = "A", RepId = "R005", FromDate = D("2026-11-23"), Reason = OwnershipReasons.Claimed },
        ];
        var periods = AccountView.Periods(rows);
        Assert.Equal(D("2026-11-23"), periods[0].ToDate);
        Assert.Null(periods[1].ToDate);
    }
}
