using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Rekindle.Web.Auth;

/// <summary>
/// Refuses forged cross-site requests. A state-changing request (anything but GET, HEAD, OPTIONS, TRACE) that does not
/// carry a bearer token is refused (403) when its Origin is another site's; under /api, one signed in by the session
/// cookie must also carry the anti-forgery token (header <see cref="HeaderName"/> or the form field), as the
/// dashboard's forms do (400 without). A bearer token is never sent by a browser on its own, so it needs neither.
/// </summary>
public static class CrossSiteGuard
{
    public const string HeaderName = "RequestVerificationToken";

    public static IApplicationBuilder UseCrossSiteGuard(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var request = http.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method)
            || request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            await next(http);
            return;
        }

        if (IsForeign(request))
        {
            await Refuse(http, StatusCodes.Status403Forbidden, "Cross-site request refused",
                $"a request from {request.Headers.Origin} may not change anything here: send it from this site, or with an API token");
            return;
        }

        if (request.Path.StartsWithSegments("/api") && http.User.Identity?.IsAuthenticated == true)
        {
            try
            {
                await http.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(http);
            }
            catch (AntiforgeryValidationException)
            {
                await Refuse(http, StatusCodes.Status400BadRequest, "Anti-forgery token missing or invalid",
                    $"a change made with the session cookie needs the anti-forgery token of a dashboard page (header {HeaderName}); or send an API token");
                return;
            }
        }

        await next(http);
    });

    /// <summary>An Origin naming another host (or "null", an opaque origin); no Origin at all is not a browser's cross-site request.</summary>
    public static bool IsForeign(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return false;
        }

        return !Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            || !string.Equals(uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port}", request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }

    private static Task Refuse(HttpContext http, int status, string title, string detail) =>
        TypedResults.Problem(new ProblemDetails { Status = status, Title = title, Detail = detail }).ExecuteAsync(http);
}
