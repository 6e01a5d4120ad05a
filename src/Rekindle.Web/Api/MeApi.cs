using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Rekindle.Web.Auth;

namespace Rekindle.Web.Api;

/// <summary>The signed-in user.</summary>
public sealed record MeResponse(long Id, string Email, string Name, string Role, string? RepId);

/// <summary>A token as listed: never its secret.</summary>
public sealed record TokenResponse(long Id, string Name, string Prefix, DateTime CreatedAtUtc, DateTime? LastUsedUtc, DateTime? RevokedAtUtc);

/// <summary>A new token: the secret appears here once and is never shown again.</summary>
public sealed record NewTokenResponse(TokenResponse Token, string Secret);

public sealed record NewTokenRequest(string Name);

/// <summary>/api/me: who am I, and my personal API tokens.</summary>
public static class MeApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var me = api.MapGroup("/me").WithTags("Me");
        me.MapGet("", (ClaimsPrincipal user) => new MeResponse(user.UserId(), user.Email(), user.DisplayName(), user.Role(), user.RepId()))
            .WithSummary("The signed-in user: email, role and, for a rep, their rep id");
        me.MapGet("/tokens", (ClaimsPrincipal user, UserAccounts users) => users.Tokens(user.UserId()).Select(Token).ToList())
            .WithSummary("My personal API tokens (names and prefixes, never the secrets)");
        me.MapPost("/tokens", Results<Created<NewTokenResponse>, ValidationProblem> (NewTokenRequest request, ClaimsPrincipal user, UserAccounts users) =>
            {
                if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 100)
                {
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = ["a token needs a name of 1 to 100 characters"] });
                }

                var issued = users.IssueToken(user.UserId(), request.Name);
                return TypedResults.Created($"/api/me/tokens/{issued.Stored.Id}", new NewTokenResponse(Token(issued.Stored), issued.Token));
            })
            .WithSummary("Issue a personal API token for an integration; the secret is returned once");
        me.MapDelete("/tokens/{id:long}", Results<NoContent, NotFound> (long id, ClaimsPrincipal user, UserAccounts users) =>
                users.Revoke(user.UserId(), id) ? TypedResults.NoContent() : TypedResults.NotFound())
            .WithSummary("Revoke one of my tokens");
    }

    private static TokenResponse Token(Storage.ApiToken t) => new(t.Id, t.Name, t.Prefix, t.CreatedAtUtc, t.LastUsedUtc, t.RevokedAtUtc);
}
