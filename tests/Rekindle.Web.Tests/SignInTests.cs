using System.Net;
using System.Net.Http.Json;
using Rekindle.Web.Api;
using Rekindle.Web.Auth;

namespace Rekindle.Web.Tests;

[Collection(WebCollection.Name)]
public sealed class SignInTests(WebServer server)
{
    [Fact]
    public async Task Wrong_password_is_refused_and_sets_no_session()
    {
        using var client = server.Anonymous();
        var form = await client.GetStringAsync("/login");
        var posted = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = server.Users[Roles.Manager].Email,
            ["password"] = server.Users[Roles.Manager].Password + "x",
            ["__RequestVerificationToken"] = WebServer.AntiforgeryToken(form),
        }));
        Assert.Equal(HttpStatusCode.Unauthorized, posted.StatusCode);
        Assert.DoesNotContain(posted.Headers.TryGetValues("Set-Cookie", out var set) ? set : [], c => c.StartsWith(RekindleServer.CookieName, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sign_in_form_without_its_antiforgery_token_is_rejected()
    {
        using var client = server.Anonymous();
        var posted = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = server.Users[Roles.Manager].Email,
            ["password"] = server.Users[Roles.Manager].Password,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
    }

    [Fact]
    public async Task Session_cookie_is_http_only_and_same_site_strict()
    {
        using var client = server.Anonymous();
        var form = await client.GetStringAsync("/login");
        var posted = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = server.Users[Roles.Analyst].Email,
            ["password"] = server.Users[Roles.Analyst].Password,
            ["__RequestVerificationToken"] = WebServer.AntiforgeryToken(form),
        }));
        var cookie = Assert.Single(posted.Headers.GetValues("Set-Cookie"), c => c.StartsWith(RekindleServer.CookieName, StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(Roles.Manager)]
    [InlineData(Roles.Rep)]
    [InlineData(Roles.Analyst)]
    public async Task Api_token_and_cookie_both_identify_the_user(string role)
    {
        using var token = server.WithToken(role);
        using var cookie = await server.SignedIn(role);
        var byToken = await token.GetFromJsonAsync<MeResponse>("/api/me");
        var byCookie = await cookie.GetFromJsonAsync<MeResponse>("/api/me");
        Assert.Equal(server.Users[role].Email, byToken!.Email);
        Assert.Equal(role, byToken.Role);
        Assert.Equal(byToken, byCookie);
    }

    [Fact]
    public async Task Revoked_or_unknown_token_is_401()
    {
        using var client = server.Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "rk_not-a-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);

        using var manager = server.WithToken(Roles.Manager);
        var issued = await (await manager.PostAsJsonAsync("/api/me/tokens", new NewTokenRequest("short-lived"))).Content.ReadFromJsonAsync<NewTokenResponse>();
        using var withNew = server.Anonymous();
        withNew.DefaultRequestHeaders.Authorization = new("Bearer", issued!.Secret);
        Assert.Equal(HttpStatusCode.OK, (await withNew.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await manager.DeleteAsync($"/api/me/tokens/{issued.Token.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await withNew.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task Token_list_never_contains_a_secret()
    {
        using var client = server.WithToken(Roles.Analyst);
        var body = await client.GetStringAsync("/api/me/tokens");
        Assert.DoesNotContain(server.Tokens[Roles.Analyst], body, StringComparison.Ordinal);
        Assert.Contains("\"prefix\"", body, StringComparison.Ordinal);
    }
}
