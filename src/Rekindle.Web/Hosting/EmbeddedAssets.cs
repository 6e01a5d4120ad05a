using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Rekindle.Web.Hosting;

/// <summary>
/// Serves the dashboard's scripts, styles and icon from the assembly: our own files from Assets/, and chart.js as the
/// build installed it from npm. Nothing is loaded from another host.
/// </summary>
public static class EmbeddedAssets
{
    private static readonly Assembly Assembly = typeof(EmbeddedAssets).Assembly;

    public static IEndpointRouteBuilder MapEmbeddedAssets(this IEndpointRouteBuilder app)
    {
        app.MapGet("/assets/{name}", (string name, HttpContext http) =>
        {
            var stream = Assembly.GetManifestResourceStream("assets/" + name);
            if (stream is null)
            {
                return Results.NotFound();
            }

            http.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.Stream(stream, ContentType(name));
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static string ContentType(string name) => Path.GetExtension(name) switch
    {
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".svg" => "image/svg+xml",
        _ => "application/octet-stream",
    };
}
