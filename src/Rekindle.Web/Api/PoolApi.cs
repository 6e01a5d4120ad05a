using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Rekindle.App.Pool;
using Rekindle.App.Workspace;
using Rekindle.Pool;
using Rekindle.Storage;
using Rekindle.Web.Auth;
using Rekindle.Web.Hosting;

namespace Rekindle.Web.Api;

/// <summary>A pooled account as a rep sees it before claiming: never its contacts, never the note's text.</summary>
public sealed record PoolItem(
    string AccountId,
    string Name,
    string Industry,
    string Region,
    DateOnly ReleasedOn,
    int DaysInPool,
    string? PreviousOwner,
    string Reason,
    string? Why,
    bool HandoffNote,
    int TimesPooled,
    int PastClaims,
    decimal ValueAtStake);

/// <summary>A page of the pool, sorted by how long accounts have waited (longest first) or by value at stake.</summary>
public sealed record PoolPage(DateOnly AsOf, string Sort, int Total, int Page, int PageSize, IReadOnlyList<PoolItem> Items);

/// <summary>The handoff note: players, policies, politics and free text.</summary>
public sealed record HandoffNoteItem(string AccountId, string Author, DateOnly WrittenOn, string Players, string Policies, string Politics, string? FreeText);

/// <summary>A granted claim with what the claimer now sees: the previous owner's handoff note and the contacts.</summary>
public sealed record ClaimResponse(string ClaimId, string AccountId, string RepId, DateOnly ClaimedOn, string? PreviousOwner, HandoffNoteItem? Note, IReadOnlyList<ContactItem> Contacts);

/// <summary>Who claims: a rep claims for themselves (leave it out); a manager names the rep.</summary>
public sealed record ClaimRequest(string? RepId = null);

/// <summary>An early release: why (required); a manager may name the owner (default: the current owner).</summary>
public sealed record ReleaseRequest(string Reason, string? RepId = null);

/// <summary>The account as it entered the pool.</summary>
public sealed record ReleaseResponse(string AccountId, DateOnly ReleasedOn, string? PreviousOwner, string Reason, string? Why);

/// <summary>A handoff note: players, policies and politics are required; a manager names the author rep.</summary>
public sealed record NoteRequest(string Players, string Policies, string Politics, string? FreeText = null, string? RepId = null);

/// <summary>
/// /api/pool: the dormant-account pool. Everyone signed in reads it; reps (for themselves) and managers (for a named
/// rep) claim, release and write handoff notes. A rule's refusal is 409 with the rule's code and the refusal in words.
/// </summary>
public static class PoolApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var pool = api.MapGroup("/pool").WithTags("Pool");
        pool.MapGet("", List)
            .WithSummary("Accounts in the pool, longest waiting first (or by value at stake), paged: when and why released, by whom, value at stake; never contact details");
        pool.MapPost("/{accountId}/claim", Claim).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).RequireAuthorization(Can.WorkThePool)
            .WithSummary("Claim a pooled account today (a rep for themselves, a manager for a named rep); 409 names the rule that refuses");
        pool.MapPost("/{accountId}/release", Release).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).RequireAuthorization(Can.WorkThePool)
            .WithSummary("Release an owned account to the pool before the sweep, with a reason; 409 names the rule that refuses");
        pool.MapGet("/{accountId}/notes", Notes).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Handoff notes on the account: a rep reads the note they may (the previous owner's once they hold it, or their own); managers and analysts read all");
        pool.MapPost("/{accountId}/notes", WriteNote).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).RequireAuthorization(Can.WorkThePool)
            .WithSummary("Write (or replace) the handoff note: by the owner, or the owner it was released from; 409 names the rule that refuses");
    }

    public const string ByWaiting = "waiting";
    public const string ByValue = "value";

    /// <param name="asOf">The day (default: today).</param>
    /// <param name="sort">waiting (default: longest waiting first) or value (value at stake, highest first).</param>
    /// <param name="page">From 1.</param>
    /// <param name="pageSize">1 to 500 (default 50).</param>
    internal static Results<Ok<PoolPage>, ValidationProblem> List(PoolQueries queries, WebClock clock, DateOnly? asOf = null, string? sort = null, int page = 1, int pageSize = 50)
    {
        var problems = new Dictionary<string, string[]>();
        if (sort is not null and not ByWaiting and not ByValue)
        {
            problems["sort"] = [$"'{sort}' is not a sort ({ByWaiting}, {ByValue})"];
        }

        if (page < 1)
        {
            problems["page"] = ["pages count from 1"];
        }

        if (pageSize is < 1 or > SnapshotQueries.MaxPageSize)
        {
            problems["pageSize"] = [$"a page holds 1 to {SnapshotQueries.MaxPageSize} accounts"];
        }

        if (problems.Count > 0)
        {
            return TypedResults.ValidationProblem(problems);
        }

        var day = asOf ?? clock.Today;
        var all = Sorted(queries.List(day), sort ?? ByWaiting);
        return TypedResults.Ok(new PoolPage(day, sort ?? ByWaiting, all.Count, page, pageSize,
            [.. all.Skip(SnapshotQueries.Skip(page, pageSize)).Take(pageSize).Select(Item)]));
    }

    /// <summary>The pool in the sort's order (the page and the API share it): as listed (longest waiting first), or by value at stake, then account id.</summary>
    public static IReadOnlyList<PoolListRow> Sorted(IReadOnlyList<PoolListRow> all, string sort) => sort == ByValue
        ? [.. all.OrderByDescending(r => r.ValueAtStake).ThenBy(r => r.Pooled.AccountId, StringComparer.Ordinal)]
        : all;

    internal static Results<Ok<ClaimResponse>, ValidationProblem, ForbidHttpResult, ProblemHttpResult> Claim(
        string accountId, ClaimRequest? request, ClaimsPrincipal user, PoolActions actions, WorkspaceDb db, WebClock clock)
    {
        if (Actor(user, request?.RepId) is not { } rep)
        {
            return user.IsRep() ? TypedResults.Forbid() : NeedsRep();
        }

        if (Unknown(db, accountId) is { } missing)
        {
            return missing;
        }

        var outcome = actions.Claim(accountId, rep, clock.Today);
        if (outcome.Refusal is { } refusal)
        {
            return refusal.Rule == RefusalRule.AccountUnknown ? NotFound(refusal) : Conflict(refusal);
        }

        var g = outcome.Value!;
        return TypedResults.Ok(new ClaimResponse(
            g.Claim.Id.Value, g.Claim.AccountId, g.Claim.RepId, g.Claim.ClaimedOn, g.Claim.PreviousOwnerRepId, NoteItem(g.Note),
            [.. g.Contacts.Select(c => AccountDetailsApi.Contact(c, hidden: false))]));
    }

    internal static Results<Ok<ReleaseResponse>, ValidationProblem, ForbidHttpResult, ProblemHttpResult> Release(
        string accountId, ReleaseRequest request, ClaimsPrincipal user, PoolActions actions, WorkspaceDb db, WebClock clock)
    {
        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = ["an early release says why"] });
        }

        var owner = request.RepId ?? (user.IsRep() ? null : db.Accounts.Where(a => a.AccountId == accountId).Select(a => a.OwnerRepId).FirstOrDefault());
        if (Actor(user, owner) is not { } rep)
        {
            return user.IsRep() ? TypedResults.Forbid() : NeedsRep();
        }

        if (Unknown(db, accountId) is { } missing)
        {
            return missing;
        }

        var outcome = actions.Release(accountId, rep, request.Reason.Trim(), clock.Today);
        if (outcome.Refusal is { } refusal)
        {
            return refusal.Rule == RefusalRule.AccountUnknown ? NotFound(refusal) : Conflict(refusal);
        }

        var e = outcome.Value!;
        return TypedResults.Ok(new ReleaseResponse(e.AccountId, e.ReleasedOn, e.PreviousOwnerRepId, PoolCodes.Of(e.Reason), e.Why));
    }

    internal static Results<Ok<List<HandoffNoteItem>>, ProblemHttpResult> Notes(string accountId, ClaimsPrincipal user, PoolQueries queries, WorkspaceDb db)
    {
        if (Unknown(db, accountId) is { } missing)
        {
            return missing;
        }

        if (user.IsRep())
        {
            var visible = user.RepId() is { } rep ? queries.NoteVisibleTo(accountId, rep) : null;
            return TypedResults.Ok(visible is null ? new List<HandoffNoteItem>() : [NoteItem(visible)!]);
        }

        return TypedResults.Ok(queries.Notes(accountId).Select(n => NoteItem(n)!).ToList());
    }

    internal static Results<Created<HandoffNoteItem>, ValidationProblem, ForbidHttpResult, ProblemHttpResult> WriteNote(
        string accountId, NoteRequest request, ClaimsPrincipal user, PoolActions actions, WorkspaceDb db, WebClock clock)
    {
        if (Actor(user, request.RepId) is not { } rep)
        {
            return user.IsRep() ? TypedResults.Forbid() : NeedsRep();
        }

        if (Unknown(db, accountId) is { } missing)
        {
            return missing;
        }

        var note = new HandoffNote(
            accountId, rep, clock.Today, (request.Players ?? "").Trim(), (request.Policies ?? "").Trim(), (request.Politics ?? "").Trim(),
            request.FreeText?.Trim() is { Length: > 0 } free ? free : null);
        var outcome = actions.Note(note);
        if (outcome.Refusal is { } refusal)
        {
            return refusal.Rule == RefusalRule.AccountUnknown ? NotFound(refusal) : Conflict(refusal);
        }

        return TypedResults.Created($"/api/pool/{Uri.EscapeDataString(accountId)}/notes", NoteItem(outcome.Value)!);
    }

    /// <summary>
    /// The rep an action is for: a rep acts for themselves (null when they name someone else: 403); a manager for the
    /// rep they name (null when they name none: 400).
    /// </summary>
    private static string? Actor(ClaimsPrincipal user, string? named)
    {
        if (user.IsRep())
        {
            var self = user.RepId();
            return named is null || named == self ? self : null;
        }

        return string.IsNullOrWhiteSpace(named) ? null : named.Trim();
    }

    private static ValidationProblem NeedsRep() =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["repId"] = ["a manager acts for a rep: name the rep (repId)"] });

    private static ProblemHttpResult? Unknown(WorkspaceDb db, string accountId) =>
        db.Accounts.Any(a => a.AccountId == accountId) ? null : TypedResults.Problem(Problems.NotFound($"no account {accountId} in the workspace"));

    private static ProblemHttpResult NotFound(Refusal refusal) => TypedResults.Problem(Problems.NotFound(refusal.Message));

    private static ProblemHttpResult Conflict(Refusal refusal) => TypedResults.Problem(Problems.Refused(refusal.Message, refusal.Code));

    private static HandoffNoteItem? NoteItem(HandoffNote? n) =>
        n is null ? null : new HandoffNoteItem(n.AccountId, n.AuthorRepId, n.WrittenOn, n.Players, n.Policies, n.Politics, n.FreeText);

    private static PoolItem Item(PoolListRow r) => new(
        r.Pooled.AccountId, r.Name, r.Industry, r.Region, r.Pooled.ReleasedOn, r.Pooled.DaysInPool, r.Pooled.PreviousOwnerRepId, PoolCodes.Of(r.Pooled.Reason),
        r.Pooled.Why, r.Pooled.HasHandoffNote, r.TimesPooled, r.Pooled.PastClaims, r.ValueAtStake);
}
