using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Rekindle.App.Workspace;
using Rekindle.Lifecycle;
using Rekindle.Storage;
using Rekindle.Web.Auth;
using Rekindle.Web.Hosting;

namespace Rekindle.Web.Api;

/// <summary>One saved snapshot's view of the account, and the status change it recorded (if any).</summary>
public sealed record StatusHistoryItem(DateOnly AsOf, string Status, bool Key, string PolicyVersion, string Reasons, StatusChangeItem? Change);

/// <summary>A status change between two saved snapshots: <c>Before</c> null when the account was new in the book.</summary>
public sealed record StatusChangeItem(string? Before, string After, DateOnly? Since);

public sealed record TimelineEvent(DateOnly Date, string Kind, string Text);

/// <summary>
/// A contact. Managers and the owning rep get the addresses; analysts get who the contact is and which channels
/// reach them, never the addresses themselves (they export mail lists through campaigns, which honour opt-outs).
/// </summary>
public sealed record ContactItem(
    string ContactId,
    string Name,
    string Role,
    string? Email,
    string? Phone,
    string? Social,
    string? PostalAddress,
    IReadOnlyList<string> Reachable,
    IReadOnlyList<string> OptedOut);

/// <summary>An ownership period: <c>From</c> inclusive, <c>To</c> exclusive (null while current).</summary>
public sealed record OwnerItem(string RepId, DateOnly From, DateOnly? To, string Reason);

/// <summary>One account: its status and reasons as of a date (classified live under the current policy), status history, timeline, contacts and owners.</summary>
public sealed record AccountResponse(
    string AccountId,
    string Name,
    string Industry,
    string Region,
    DateOnly CreatedOn,
    string? Owner,
    DateOnly AsOf,
    string PolicyVersion,
    bool Exists,
    string? Status,
    bool Key,
    string Reasons,
    double CycleDays,
    string CycleBasis,
    int? DaysSinceLastOrder,
    decimal Revenue12m,
    string Currency,
    IReadOnlyList<StatusHistoryItem> History,
    IReadOnlyList<TimelineEvent> Timeline,
    int TimelineTotal,
    bool ContactDetailsHidden,
    IReadOnlyList<ContactItem> Contacts,
    IReadOnlyList<OwnerItem> Owners);

/// <summary>/api/accounts/{id}: a rep reads own accounts only (403 for another's: the account exists, it is not theirs).</summary>
public static class AccountDetailsApi
{
    public const int MaxEvents = 500;

    /// <param name="id">The account's id.</param>
    /// <param name="asOf">Status as of this date (default today).</param>
    /// <param name="events">Timeline events, latest first: 1 to 500 (default 30).</param>
    internal static Results<Ok<AccountResponse>, ValidationProblem, ProblemHttpResult, ForbidHttpResult> Get(
        string id,
        ClaimsPrincipal user,
        WorkspaceDb db,
        AccountView view,
        WorkspacePolicies policies,
        WebClock clock,
        DateOnly? asOf = null,
        int events = 30)
    {
        if (events is < 1 or > MaxEvents)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["events"] = [$"the timeline shows 1 to {MaxEvents} events"] });
        }

        var owner = db.Accounts.Where(a => a.AccountId == id).Select(a => new { a.OwnerRepId }).FirstOrDefault();
        if (owner is null)
        {
            return TypedResults.Problem(Problems.NotFound($"no account {id} in the workspace"));
        }

        if (user.IsRep() && owner.OwnerRepId != user.RepId())
        {
            return TypedResults.Forbid();
        }

        // AccountView classifies the whole book (the status needs the company cycle and the key-account cut).
        var d = view.Load(id, asOf ?? clock.Today, policies.CurrentPolicy().Policy, events)!;
        var hidden = !user.SeesContactAddresses();
        var c = d.Classification;
        var a = d.Account;
        return TypedResults.Ok(new AccountResponse(
            a.AccountId, a.Name, a.Industry, a.Region, a.CreatedOn, a.OwnerRepId, d.AsOf, d.PolicyVersion, c.Exists,
            c.Exists ? c.Status.Code() : null, c.Key, d.Reasons, Math.Round(c.CycleDays, 1), c.CycleBasis.Code(),
            c.Exists ? c.DaysSinceLastOrder(d.AsOf.DayNumber) : null, c.Measures.RevenueInWindow, d.Currency,
            [.. d.History.Select(h => History(h, d.Transitions))],
            [.. d.Timeline.Select(t => new TimelineEvent(t.Date, t.Kind, t.Text))], d.TimelineTotal,
            hidden, [.. d.Contacts.Select(p => Contact(p, hidden))],
            [.. d.Owners.Select(o => new OwnerItem(o.RepId, o.FromDate, o.ToDate, o.Reason))]));
    }

    private static StatusHistoryItem History(SnapshotAccountRow h, IReadOnlyList<StatusChange> changes) =>
        new(h.AsOf, h.Status.Code(), h.Key, h.PolicyVersionId, h.Reasons,
            changes.FirstOrDefault(t => t.ToDate == h.AsOf) is { } t ? new StatusChangeItem(t.Before?.Code(), t.After.Code(), t.FromDate) : null);

    internal static ContactItem Contact(Storage.Contact p, bool hidden)
    {
        var channels = new (string Name, string Address, bool OptedOut)[]
        {
            ("email", p.Email, p.OptOutEmail), ("phone", p.Phone, p.OptOutPhone), ("social", p.Social, p.OptOutSocial), ("postal", p.PostalAddress, p.OptOutPostal),
        };
        string? Show(string text) => hidden || text.Length == 0 ? null : text;
        return new ContactItem(
            p.ContactId, p.Name, p.Role, Show(p.Email), Show(p.Phone), Show(p.Social), Show(p.PostalAddress),
            [.. channels.Where(x => x.Address.Trim().Length > 0 && !x.OptedOut).Select(x => x.Name)],
            [.. channels.Where(x => x.OptedOut).Select(x => x.Name)]);
    }
}
