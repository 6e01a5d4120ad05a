using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Rekindle.App.Reactivation;
using Rekindle.App.Workspace;
using Rekindle.Common;
using Rekindle.Lifecycle;
using Rekindle.Reactivation;
using Rekindle.Storage;
using Rekindle.Web.Auth;
using Rekindle.Web.Hosting;

namespace Rekindle.Web.Api;

/// <summary>A stored campaign.</summary>
public sealed record CampaignItem(
    string Name,
    DateOnly AsOf,
    DateOnly LaunchOn,
    DateOnly WindowEndsOn,
    int Seed,
    decimal HoldoutShare,
    int AttributionWindowDays,
    string PolicyVersion,
    IReadOnlyList<string> Segments,
    IReadOnlyList<string> Plays,
    string? Currency,
    int TreatmentAccounts,
    int ControlAccounts,
    string CreatedBy,
    DateTime CreatedAtUtc);

/// <summary>A play of a campaign: treatment and control accounts, and the treatment's work lists (mail, calls, tasks).</summary>
public sealed record CampaignPlayItem(string Play, int Treatment, int Control, IReadOnlyDictionary<string, int> Lists);

/// <summary>A member of a campaign, without message text or addresses (the export has those).</summary>
public sealed record CampaignMemberItem(string AccountId, string Name, string? Owner, string Group, string Play, string Segment, string Status, bool Key, decimal RevenueAtStake, string? Channel, string? OfferCode);

/// <summary>A campaign with its plays, skipped accounts (at planning) and a page of its members in work order.</summary>
public sealed record CampaignResponse(
    CampaignItem Campaign,
    IReadOnlyList<CampaignPlayItem> Plays,
    IReadOnlyDictionary<string, int> Skipped,
    int MembersTotal,
    int Page,
    int PageSize,
    IReadOnlyList<CampaignMemberItem> Members);

/// <summary>
/// Plan a campaign as <c>rekindle campaign plan</c> does. Segments: filters such as <c>status=passive|inactive,tier=big</c>
/// (any of them matches; none: every lapsed account). Plays: play ids (none: every play that sends or assigns).
/// </summary>
public sealed record PlanCampaignRequest(
    string Name,
    DateOnly? AsOf = null,
    DateOnly? LaunchOn = null,
    IReadOnlyList<string>? Segments = null,
    IReadOnlyList<string>? Plays = null,
    decimal? HoldoutShare = null,
    int Seed = 1,
    string? Currency = null);

/// <summary>/api/campaigns: plan, read and measure reactivation campaigns (managers and analysts).</summary>
public static class CampaignsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/campaigns").WithTags("Campaigns").RequireAuthorization(Can.Analyse);
        group.MapGet("", (CampaignStore store) => store.List().Select(Item).ToList())
            .WithSummary("Every campaign of the workspace, oldest first");
        group.MapPost("", Plan).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Plan a campaign over the lapsed accounts with a seeded control group and store it (like rekindle campaign plan)");
        group.MapGet("/{name}", Get).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One campaign: its settings, plays, skipped accounts and a page of its members in work order");
        group.MapGet("/{name}/results", (string name, CampaignStore store, CampaignMeasurer measurer, WebClock clock, DateOnly? asOf) => Results(name, store, measurer, asOf ?? clock.Today, record: false)).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Treatment against control as of a date (default today): accounts, responded, reactivated, revenue, uplift with its 95% interval; overall, by segment, by play. Nothing is stored");
        group.MapPost("/{name}/results", (string name, CampaignStore store, CampaignMeasurer measurer, WebClock clock, DateOnly? asOf) => Results(name, store, measurer, asOf ?? clock.Today, record: true)).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Measure the campaign as of a date (default today) and record each member's outcome, replacing the previous measurement (like rekindle campaign results)");
    }

    internal static Results<Created<CampaignResponse>, ValidationProblem, ProblemHttpResult> Plan(
        PlanCampaignRequest request, ClaimsPrincipal user, WorkspaceCampaigns campaigns, CampaignStore store, WorkspacePolicies policies, WebClock clock)
    {
        var problems = new Dictionary<string, string[]>();
        var name = request.Name?.Trim() ?? "";
        if (name.Length is 0 or > 100)
        {
            problems["name"] = ["a campaign needs a name of 1 to 100 characters"];
        }

        var texts = request.Segments ?? [];
        var filters = new List<SegmentFilter>();
        var bad = new List<string>();
        foreach (var text in texts)
        {
            if (SegmentFilter.TryParse(text, out var filter, out var error))
            {
                filters.Add(filter);
            }
            else
            {
                bad.Add($"'{text}': {error}");
            }
        }

        if (bad.Count > 0)
        {
            problems["segments"] = [.. bad];
        }

        if (problems.Count > 0)
        {
            return TypedResults.ValidationProblem(problems);
        }

        var outcome = campaigns.Plan(
            new CampaignRequest
            {
                Name = name,
                LaunchOn = request.LaunchOn,
                Segments = filters,
                Plays = request.Plays ?? [],
                HoldoutShare = request.HoldoutShare,
                Seed = request.Seed,
                Currency = request.Currency,
            },
            texts, policies.CurrentPolicy().Policy, request.AsOf ?? clock.Today, user.Email());
        if (outcome.Problems.Count > 0)
        {
            var problem = Problems.BadRequest("The campaign cannot be planned", $"{outcome.Problems.Count} problem(s); nothing was planned");
            problem.Extensions["problems"] = outcome.Problems.Select(p => p.ToString()).ToList();
            return TypedResults.Problem(problem);
        }

        if (outcome.NothingMatched is { } nothing)
        {
            return TypedResults.Problem(Problems.BadRequest("No account matches", nothing));
        }

        if (outcome.Refusal is { } refusal)
        {
            return TypedResults.Problem(Problems.Refused(refusal, "name_taken"));
        }

        return TypedResults.Created($"/api/campaigns/{Uri.EscapeDataString(name)}", Response(store.Load(name)!, outcome.Plan!.Skipped, 1, 50));
    }

    /// <param name="page">Members page, from 1.</param>
    /// <param name="pageSize">1 to 500 (default 50).</param>
    internal static Results<Ok<CampaignResponse>, ValidationProblem, ProblemHttpResult> Get(string name, CampaignStore store, int page = 1, int pageSize = 50)
    {
        if (page < 1 || pageSize is < 1 or > SnapshotQueries.MaxPageSize)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [page < 1 ? "page" : "pageSize"] = [$"pages count from 1 and hold 1 to {SnapshotQueries.MaxPageSize} members"] });
        }

        return store.Load(name.Trim()) is { } stored
            ? TypedResults.Ok(Response(stored, null, page, pageSize))
            : TypedResults.Problem(NoCampaign(store, name));
    }

    private static Results<Ok<CampaignResultsResponse>, ProblemHttpResult> Results(string name, CampaignStore store, CampaignMeasurer measurer, DateOnly asOf, bool record)
    {
        if (store.Load(name.Trim()) is not { } stored)
        {
            return TypedResults.Problem(NoCampaign(store, name));
        }

        var (results, currency) = measurer.Measure(stored, asOf);
        if (record)
        {
            store.SaveOutcomes(stored.Campaign, results);
        }

        return TypedResults.Ok(CampaignResultsResponse.Of(results, currency, record));
    }

    private static ProblemDetails NoCampaign(CampaignStore store, string name)
    {
        var known = store.List().Select(c => c.Name).ToList();
        return Problems.NotFound($"no campaign named '{name}' in the workspace ({(known.Count == 0 ? "none planned yet" : "campaigns: " + string.Join(", ", known))})");
    }

    private static CampaignResponse Response(StoredCampaign stored, IReadOnlyList<SkippedAccount>? skipped, int page, int pageSize)
    {
        var plan = stored.Plan;
        var plays = plan.Members.GroupBy(m => m.Play, StringComparer.Ordinal)
            .OrderBy(g => g.Min(m => m.Priority)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new CampaignPlayItem(
                g.Key, g.Count(m => m.Group == CampaignGroup.Treatment), g.Count(m => m.Group == CampaignGroup.Control),
                g.Where(m => m.Group == CampaignGroup.Treatment).GroupBy(CampaignExport.ListOf).OrderBy(l => l.Key, StringComparer.Ordinal)
                    .ToDictionary(l => l.Key, l => l.Count(), StringComparer.Ordinal)))
            .ToList();
        var members = plan.Members.Skip(SnapshotQueries.Skip(page, pageSize)).Take(pageSize).Select(m => new CampaignMemberItem(
            m.AccountId, m.AccountName, m.OwnerRepId, CampaignStore.GroupCode(m.Group), m.Play, m.SegmentCode, m.Status.Code(), m.Key, m.RevenueAtStake,
            m.Channel is { } c ? Codes.Of(c) : null, m.OfferCode));
        return new CampaignResponse(
            Item(stored.Campaign), plays,
            (skipped ?? []).GroupBy(s => s.Reason, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            plan.Members.Count, page, pageSize, [.. members]);
    }

    private static CampaignItem Item(Campaign c) => new(
        c.Name, c.AsOf, c.LaunchOn, c.LaunchOn.AddDays(c.AttributionWindowDays), c.Seed, c.HoldoutShare, c.AttributionWindowDays, c.PolicyVersionId,
        c.Segments.Split('\n', StringSplitOptions.RemoveEmptyEntries), c.Plays.Split(',', StringSplitOptions.RemoveEmptyEntries), c.Currency,
        c.TreatmentAccounts, c.ControlAccounts, c.CreatedBy, c.CreatedAtUtc);
}
