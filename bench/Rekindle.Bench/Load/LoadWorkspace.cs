using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Rekindle.App.Generation;
using Rekindle.App.Pool;
using Rekindle.App.Workspace;
using Rekindle.Storage;
using Rekindle.Web.Auth;

namespace Rekindle.Bench.Load;

/// <summary>A signed-in load client: its role, rep id (reps) and personal API token.</summary>
internal sealed record LoadUser(string Role, string? RepId, string Token);

/// <summary>
/// The workspace the load runs on: a generated company imported once (kept between runs: the import of 100,000
/// accounts takes minutes), today's snapshot and pool sweep, a policy that lets reps claim enough to measure claims,
/// and a manager plus one user per active rep with fresh API tokens.
/// </summary>
internal static class LoadWorkspace
{
    public static WorkspaceLocation Locate(LoadOptions options)
    {
        if (options.Provider == "postgres")
        {
            var server = options.Connection ?? Environment.GetEnvironmentVariable("REKINDLE_TEST_POSTGRES")
                ?? throw new InvalidOperationException("postgres needs --connection or REKINDLE_TEST_POSTGRES (export REKINDLE_TEST_POSTGRES=\"$(bash scripts/postgres.sh)\")");
            var builder = new NpgsqlConnectionStringBuilder(server) { Database = $"rekindle_load_{options.Accounts}", MaxPoolSize = 100 };
            return WorkspaceLocation.Postgres(builder.ConnectionString);
        }

        var file = options.Db ?? Path.Combine(Path.GetTempPath(), "rekindle-load", $"load-{options.Accounts}.db");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        return WorkspaceLocation.Sqlite(file);
    }

    public static void Prepare(WorkspaceLocation location, LoadOptions options, TimeProvider clock, Action<string, TimeSpan, string> figure)
    {
        using (var db = location.Open())
        {
            if (!db.Accounts.Any())
            {
                var folder = options.Data ?? Path.Combine(Path.GetTempPath(), "rekindle-load", $"company-{options.Accounts}");
                if (!File.Exists(Path.Combine(folder, "accounts.csv")))
                {
                    var g = Stopwatch.StartNew();
                    var report = CompanyGenerator.Generate(new GeneratorOptions(options.AsOf, options.Accounts), folder);
                    figure("generate", g.Elapsed, $"{report.Accounts:N0} accounts, {report.Orders:N0} orders, {report.Engagements:N0} engagements");
                }

                var i = Stopwatch.StartNew();
                var imported = new WorkspaceImporter(db, clock).Import(ImportFormat.Folder, folder, new ImportOptions { Actor = "load bench" });
                figure("import", i.Elapsed, $"{db.Accounts.Count():N0} accounts into {location.Display}");
            }
        }

        using (var db = location.Open())
        {
            if (!db.Snapshots.Any(s => s.AsOf == options.AsOf))
            {
                var s = Stopwatch.StartNew();
                var saved = new SnapshotJob(db, clock).Run(options.AsOf, "load bench");
                figure("snapshot", s.Elapsed, $"{saved.Snapshot?.Accounts:N0} accounts classified and saved");
            }
        }

        using (var db = location.Open())
        {
            if (!db.PoolEvents.Any(e => e.OccurredOn == options.AsOf))
            {
                var s = Stopwatch.StartNew();
                var run = new PoolSweeper(db, clock).Sweep(options.AsOf);
                figure("pool sweep", s.Elapsed, $"{run.Sweep.Released.Count:N0} released, {run.Posting.OrdersBooked:N0} orders posted to the ledger");
            }
        }

        using (var db = location.Open())
        {
            var policies = new WorkspacePolicies(db, clock);
            var (policy, _) = policies.CurrentPolicy();
            if (policy.MaxClaimsPerRepPerDay < 10_000)
            {
                // Measures claims, not the daily limit: the default (5 a day) refuses all but a rep's first five.
                policies.Set(policy with { MaxClaimsPerRepPerDay = 10_000, MaxOpenClaimsPerRep = 10_000 }, "load bench: claim limits lifted to measure claims", "load bench");
            }
        }
    }

    public static List<LoadUser> Users(WorkspaceLocation location, TimeProvider clock)
    {
        using var db = location.Open();
        var accounts = new UserAccounts(db, clock);
        var users = new List<LoadUser>();
        var reps = db.Reps.AsNoTracking().Where(r => r.Active).Select(r => r.RepId).OrderBy(r => r).ToList();
        foreach (var (email, role, rep) in reps.Select(r => ($"{r.ToLowerInvariant()}@load.rekindle", Roles.Rep, (string?)r)).Prepend(("manager@load.rekindle", Roles.Manager, null)))
        {
            var user = accounts.FindByEmail(email) ?? accounts.Add(email, role, UserAccounts.NewPassword(), rep);
            users.Add(new LoadUser(role, rep, accounts.IssueToken(user.Id, "load bench").Token));
        }

        return users;
    }

    /// <summary>Pooled accounts (no owner, released to the pool) with their last owner, who may not claim them back at once.</summary>
    public static List<(string AccountId, string? PreviousOwner)> Pooled(WorkspaceLocation location)
    {
        using var db = location.Open();
        var pooled = db.Accounts.AsNoTracking()
            .Where(a => a.OwnerRepId == null && db.PoolReleases.Any(r => r.AccountId == a.AccountId))
            .Select(a => a.AccountId).ToList();
        var previous = db.PoolReleases.AsNoTracking().Where(r => pooled.Contains(r.AccountId))
            .Select(r => new { r.AccountId, r.Id, r.PreviousOwnerRepId }).ToList()
            .GroupBy(r => r.AccountId).ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.Id).First().PreviousOwnerRepId, StringComparer.Ordinal);
        return [.. pooled.Order(StringComparer.Ordinal).Select(id => (id, previous.GetValueOrDefault(id)))];
    }
}
