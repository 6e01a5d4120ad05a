using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Rekindle.Web.Auth;

namespace Rekindle.Web.Api;

/// <summary>
/// The answers every API operation may give besides its own, added to the OpenAPI document so that it lists every
/// status a route returns (<c>OpenApiResponsesTests</c> compares): 401 without a session or token; 400 for a query,
/// route value or body that does not parse (and, on a change, a missing anti-forgery token); 403 where a policy
/// narrows the roles, and on a change (a foreign Origin, <see cref="CrossSiteGuard"/>). Statuses of a route's own
/// refusals (404, 409, a handler's 403) are declared beside the route with <c>ProducesProblem</c>.
/// </summary>
public sealed class ApiResponses : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        if (description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) != true)
        {
            return Task.CompletedTask;
        }

        var change = !HttpMethods.IsGet(description.HttpMethod ?? "") && !HttpMethods.IsHead(description.HttpMethod ?? "");
        var narrowed = description.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>().Any(a => a.Policy is { } p && p != Can.Read);
        operation.Responses ??= [];
        Add(operation, StatusCodes.Status401Unauthorized, "Not signed in: no session cookie and no valid API token");
        if (change || (operation.Parameters?.Count ?? 0) > 0 || operation.RequestBody is not null)
        {
            Add(operation, StatusCodes.Status400BadRequest, change
                ? "A parameter or the body is not valid, or a change made with the session cookie lacks the anti-forgery token"
                : "A parameter is not valid");
        }

        if (change || narrowed)
        {
            Add(operation, StatusCodes.Status403Forbidden, change ? "The role may not do this, or the request came from another site" : "The role may not read this");
        }

        return Task.CompletedTask;
    }

    private static void Add(OpenApiOperation operation, int status, string description) =>
        operation.Responses!.TryAdd(status.ToString(System.Globalization.CultureInfo.InvariantCulture), new OpenApiResponse { Description = description });
}
