using Rekindle.App.Pool;
using static Rekindle.Storage.Tests.Pooling.PoolKit;

namespace Rekindle.Storage.Tests.Pooling;

/// <summary>The value at stake a rep sees in the pool: what the account was worth a year when it stopped buying.</summary>
public class PoolValueTests
{
    [Theory]
    [InlineData(WorkspaceProvider.Sqlite)]
    [PostgresData]
    public void List_DormantAccount_ValueAtStakeIsTheYearUpToItsLastOrder(WorkspaceProvider provider)
    {
        using var workspace = new TestWorkspace(provider);
        Reps(workspace, ["R1", "GONE"]);
        Accounts(workspace, "GONE", ["A1"]);
        Order(workspace, "O1", "A1", "2023-09-01", 5000m); // more than 365 days before the last order
        Order(workspace, "O2", "A1", "2024-03-01", 300m);
        Order(workspace, "O3", "A1", "2024-09-01", 400m);
        PoolAll(workspace, "GONE", "2026-01-01");

        using var db = workspace.Open();
        var row = Assert.Single(new PoolQueries(db).List(D("2026-11-23")));
        Assert.Equal(700m, row.ValueAtStake);
    }

    [Theory]
    [InlineData(WorkspaceProvider.Sqlite)]
    public void Report_Claim_ValueAtStakeClaimedUsesTheSameDefinition(WorkspaceProvider provider)
    {
        using var workspace = new TestWorkspace(provider);
        Reps(workspace, ["R1", "GONE"]);
        Accounts(workspace, "GONE", ["A1"]);
        Order(workspace, "O1", "A1", "2023-09-01", 5000m);
        Order(workspace, "O2", "A1", "2024-03-01", 300m);
        Order(workspace, "O3", "A1", "2024-09-01", 400m);
        PoolAll(workspace, "GONE", "2026-01-01");
        Assert.True(Claim(workspace, "A1", "R1", "2026-02-01").Granted);

        using var db = workspace.Open();
        var rep = Assert.Single(new PoolQueries(db).Report(D("2026-01-01"), D("2026-11-23")).Reps, r => r.RepId == "R1");
        Assert.Equal(700m, rep.ValueAtStakeClaimed);
    }
}
