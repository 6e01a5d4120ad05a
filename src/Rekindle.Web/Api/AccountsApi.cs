using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Rekindle.App.Reactivation;
using Rekindle.App.Workspace;
using Rekindle.Lifecycle;
using Rekindle.Reactivation;
using Rekindle.Storage;
using Rekindle.Web.Auth;

namespace Rekindle.Web.Api;

/// <summary>One account in a list: its latest saved status and the reasons in words.</summary>
public sealed record AccountRow(
    string AccountId,
    string Name,
    string Industry,
    string Region,
    string? Owner,
    string Status,
    bool Key,
    double CycleDays,
    string CycleBasis,
    int? DaysSinceLastOrder,
    decimal Revenue12m,
    string Reasons);

/// <summary>A page of accounts, as of the snapshot it was read from.</summary>
public sealed record AccountPage(DateOnly AsOf, string PolicyVersion, int Total, int Page, int PageSize, IReadOnlyList<AccountRow> Items);

/// <summary>/api/accounts: the book, filtered, sorted and paged; a rep sees only their own accounts.</summary>
public static class AccountsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var accounts = api.MapGroup("/accounts").WithTags("Accounts");
        accounts.MapGet("", List).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Accounts by their latest saved status: filter by status, key flag, owner, segment and text; sort by name, revenue, days or status; page");
        accounts.MapGet("/{id}", AccountDetailsApi.Get).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One account: status and reasons as of a date, status history, timeline, contacts (addresses for managers and the owner) and owners; a rep reads own accounts only");
    }

    /// <param name="status">prospect, new, active, occasional, passive, inactive or dormant.</param>
    /// <param name="key">true for key accounts only, false for the others.</param>
    /// <param name="owner">A rep id (ignored for reps: they see their own accounts).</param>
    /// <param name="segment">A reactivation segment as of the snapshot's date: a code (181-365d/big/email) or a filter (status=passive|inactive,tier=big).</param>
    /// <param name="q">Text in the account id or name.</param>
    /// <param name="sort">name, revenue (default), days or status.</param>
    /// <param name="desc">Descending (default true).</param>
    /// <param name="page">From 1.</param>
    /// <param name="pageSize">1 to 500 (default 50).</param>
    internal static Results<Ok<AccountPage>, ValidationProblem, ProblemHttpResult> List(
        ClaimsPrincipal user,
        SnapshotQueries snapshots,
        WorkspaceDb db,
        WorkspacePolicies policies,
        ClassifiedBookCache cache,
        string? status = null,
        bool? key = null,
        string? owner = null,
        string? segment = null,
        string? q = null,
        string? sort = null,
        bool desc = true,
        int page = 1,
        int pageSize = 50)
    {
        var problems = new Dictionary<string, string[]>();
        LifecycleStatus? wanted = null;
        if (status is not null)
        {
            if (LifecycleStatusCodes.TryParse(status, out var parsed))
            {
                wanted = parsed;
            }
            else
            {
                problems["status"] = [$"'{status}' is not a status (prospect, new, active, occasional, passive, inactive, dormant)"];
            }
        }

        var order = sort?.ToLowerInvariant() switch
        {
            null or "revenue" => AccountSort.Revenue,
            "name" => AccountSort.Name,
            "days" => AccountSort.DaysSinceLastOrder,
            "status" => AccountSort.Status,
            _ => (AccountSort?)null,
        };
        if (order is null)
        {
            problems["sort"] = [$"'{sort}' is not a sort (name, revenue, days, status)"];
        }

        if (page < 1)
        {
            problems["page"] = ["pages count from 1"];
        }

        if (pageSize is < 1 or > SnapshotQueries.MaxPageSize)
        {
            problems["pageSize"] = [$"a page holds 1 to {SnapshotQueries.MaxPageSize} accounts"];
        }

        Func<AccountSegment, bool>? inSegment = null;
        if (segment is not null)
        {
            if (SegmentSelector.TryParse(segment, out var matches, out var error))
            {
                inSegment = matches;
            }
            else
            {
                problems["segment"] = [$"'{segment}' {error}"];
            }
        }

        if (problems.Count > 0)
        {
            return TypedResults.ValidationProblem(problems);
        }

        var snapshot = snapshots.Latest();
        if (snapshot is null)
        {
            return TypedResults.Problem(Problems.NotFound("no classification is saved yet: the nightly job saves one (or rekindle classify --save)"));
        }

        // A segment is computed as of the snapshot's date, so the list and the segment agree on each account's status.
        var only = inSegment is null
            ? null
            : WorkspaceSegments.Segment(db, policies.CurrentPolicy().Policy, snapshot.AsOf, withOrderLines: false, cache).Segmented.Accounts
                .Where(inSegment).Select(s => s.AccountId).ToHashSet(StringComparer.Ordinal);
        var result = snapshots.Accounts(snapshot, new AccountQuery
        {
            Status = wanted,
            Key = key,
            Owner = user.OwnerScope(owner),
            Only = only,
            Search = q,
            Sort = order!.Value,
            Descending = desc,
            Page = page,
            PageSize = pageSize,
        });
        return TypedResults.Ok(new AccountPage(snapshot.AsOf, snapshot.PolicyVersionId, result.Total, result.Page, result.PageSize, [.. result.Rows.Select(Row)]));
    }

    public static AccountRow Row(SnapshotListRow r) =>
        new(r.AccountId, r.Name, r.Industry, r.Region, r.OwnerRepId, r.Status.Code(), r.Key, Math.Round(r.CycleDays, 1), r.CycleBasis.Code(), r.DaysSinceLastOrder, r.Revenue12m, r.Reasons);
}
