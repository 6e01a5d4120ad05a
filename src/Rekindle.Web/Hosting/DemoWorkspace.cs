using Microsoft.EntityFrameworkCore;
using Rekindle.App.Generation;
using Rekindle.App.Pool;
using Rekindle.App.Workspace;
using Rekindle.Storage;
using Rekindle.Web.Auth;

namespace Rekindle.Web.Hosting;

/// <summary>A demo user and the password generated for it (shown once, on the console).</summary>
public sealed record DemoUser(string Email, string Role, string? RepId, string Password);

/// <summary>What <c>serve --demo</c> did to the workspace.</summary>
public sealed record DemoFill(bool Filled, int Accounts, IReadOnlyList<DemoUser> Users, string Note);

/// <summary>
/// <c>rekindle serve --demo</c>: fills an empty workspace with a generated company (as of today), saves today's
/// snapshot and a pool sweep, and creates a manager, an analyst and a rep with fresh random passwords. A workspace
/// that already has accounts is left as it is.
/// </summary>
public static class DemoWorkspace
{
    public const int Accounts = 2_000;

    public static DemoFill Fill(WorkspaceLocation location, TimeProvider clock, DateOnly today, int accounts = Accounts)
    {
        using (var db = location.Open())
        {
            var existing = db.Accounts.Count();
            if (existing > 0)
            {
                return new DemoFill(false, existing, [], $"the workspace already has {existing:N0} accounts: --demo left it as it is");
            }
        }

        var folder = Path.Combine(Path.GetTempPath(), $"rekindle-serve-demo-{Guid.NewGuid():N}");
        try
        {
            CompanyGenerator.Generate(new GeneratorOptions(today, accounts), folder);
            using (var db = location.Open())
            {
                new WorkspaceImporter(db, clock).Import(ImportFormat.Folder, folder, new ImportOptions { Actor = "serve --demo" });
            }

            using (var db = location.Open())
            {
                new SnapshotJob(db, clock).Run(today, "serve --demo");
            }

            using (var db = location.Open())
            {
                new PoolSweeper(db, clock).Sweep(today);
            }

            using (var db = location.Open())
            {
                return new DemoFill(true, accounts, AddUsers(db, clock), $"generated a company of {accounts:N0} accounts as of {today:yyyy-MM-dd}");
            }
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static List<DemoUser> AddUsers(WorkspaceDb db, TimeProvider clock)
    {
        if (db.WebUsers.Any())
        {
            return [];
        }

        // The demo rep is the active rep with the most accounts, so their pages are full.
        var rep = db.Accounts.AsNoTracking().Where(a => a.OwnerRepId != null)
            .GroupBy(a => a.OwnerRepId!).Select(g => new { RepId = g.Key, Count = g.Count() })
            .ToList()
            .Where(r => db.Reps.AsNoTracking().Any(x => x.RepId == r.RepId && x.Active))
            .OrderByDescending(r => r.Count).ThenBy(r => r.RepId, StringComparer.Ordinal)
            .Select(r => r.RepId).FirstOrDefault();
        var users = new UserAccounts(db, clock);
        var made = new List<DemoUser>();
        foreach (var (email, role, repId) in new (string, string, string?)[]
                 {
                     ("manager@demo.rekindle", Roles.Manager, null),
                     ("analyst@demo.rekindle", Roles.Analyst, null),
                     ("rep@demo.rekindle", Roles.Rep, rep),
                 })
        {
            if (role == Roles.Rep && repId is null)
            {
                continue;
            }

            var password = UserAccounts.NewPassword();
            users.Add(email, role, password, repId, displayName: role == Roles.Rep ? $"Demo rep ({repId})" : $"Demo {role}");
            made.Add(new DemoUser(email, role, repId, password));
        }

        return made;
    }
}
