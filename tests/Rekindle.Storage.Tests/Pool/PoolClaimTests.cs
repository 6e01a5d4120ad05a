using Microsoft.EntityFrameworkCore;
using Rekindle.App.Pool;
using Rekindle.Policies;
using Rekindle.Pool;
using static Rekindle.Storage.Tests.Pooling.PoolKit;

namespace Rekindle.Storage.Tests.Pooling;

/// <summary>Claims through the workspace: one winner under real concurrency, the limits and the cooldown at their edges.</summary>
public class PoolClaimTests
{
    [Theory]
    [InlineData(WorkspaceProvider.Sqlite)]
    [PostgresData]
    public async Task Claim_50ParallelClaimersOver200Accounts_OneOwnerEachNoClaimLostEveryRefusalExplained(WorkspaceProvider provider)
    {
        using var workspace = new TestWorkspace(provider);
        var accounts = Enumerable.Range(0, 200).Select(i => $"A{i:000}").ToList();
        var claimers = Enumerable.Range(0, 50).Select(i => $"R{i:00}").ToList();
        Reps(workspace, [.. claimers, "GONE"]);
        Accounts(workspace, "GONE", accounts);
        PoolAll(workspace, "GONE", "2026-11-01");

        // Every claimer goes for A000 first, then 4 accounts of its own seeded shuffle: many collide.
        var start = new ManualResetEventSlim();
        var tasks = claimers.Select((rep, i) => Task.Factory.StartNew(
            () =>
            {
                var rest = accounts.Skip(1).ToArray();
                new Random(i).Shuffle(rest);
                var order = rest.Take(4).Prepend("A000").ToList();
                using var db = workspace.Location.CreateContext();
                var actions = new PoolActions(db, Clock);
                start.Wait();
                return order.Select(a => (Account: a, Rep: rep, Outcome: actions.Claim(a, rep, D("2026-11-23")))).ToList();
            },
            TaskCreationOptions.LongRunning)).ToList();
        start.Set();
        var attempts = (await Task.WhenAll(tasks)).SelectMany(x => x).ToList();

        var granted = attempts.Where(a => a.Outcome.Granted).ToList();
        var refused = attempts.Where(a => !a.Outcome.Granted).ToList();
        Assert.Single(granted, a => a.Account == "A000");
        Assert.All(refused, a => Assert.Contains(a.Outcome.Refusal!.Rule, new[] { RefusalRule.AlreadyClaimed, RefusalRule.DailyClaimLimit }));
        Assert.All(granted.GroupBy(a => a.Rep), g => Assert.True(g.Count() <= Rekindle.Policies.Policy.DefaultMaxClaimsPerRepPerDay));

        using var check = workspace.Open();
        var held = check.PoolClaims.AsNoTracking().Where(c => c.EndedOn == null).ToList();
        Assert.Equal(granted.Count, held.Count);
        Assert.Equal(held.Count, held.Select(c => c.AccountId).Distinct().Count());
        var owners = check.Accounts.AsNoTracking().Where(a => a.OwnerRepId != null).ToDictionary(a => a.AccountId, a => a.OwnerRepId);
        Assert.All(granted, g => Assert.Equal(g.Rep, owners[g.Account]));
        Assert.Equal(granted.Count, owners.Count);
        Assert.All(granted, g => Assert.Single(check.Ownerships.AsNoTracking().Where(o => o.AccountId == g.Account && o.ToDate == null).ToList()));
        var events = check.PoolEvents.AsNoTracking().ToList();
        Assert.Equal(granted.Count, events.Count(e => e.Action == "claim_granted"));
        Assert.Equal(refused.Count, events.Count(e => e.Action == "claim_refused" && e.Why != null && e.Code != null));
    }

    [Theory]
    [InlineData(WorkspaceProvider.Sqlite)]
    [PostgresData]
    public void Claim_DailyAndOpenLimits_RefuseAtNPlus1(WorkspaceProvider provider)
    {
        using var workspace = new TestWorkspace(provider);
        Reps(workspace, ["R1", "R2", "GONE"]);
        Accounts(workspace, "GONE", Enumerable.Range(1, 8).Select(i => $"A{i}"));
        SetPolicy(workspace, Rekindle.Policies.Policy.Default with { MaxClaimsPerRepPerDay = 3, MaxOpenClaimsPerRep = 4 });
        PoolAll(workspace, "GONE", "2026-11-01");

        // Daily: N-1 and N granted, N+1 refused; the next day the count starts again.
        Assert.True(Claim(workspace, "A1", "R1", "2026-11-02").Granted);
        Assert.True(Claim(workspace, "A2", "R1", "2026-11-02").Granted);
        Assert.True(Claim(workspace, "A3", "R1", "2026-11-02").Granted);
        var daily = Claim(workspace, "A4", "R1", "2026-11-02");
        Assert.Equal(RefusalRule.DailyClaimLimit, daily.Refusal?.Rule);
        Assert.Contains("maxClaimsPerRepPerDay = 3", daily.Refusal!.Message);

        // Open: 3 held, the 4th (N) granted, the 5th (N+1) refused.
        Assert.True(Claim(workspace, "A4", "R1", "2026-11-03").Granted);
        var open = Claim(workspace, "A5", "R1", "2026-11-03");
        Assert.Equal(RefusalRule.OpenClaimLimit, open.Refusal?.Rule);
        Assert.Contains("holds 4 open claims", open.Refusal!.Message);

        // Another rep is not limited by R1's claims; an account already claimed is refused by name.
        Assert.True(Claim(workspace, "A5", "R2", "2026-11-03").Granted);
        Assert.Equal(RefusalRule.AlreadyClaimed, Claim(workspace, "A5", "R1", "2026-11-04").Refusal?.Rule);
    }

    [Theory]
    [InlineData(WorkspaceProvider.Sqlite)]
    [PostgresData]
    public void Claim_PreviousOwnerCooldown_RefusedTheDayBeforeAllowedOnAndAfter(WorkspaceProvider provider)
    {
        using var workspace = new TestWorkspace(provider);
        Reps(workspace, ["R1", "R2"]);
        Accounts(workspace, "R1", ["A1", "A2", "A3"]);
        SetPolicy(workspace, Rekindle.Policies.Policy.Default with { ReclaimCooldownDays = 10 });
        foreach (var a in new[] { "A1", "A2", "A3" })
        {
            Assert.True(Release(workspace, a, "R1", "2026-10-01").Granted);
        }

        var before = Claim(workspace, "A1", "R1", "2026-10-10");
        Assert.Equal(RefusalRule.ReclaimCooldown, before.Refusal?.Rule);
        Assert.Contains("not before 2026-10-11", before.Refusal!.Message);
        Assert.True(Claim(workspace, "A2", "R1", "2026-10-11").Granted);
        Assert.True(Claim(workspace, "A3", "R1", "2026-10-12").Granted);

        // Another rep is never in the cooldown; an inactive rep never receives an account.
        Assert.True(Claim(workspace, "A1", "R2", "2026-10-02").Granted);
        using (var db = workspace.Open())
        {
            Assert.True(new PoolActions(db, Clock).Deactivate("R2", Handover.ToPool, "manager", D("2026-10-03")).Granted);
        }

        Assert.Equal(RefusalRule.RepInactive, Claim(workspace, "A1", "R2", "2026-10-20").Refusal?.Rule);
    }
}
