using Microsoft.EntityFrameworkCore;
using Rekindle.App.Pool;
using static Rekindle.Storage.Tests.Pooling.PoolKit;

namespace Rekindle.Storage.Tests.Pooling;

/// <summary>The sweep on an imported company, the expiry clock, and the CLI verbs end to end.</summary>
public class PoolSweepTests(GeneratedCompanies companies) : IClassFixture<GeneratedCompanies>
{
    [Theory]
    [InlineData(WorkspaceProvider.Sqlite)]
    [PostgresData]
    public void Sweep_TwiceAsOfTheSameDate_SecondChangesNothing(WorkspaceProvider provider)
    {
        using var workspace = new TestWorkspace(provider);
        Assert.Equal(0, Rk.Run(workspace, "import", companies.Of(150)).ExitCode);

        var first = Rk.Run(workspace, "pool", "sweep", "--as-of", "2026-11-23");
        Assert.Equal(0, first.ExitCode);
        Assert.DoesNotContain("released  ", first.Out, StringComparison.Ordinal); // a summary by reason and owner, not a line per account
        Assert.Contains("dormant_sweep", first.Out, StringComparison.Ordinal);
        using (var db = workspace.Open())
        {
            Assert.True(db.PoolReleases.Any(), first.ToString());
            Assert.True(db.LedgerLines.Any(l => l.Kind == "commission"));
            Assert.Equal(db.PoolReleases.Count(), db.Accounts.Count(a => a.OwnerRepId == null && db.PoolReleases.Any(r => r.AccountId == a.AccountId)));
        }

        var before = workspace.Fingerprint();
        var second = Rk.Run(workspace, "pool", "sweep", "--as-of", "2026-11-23");
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("0 released, 0 claims returned", second.Out);
        Assert.Contains("0 orders booked, 0 reversed", second.Out);
        var after = workspace.Fingerprint();
        static IEnumerable<string> State(string f) => f.Split('\n').Where(l => !l.StartsWith("pool_events=", StringComparison.Ordinal));
        Assert.Equal(State(before), State(after));

        var list = Rk.Run(workspace, "pool", "list", "--as-of", "2026-11-23", "--format", "csv");
        Assert.Equal(0, list.ExitCode);
        Assert.StartsWith("account,name,industry,region,released_on,days_in_pool,previous_owner,reason,why", list.Out);
        Assert.DoesNotContain("@", list.Out); // never contact details
        var upcoming = Rk.Run(workspace, "pool", "upcoming", "--as-of", "2026-11-23");
        Assert.Equal(0, upcoming.ExitCode);
        var upcomingJson = Rk.Run(workspace, "pool", "upcoming", "--as-of", "2026-11-23", "--format", "json");
        Assert.Equal(System.Text.Json.JsonValueKind.Array, System.Text.Json.JsonDocument.Parse(upcomingJson.Out).RootElement.ValueKind);
    }

    [Theory]
    [InlineData(WorkspaceProvider.Sqlite)]
    [PostgresData]
    public void Sweep_ClaimExpiry_RunsFromTheLaterOfActivityAndClaim(WorkspaceProvider provider)
    {
        using var workspace = new TestWorkspace(provider);
        Reps(workspace, ["R1", "GONE"]);
        Accounts(workspace, "GONE", ["A1", "A2"]);
        SetPolicy(workspace, Rekindle.Policies.Policy.Default with { ClaimExpiryDays = 30 });
        PoolAll(workspace, "GONE", "2026-01-01");
        Assert.True(Claim(workspace, "A1", "R1", "2026-02-01").Granted);
        Assert.True(Claim(workspace, "A2", "R1", "2026-02-01").Granted);
        using (var db = workspace.Open())
        {
            db.Engagements.Add(new Engagement { EngagementId = "E1", AccountId = "A2", Date = D("2026-02-11"), Kind = Rekindle.Common.EngagementKind.CallAnswered });
            db.SaveChanges();
        }

        Assert.Contains("0 released, 0 claims returned", Rk.Run(workspace, "pool", "sweep", "--as-of", "2026-03-02").Out); // A1 day 29
        var day30 = Rk.Run(workspace, "pool", "sweep", "--as-of", "2026-03-03", "--verbose");
        Assert.Contains("returned  A1", day30.Out);
        Assert.DoesNotContain("A2", day30.Out);
        Assert.DoesNotContain("A2", Rk.Run(workspace, "pool", "sweep", "--as-of", "2026-03-12", "--verbose").Out); // A2: 29 days after its call
        Assert.Contains("returned,A2,R1,claim_expired", Rk.Run(workspace, "pool", "sweep", "--as-of", "2026-03-13", "--format", "csv").Out);
        using var check = workspace.Open();
        Assert.Equal(2, check.PoolEvents.Count(e => e.Action == "claim_returned"));
    }

    [Theory]
    [InlineData(WorkspaceProvider.Sqlite)]
    [PostgresData]
    public void PoolClaimVerb_GrantedThenTaken_Exits0WithNoteAndContactsThen3NamingTheRule(WorkspaceProvider provider)
    {
        using var workspace = new TestWorkspace(provider);
        Reps(workspace, ["OLD", "R2", "R3"]);
        Accounts(workspace, "OLD", ["A1"]);
        Assert.Equal(0, Rk.Run(workspace, "pool", "note", "A1", "--rep", "OLD", "--players", "CFO", "--policies", "tender", "--politics", "IT vs finance", "--as-of", "2026-11-01").ExitCode);
        var release = Rk.Run(workspace, "pool", "release", "A1", "--rep", "OLD", "--reason", "moving region", "--as-of", "2026-11-02");
        Assert.Equal(0, release.ExitCode);
        var list = Rk.Run(workspace, "pool", "list", "--as-of", "2026-11-03", "--format", "json");
        Assert.Contains("\"previous_owner\": \"OLD\"", list.Out);
        Assert.DoesNotContain("pat@", list.Out);

        var granted = Rk.Run(workspace, "pool", "claim", "A1", "--rep", "R2", "--as-of", "2026-11-03");
        Assert.Equal(0, granted.ExitCode);
        Assert.Contains("granted", granted.Out);
        Assert.Contains("players:  CFO", granted.Out);
        Assert.Contains("pat@a1.example", granted.Out);

        var taken = Rk.Run(workspace, "pool", "claim", "A1", "--rep", "R3", "--as-of", "2026-11-03");
        Assert.Equal(3, taken.ExitCode);
        Assert.Contains("refused: already_claimed", taken.Error);

        var back = Rk.Run(workspace, "pool", "claim", "A1", "--rep", "OLD", "--as-of", "2026-11-03");
        Assert.Equal(3, back.ExitCode);
        Assert.Contains("refused:", back.Error);

        Assert.Equal(0, Rk.Run(workspace, "reps", "deactivate", "R2", "--to", "R3", "--as-of", "2026-11-05").ExitCode);
        Assert.Equal(3, Rk.Run(workspace, "reps", "deactivate", "R3", "--to", "R2", "--as-of", "2026-11-06").ExitCode); // R2 is inactive
        var report = Rk.Run(workspace, "pool", "report", "--from", "2026-11-01", "--to", "2026-11-30");
        Assert.Equal(0, report.ExitCode);
        Assert.Contains("already_claimed=1", report.Out);
        Assert.Equal(0, Rk.Run(workspace, "incentives", "statement", "--rep", "R3", "--period", "2026-11", "--format", "csv").ExitCode);
    }
}
