using System.Net;
using Rekindle.Web.Auth;
using Rekindle.Web.Hosting;

namespace Rekindle.Web.Tests;

/// <summary>Every response carries the security headers; API answers and pages are never cached; the cookie is Secure over HTTPS.</summary>
[Collection(WebCollection.Name)]
public sealed class SecurityHeadersTests(WebServer server)
{
    [Theory]
    [InlineData("/", false)]
    [InlineData("/login", true)]
    [InlineData("/accounts", false)]
    [InlineData("/segments", false)]
    [InlineData("/api/me", false)]
    [InlineData("/api/accounts?pageSize=1", false)]
    [InlineData("/api/accounts/NO-SUCH-ACCOUNT", false)]
    [InlineData("/no-such-page", false)]
    public async Task Pages_and_api_answers_carry_the_policy_and_are_not_cached(string path, bool anonymous)
    {
        var client = anonymous ? server.Anonymous() : await PageFacts.Session(server, Roles.Manager);
        var response = await client.GetAsync(path);
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, string.Join(",", response.Headers.GetValues("Content-Security-Policy")));
        Assert.Contains("script-src 'self';", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.Contains("style-src 'self';", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal(SecurityHeaders.ReferrerPolicy, response.Headers.GetValues("Referrer-Policy").Single());
        Assert.True(response.Headers.CacheControl!.NoStore);
    }

    [Fact]
    public async Task Api_reference_page_alone_allows_inline_script_and_asks_for_no_outside_fonts()
    {
        using var client = server.Anonymous();
        var response = await client.GetAsync("/scalar/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SecurityHeaders.ApiReferencePolicy, string.Join(",", response.Headers.GetValues("Content-Security-Policy")));
        Assert.Contains("\"withDefaultFonts\":false", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assets_are_cached_and_carry_nosniff()
    {
        using var client = server.Anonymous();
        var response = await client.GetAsync("/assets/site.css");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TimeSpan.FromHours(1), response.Headers.CacheControl!.MaxAge);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task Pages_use_no_inline_script_or_style()
    {
        foreach (var path in new[] { "/", "/accounts", "/accounts/" + Uri.EscapeDataString(PageFacts.RepAccount(server)), "/segments", "/campaigns", "/pool", "/statements", "/policy" })
        {
            var (_, html) = await PageFacts.Get(await PageFacts.Session(server, Roles.Manager), path);
            Assert.DoesNotMatch("<script(?![^>]*\\ssrc=)", html);
            Assert.DoesNotMatch("<style|\\sstyle=|\\son[a-z]+=", html);
        }
    }

    [Theory]
    [InlineData("https", true)]
    [InlineData("http", false)]
    public async Task Session_cookie_is_secure_when_the_request_came_over_https(string scheme, bool secure)
    {
        using var client = server.Anonymous();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", WebServer.NewAddress());
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", scheme);
        var page = await client.GetAsync("/login");
        var form = await page.Content.ReadAsStringAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, "/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["email"] = server.Users[Roles.Analyst].Email,
                ["password"] = server.Users[Roles.Analyst].Password,
                ["__RequestVerificationToken"] = WebServer.AntiforgeryToken(form),
            }),
        };
        request.Headers.Add("Cookie", string.Join("; ", page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])));
        var posted = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var cookie = Assert.Single(posted.Headers.GetValues("Set-Cookie"), c => c.StartsWith(RekindleServer.CookieName, StringComparison.Ordinal));
        Assert.Equal(secure, cookie.Contains("; secure", StringComparison.OrdinalIgnoreCase));
    }
}
