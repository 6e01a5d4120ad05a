using System.Net;
using Rekindle.Web.Auth;

namespace Rekindle.Web.Tests;

/// <summary>
/// Every endpoint and page, for every role and anonymous, answers the designed status: 200 (or the listed success
/// code) where the role may, 403 where it may not, 401 (API) or a redirect to sign-in (pages) when anonymous.
/// Adding an endpoint or page means adding its row here.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class AccessMatrixTests(WebServer server)
{
    private const string Anonymous = "anonymous";

    /// <summary>Read-only routes: (path, roles allowed). Allowed roles get 200, others 403.</summary>
    public static TheoryData<string, string, string> ReadRoutes()
    {
        var data = new TheoryData<string, string, string>();
        var everyone = new[] { Roles.Manager, Roles.Rep, Roles.Analyst };
        foreach (var (path, allowed) in new (string Path, string[] Allowed)[]
                 {
                     ("/api/me", everyone),
                     ("/api/me/tokens", everyone),
                     ("/api/accounts", everyone),
                     ("/", everyone),
                 })
        {
            foreach (var role in everyone)
            {
                data.Add(path, role, allowed.Contains(role) ? "200" : "403");
            }

            data.Add(path, Anonymous, path.StartsWith("/api", StringComparison.Ordinal) ? "401" : "302");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ReadRoutes))]
    public async Task Get_answers_the_designed_status(string path, string role, string expected)
    {
        using var client = role == Anonymous ? server.Anonymous() : path.StartsWith("/api", StringComparison.Ordinal) ? server.WithToken(role) : await server.SignedIn(role);
        var response = await client.GetAsync(path);
        Assert.Equal(expected, ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (expected == "302")
        {
            Assert.StartsWith("/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/openapi/v1.json")]
    [InlineData("/assets/chart.umd.min.js")]
    [InlineData("/assets/site.css")]
    [InlineData("/assets/icon.svg")]
    [InlineData("/login")]
    [InlineData("/health")]
    public async Task Public_routes_need_no_sign_in(string path)
    {
        using var client = server.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
    }
}
