using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Rekindle.App.Pool;
using Rekindle.App.Workspace;
using Rekindle.Pool;
using Rekindle.Storage;
using Rekindle.Web.Auth;
using Rekindle.Web.Hosting;

namespace Rekindle.Web.Api;

/// <summary>A rep of the workspace; the commission rate is null where the caller may not see it (another rep's, to a rep).</summary>
public sealed record RepItem(string RepId, string Name, string Email, decimal? CommissionRate, bool Active);

/// <summary>A new rep: id (at most 100 characters), name, e-mail, commission rate in [0, 1], active (default true).</summary>
public sealed record AddRepRequest(string RepId, string Name, string? Email = null, decimal CommissionRate = 0m, bool Active = true);

/// <summary>Where a departing rep's accounts go: to this active rep, or (left out) to the pool.</summary>
public sealed record DeactivateRepRequest(string? ToRepId = null);

/// <summary>A deactivated rep and the accounts moved (to the pool, or to the rep named).</summary>
public sealed record DeactivateRepResponse(string RepId, string MovedTo, IReadOnlyList<string> Accounts);

/// <summary>
/// /api/reps: the workspace's sales reps, as <c>rekindle reps</c> has them (the same <see cref="WorkspaceReps"/> and
/// <see cref="PoolActions.Deactivate"/>). Everyone signed in reads the list (a colleague directory: a rep sees other
/// reps' e-mails, not their commission rates, as they see no other rep's statement); managers add and deactivate.
/// </summary>
public static class RepsApi
{
    /// <summary>What <see cref="DeactivateRepResponse.MovedTo"/> says when the accounts went to the pool.</summary>
    public const string ToPool = "pool";

    public static void Map(RouteGroupBuilder api)
    {
        var reps = api.MapGroup("/reps").WithTags("Reps");
        reps.MapGet("", List)
            .WithSummary("Every rep by id: name, e-mail, commission rate (a rep sees only their own), active");
        reps.MapPost("", Add).ProducesProblem(StatusCodes.Status409Conflict).RequireAuthorization(Can.Manage)
            .WithSummary("Add a rep (managers), recorded in the audit log like rekindle reps add; 400 names the bad field, 409 when the id exists");
        reps.MapPost("/{repId}/deactivate", Deactivate).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Can.Manage)
            .WithSummary("Deactivate a rep today and move all their accounts to the pool or to another active rep (managers); 409 names the rule that refuses");
    }

    internal static Ok<List<RepItem>> List(ClaimsPrincipal user, WorkspaceReps reps)
    {
        var self = user.IsRep() ? user.RepId() : null;
        return TypedResults.Ok(reps.List()
            .Select(r => new RepItem(r.RepId, r.Name, r.Email, user.IsRep() && r.RepId != self ? null : r.CommissionRate, r.Active))
            .ToList());
    }

    internal static Results<Created<RepItem>, ValidationProblem, ProblemHttpResult> Add(AddRepRequest request, ClaimsPrincipal user, WorkspaceReps reps)
    {
        var rep = new Storage.Rep
        {
            RepId = request.RepId?.Trim() ?? "",
            Name = request.Name?.Trim() ?? "",
            Email = request.Email?.Trim() ?? "",
            CommissionRate = request.CommissionRate,
            Active = request.Active,
        };
        if (reps.Add(rep, user.Email()) is { } refusal)
        {
            return refusal.IdTaken
                ? TypedResults.Problem(Problems.Refused(refusal.Message, "rep_exists"))
                : TypedResults.ValidationProblem(refusal.Fields.GroupBy(f => JsonNamingPolicy.CamelCase.ConvertName(f.Field))
                    .ToDictionary(g => g.Key, g => g.Select(f => f.Problem).ToArray()));
        }

        return TypedResults.Created($"/api/reps/{Uri.EscapeDataString(rep.RepId)}", new RepItem(rep.RepId, rep.Name, rep.Email, rep.CommissionRate, rep.Active));
    }

    internal static Results<Ok<DeactivateRepResponse>, ProblemHttpResult> Deactivate(
        string repId, DeactivateRepRequest? request, ClaimsPrincipal user, PoolActions actions, WebClock clock)
    {
        var to = string.IsNullOrWhiteSpace(request?.ToRepId) ? null : request.ToRepId.Trim();
        var outcome = actions.Deactivate(repId, to is null ? Handover.ToPool : Handover.To(to), user.Email(), clock.Today);
        if (outcome.Refusal is { } refusal)
        {
            return TypedResults.Problem(refusal.Rule == RefusalRule.RepUnknown ? Problems.NotFound(refusal.Message) : Problems.Refused(refusal.Message, refusal.Code));
        }

        return TypedResults.Ok(new DeactivateRepResponse(repId, to ?? ToPool, outcome.Value!));
    }
}
