using Microsoft.EntityFrameworkCore;
using Rekindle.App.Pool;
using Rekindle.App.Reactivation;
using Rekindle.App.Workspace;
using Rekindle.Reactivation;
using Rekindle.Storage;

namespace Rekindle.Web.Tests;

/// <summary>
/// A <see cref="WebServer"/> of its own for the API tests that write (claims, releases, notes, campaigns, policy,
/// imports), so they never disturb the shared "web" collection. Besides the fill's snapshot as of
/// <see cref="WebServer.Today"/> it saves a second one 30 days later, so transitions have two snapshots to compare.
/// Helpers hand out accounts no other test uses.
/// </summary>
public sealed class ApiServer : IAsyncLifetime
{
    public static readonly DateOnly SecondSnapshot = WebServer.Today.AddDays(30);
    private readonly HashSet<string> handedOut = new(StringComparer.Ordinal);

    public WebServer Web { get; } = new();

    public async Task InitializeAsync()
    {
        await Web.InitializeAsync();
        using var db = Web.Location.Open();
        // A snapshot is saved as of today or earlier: this one is saved by a clock a month on.
        var monthOn = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(SecondSnapshot.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));
        new SnapshotJob(db, monthOn).Run(SecondSnapshot, "tests");
    }

    public Task DisposeAsync() => Web.DisposeAsync();

    /// <summary>A campaign planned once over every lapsed account (by the App, as the CLI would), for tests that read one.</summary>
    public string Campaign()
    {
        lock (handedOut)
        {
            using var db = Open();
            if (!new CampaignStore(db, Web.Clock).Exists(CampaignName))
            {
                var outcome = new WorkspaceCampaigns(db, Web.Clock).Plan(
                    new CampaignRequest { Name = CampaignName, Seed = 7 }, [], new WorkspacePolicies(db, Web.Clock).CurrentPolicy().Policy, WebServer.Today, "tests");
                Assert.NotNull(outcome.Stored);
            }

            return CampaignName;
        }
    }

    private const string CampaignName = "tests-base";

    /// <summary>A context on the (already migrated) workspace.</summary>
    public WorkspaceDb Open() => Web.Location.CreateContext();

    /// <summary>Active reps other than the rep user, in id order.</summary>
    public IReadOnlyList<string> OtherReps()
    {
        if (otherReps is null)
        {
            using var db = Open();
            otherReps = [.. db.Reps.AsNoTracking().Where(r => r.Active && r.RepId != Web.RepId).Select(r => r.RepId).ToList().Order(StringComparer.Ordinal)];
        }

        return otherReps;
    }

    private IReadOnlyList<string>? otherReps;

    /// <summary>Accounts owned by <paramref name="repId"/> that no test took yet (each handed out once).</summary>
    public IReadOnlyList<string> TakeOwned(string repId, int count)
    {
        using var db = Open();
        var ids = db.Accounts.AsNoTracking().Where(a => a.OwnerRepId == repId).Select(a => a.AccountId).ToList().Order(StringComparer.Ordinal);
        lock (handedOut)
        {
            var taken = ids.Where(id => !handedOut.Contains(id)).Take(count).ToList();
            handedOut.UnionWith(taken);
            return taken;
        }
    }

    /// <summary>
    /// Releases fresh accounts of other reps (but <paramref name="except"/>; from the last rep in id order when
    /// <paramref name="fromTheEnd"/>) to the pool, as their owners would, so a test has pooled accounts of its own.
    /// </summary>
    public IReadOnlyList<string> Pooled(int count, bool fromTheEnd = false, string? except = null)
    {
        var pooled = new List<string>();
        using var db = Open();
        var reps = OtherReps().Where(r => r != except);
        foreach (var rep in fromTheEnd ? reps.Reverse() : reps)
        {
            foreach (var id in TakeOwned(rep, Math.Min(count - pooled.Count, 3)))
            {
                var outcome = new PoolActions(db, Web.Clock).Release(id, rep, "released for a test", WebServer.Today);
                Assert.True(outcome.Granted, outcome.Refusal?.ToString());
                pooled.Add(id);
            }

            if (pooled.Count == count)
            {
                break;
            }
        }

        Assert.Equal(count, pooled.Count);
        return pooled;
    }
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiServer>
{
    public const string Name = "api";
}
