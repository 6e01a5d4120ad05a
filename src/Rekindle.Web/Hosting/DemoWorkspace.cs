using Microsoft.EntityFrameworkCore;
using Rekindle.App.Generation;
using Rekindle.App.Pool;
using Rekindle.App.Reactivation;
using Rekindle.App.Workspace;
using Rekindle.Pool;
using Rekindle.Reactivation;
using Rekindle.Storage;
using Rekindle.Web.Auth;

namespace Rekindle.Web.Hosting;

/// <summary>A demo user and the password generated for it (shown once, on the console).</summary>
public sealed record DemoUser(string Email, string Role, string? RepId, string Password);

/// <summary>What <c>serve --demo</c> did to the workspace.</summary>
public sealed record DemoFill(bool Filled, int Accounts, IReadOnlyList<DemoUser> Users, string Note);

/// <summary>
/// <c>rekindle serve --demo</c>: fills an empty workspace with a generated company (as of today), saves a snapshot
/// on the same day of each of the <see cref="HistoryMonths"/> months before today and today's, runs a pool sweep,
/// has the previous owners of two pooled accounts in three write their handoff note, plans a win-back campaign 90
/// days ago, and creates a manager, an analyst and a rep with fresh random passwords. A workspace
/// that already has accounts is left as it is.
/// </summary>
public static class DemoWorkspace
{
    public const int Accounts = 2_000;

    /// <summary>Months of saved snapshots before today's.</summary>
    public const int HistoryMonths = 12;

    /// <summary>The snapshot dates: the same day of each of the <see cref="HistoryMonths"/> months before today, then today, oldest first.</summary>
    public static IReadOnlyList<DateOnly> HistoryDates(DateOnly today) =>
        [.. Enumerable.Range(0, HistoryMonths + 1).Select(m => today.AddMonths(m - HistoryMonths))];

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

            // A year of month-end history before today, in date order, so the status flow has something to show.
            foreach (var asOf in HistoryDates(today))
            {
                using var db = location.Open();
                new SnapshotJob(db, clock).Run(asOf, "serve --demo");
            }

            // Planned before the sweep releases dormant accounts: every member still has its owner to sign the messages.
            using (var db = location.Open())
            {
                PlanCampaign(db, clock, today);
            }

            using (var db = location.Open())
            {
                new PoolSweeper(db, clock).Sweep(today);
            }

            using (var db = location.Open())
            {
                WriteHandoffNotes(db, clock, today);
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

    /// <summary>The campaign <c>serve --demo</c> plans over every lapsed account <see cref="CampaignDaysAgo"/> days before today.</summary>
    public const string Campaign = "winback-demo";

    public const int CampaignDaysAgo = 90;

    /// <summary>A win-back campaign over every lapsed account, planned in the past with a fifth held out, so its results page has figures.</summary>
    private static void PlanCampaign(WorkspaceDb db, TimeProvider clock, DateOnly today)
    {
        var segments = WorkspaceSegments.Segment(db, new WorkspacePolicies(db, clock).CurrentPolicy().Policy, today.AddDays(-CampaignDaysAgo));
        var request = new CampaignRequest { Name = Campaign, HoldoutShare = 0.2m, Seed = 7, Currency = segments.Currency };
        var planned = CampaignPlanner.Plan(request, segments.Segmented, segments.Directory);
        if (planned.Plan is { Members.Count: > 0 } plan)
        {
            new CampaignStore(db, clock).Save(plan, request, [], "serve --demo");
        }
    }

    /// <summary>The previous owners of two pooled accounts in three (by id) hand over what they know, so a claimer reads a note.</summary>
    private static void WriteHandoffNotes(WorkspaceDb db, TimeProvider clock, DateOnly today)
    {
        var pooled = new PoolQueries(db).List(today).Where(r => r.Pooled.PreviousOwnerRepId is not null)
            .OrderBy(r => r.Pooled.AccountId, StringComparer.Ordinal).ToList();
        var actions = new PoolActions(db, clock);
        for (var i = 0; i < pooled.Count; i++)
        {
            if (i % 3 == 2)
            {
                continue;
            }

            var row = pooled[i];
            var contact = db.Contacts.AsNoTracking().Where(c => c.AccountId == row.Pooled.AccountId).OrderBy(c => c.ContactId).FirstOrDefault();
            var who = contact is null ? "nobody on file any more" : $"{contact.Name} ({(contact.Role.Length > 0 ? contact.Role : "buyer")})";
            actions.Note(new HandoffNote(
                row.Pooled.AccountId,
                row.Pooled.PreviousOwnerRepId!,
                today,
                Players: $"Decides: {who}. Finance signs off anything above the usual order.",
                Policies: $"Orders through a purchase order; {(i % 2 == 0 ? "net 30, annual price review in January" : "prefers quarterly bundles, asks for samples first")}.",
                Politics: i % 2 == 0 ? "Went quiet after a delivery problem; an apology call opens the door." : "A competitor courted them with a discount; they value service over price.",
                FreeText: $"Last bought in {row.Industry}; worth {row.ValueAtStake:N0} a year before it lapsed."));
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
