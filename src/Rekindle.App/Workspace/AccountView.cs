using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rekindle.Common;
using Rekindle.Lifecycle;
using Rekindle.Policies;
using Rekindle.Storage;

namespace Rekindle.App.Workspace;

/// <summary>One dated event in an account's timeline. <see cref="Counts"/> is false for an engagement of a kind the policy does not count.</summary>
public sealed record TimelineItem(DateOnly Date, string Kind, string Text, bool Counts = true);

/// <summary>One account as the <c>account</c> verb shows it.</summary>
public sealed record AccountDetails(
    Account Account,
    DateOnly AsOf,
    string PolicyVersion,
    AccountClassification Classification,
    string Reasons,
    string Currency,
    IReadOnlyList<SnapshotAccountRow> History,
    IReadOnlyList<StatusChange> Transitions,
    IReadOnlyList<TimelineItem> Timeline,
    int TimelineTotal,
    IReadOnlyList<Contact> Contacts,
    IReadOnlyList<Ownership> Owners);

/// <summary>The account's row of one saved snapshot, with the snapshot's date and policy.</summary>
public sealed record SnapshotAccountRow(DateOnly AsOf, string PolicyVersionId, LifecycleStatus Status, bool Key, string Reasons);

/// <summary>
/// Reads one account: its status and reasons as of a date, status history, timeline, contacts and owners. With a
/// <see cref="ClassifiedBookCache"/> (the web app's) views share one classification of the book.
/// </summary>
public sealed class AccountView(WorkspaceDb db, ClassifiedBookCache? cache = null)
{
    /// <summary>Null when the workspace has no such account. The timeline keeps the latest <paramref name="timelineLimit"/> events up to the date.</summary>
    public AccountDetails? Load(string accountId, DateOnly asOf, Policy policy, int timelineLimit = 30)
    {
        var account = db.Accounts.AsNoTracking().FirstOrDefault(a => a.AccountId == accountId);
        if (account is null)
        {
            return null;
        }

        // The status needs the company-wide figures (company cycle, key-account cut): classify the whole book.
        var (result, currency) = (cache ?? new ClassifiedBookCache()).Get(db, policy, asOf);
        var index = result.Book.IndexOf(accountId);

        var history = db.SnapshotAccounts.AsNoTracking()
            .Where(r => r.AccountId == accountId)
            .Join(db.Snapshots.AsNoTracking(), r => r.SnapshotId, s => s.Id, (r, s) => new { s.AsOf, s.PolicyVersionId, r.Status, r.Key, r.Reasons })
            .ToList()
            .OrderBy(r => r.AsOf)
            .Select(r => new SnapshotAccountRow(r.AsOf, r.PolicyVersionId, r.Status, r.Key, r.Reasons))
            .ToList();
        var transitions = db.StatusChanges.AsNoTracking().Where(t => t.AccountId == accountId).ToList().OrderBy(t => t.ToDate).ToList();

        var money = CultureInfo.InvariantCulture;
        var timeline = new List<TimelineItem>();
        var lineCounts = db.OrderLines.AsNoTracking()
            .Where(l => db.Orders.Any(o => o.OrderId == l.OrderId && o.AccountId == accountId))
            .GroupBy(l => l.OrderId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionary(g => g.Key, g => g.Count, StringComparer.Ordinal);
        foreach (var o in db.Orders.AsNoTracking().Where(o => o.AccountId == accountId && o.OrderDate <= asOf).ToList())
        {
            var lines = lineCounts.GetValueOrDefault(o.OrderId);
            timeline.Add(new TimelineItem(o.OrderDate, "order", $"{o.OrderId} {Codes.Of(o.Status)} {o.Amount.ToString("#,0.00", money)} {o.Currency}{(lines > 0 ? $", {lines} line(s)" : "")}"));
        }

        foreach (var e in db.Engagements.AsNoTracking().Where(e => e.AccountId == accountId && e.Date <= asOf).ToList())
        {
            timeline.Add(new TimelineItem(e.Date, "engagement", $"{Codes.Of(e.Kind)} ({Codes.Of(e.Direction)})", policy.CountsAsEngagement(e.Kind)));
        }

        foreach (var p in db.Opportunities.AsNoTracking().Where(p => p.AccountId == accountId && p.OpenedOn <= asOf).ToList())
        {
            timeline.Add(new TimelineItem(p.OpenedOn, "opportunity", $"{p.OpportunityId} opened ({p.Stage}{(p.Amount is { } a ? ", " + a.ToString("#,0.00", money) : "")})"));
            if (p.ClosedOn is { } closed && closed <= asOf)
            {
                timeline.Add(new TimelineItem(closed, "opportunity", $"{p.OpportunityId} closed ({p.Stage})"));
            }
        }

        var ordered = timeline.OrderByDescending(t => t.Date).ThenBy(t => t.Kind, StringComparer.Ordinal).ThenBy(t => t.Text, StringComparer.Ordinal).ToList();
        var contacts = db.Contacts.AsNoTracking().Where(c => c.AccountId == accountId).ToList().OrderBy(c => c.ContactId, StringComparer.Ordinal).ToList();
        var owners = Periods(db.Ownerships.AsNoTracking().Where(o => o.AccountId == accountId).ToList().OrderBy(o => o.FromDate).ThenBy(o => o.Id).ToList());
        return new AccountDetails(
            account, asOf, result.PolicyVersion, result[index], result.ReasonsBesideTimeline(index), currency,
            history, transitions, ordered.Take(timelineLimit).ToList(), ordered.Count, contacts, owners);
    }

    /// <summary>
    /// Ownership periods as shown: one owner at a time, each period ending (exclusive) the day the next one starts,
    /// also for rows saved before the pool wrote them that way (a release's day was kept by both owners).
    /// </summary>
    public static IReadOnlyList<Ownership> Periods(IReadOnlyList<Ownership> ordered) =>
    [
        .. ordered.Select((o, i) => i + 1 < ordered.Count && (o.ToDate is null || o.ToDate > ordered[i + 1].FromDate)
            ? new Ownership { Id = o.Id, AccountId = o.AccountId, RepId = o.RepId, FromDate = o.FromDate, ToDate = ordered[i + 1].FromDate, Reason = o.Reason }
            : o),
    ];
}
