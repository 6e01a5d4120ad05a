using Microsoft.Extensions.Time.Testing;
using Rekindle.App.Workspace;
using Rekindle.Policies;

namespace Rekindle.Storage.Tests;

public class ClassifiedBookCacheTests(GeneratedCompanies companies) : IClassFixture<GeneratedCompanies>
{
    private static readonly DateOnly AsOf = new(2026, 11, 23);

    [Fact]
    public void AccountViews_ShareOneClassification_UntilTheDatePolicyOrDataChange()
    {
        using var workspace = new TestWorkspace(WorkspaceProvider.Sqlite);
        Assert.Equal(0, Rk.Run(workspace, "import", companies.Of(300)).ExitCode);
        using var db = workspace.Open();
        var ids = db.Accounts.Select(a => a.AccountId).OrderBy(a => a).Take(2).ToList();
        var cache = new ClassifiedBookCache();
        var view = new AccountView(db, cache);

        var first = view.Load(ids[0], AsOf, Policy.Default)!;
        var second = view.Load(ids[1], AsOf, Policy.Default)!;
        Assert.Equal(1, cache.Computed);
        var uncached = new AccountView(db).Load(ids[0], AsOf, Policy.Default)!;
        Assert.Equal((uncached.Classification, uncached.Reasons), (first.Classification, first.Reasons));
        Assert.NotEqual(first.Account.AccountId, second.Account.AccountId);

        view.Load(ids[0], AsOf.AddDays(-1), Policy.Default);
        Assert.Equal(2, cache.Computed);
        view.Load(ids[0], AsOf.AddDays(-1), Policy.Default with { DormantAfterDays = 300 });
        Assert.Equal(3, cache.Computed);

        // A policy stored (or an import run) writes the audit log: the next view classifies afresh.
        new WorkspacePolicies(db, new FakeTimeProvider(Rk.Today)).Set(Policy.Default with { DormantAfterDays = 300 }, "sooner", "Ann");
        view.Load(ids[0], AsOf.AddDays(-1), Policy.Default with { DormantAfterDays = 300 });
        Assert.Equal(4, cache.Computed);

        // A pool change (here an early release) changes an owner, which the book carries: classified afresh too.
        var owner = db.Accounts.Where(a => a.AccountId == ids[0]).Select(a => a.OwnerRepId).Single()!;
        Assert.True(new App.Pool.PoolActions(db, new FakeTimeProvider(Rk.Today)).Release(ids[0], owner, "no time for it", AsOf).Granted);
        view.Load(ids[0], AsOf.AddDays(-1), Policy.Default with { DormantAfterDays = 300 });
        Assert.Equal(5, cache.Computed);
    }

    /// <summary>Two dates in turn are classified once each (the cache keeps several); the same date asked at once by many is classified once.</summary>
    [Fact]
    public void Get_DatesInTurnAndConcurrentRequests_ClassifyEachDateOnce()
    {
        using var workspace = new TestWorkspace(WorkspaceProvider.Sqlite);
        Assert.Equal(0, Rk.Run(workspace, "import", companies.Of(300)).ExitCode);
        var cache = new ClassifiedBookCache();

        Parallel.For(0, 8, _ =>
        {
            using var db = workspace.Open();
            cache.Get(db, Policy.Default, AsOf);
        });
        using (var db = workspace.Open())
        {
            for (var i = 0; i < 3; i++)
            {
                cache.Get(db, Policy.Default, AsOf.AddDays(-30));
                cache.Get(db, Policy.Default, AsOf);
            }

            Assert.Equal(2, cache.Computed);
            for (var d = 1; d <= ClassifiedBookCache.Capacity; d++)
            {
                cache.Get(db, Policy.Default, AsOf.AddDays(-d));
            }

            Assert.Equal(2 + ClassifiedBookCache.Capacity, cache.Computed);
            cache.Get(db, Policy.Default, AsOf); // pushed out by the four newer dates: classified again
            Assert.Equal(3 + ClassifiedBookCache.Capacity, cache.Computed);
        }
    }
}
