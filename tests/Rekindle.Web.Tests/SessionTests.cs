using System.Net;
using Rekindle.Web.Auth;

namespace Rekindle.Web.Tests;

/// <summary>Sessions end on sign-out, on disabling and on a new password: a copied cookie stops working too.</summary>
[Collection(WebCollection.Name)]
public sealed class SessionTests(WebServer server)
{
    [Fact]
    public async Task Sign_out_ends_the_session_a_copied_cookie_included()
    {
        var (email, password) = server.NewUser();
        var cookies = new CookieContainer();
        using var client = await server.SignedIn(email, password, cookies);
        using var copy = Copy(cookies);
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/api/me")).StatusCode);

        var token = WebServer.AntiforgeryToken(await client.GetStringAsync("/"));
        var signedOut = await PageFacts.PostForm(client, "/logout", token);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await copy.GetAsync("/api/me")).StatusCode);
        var page = await copy.GetAsync("/accounts");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/login", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disabling_ends_sessions_and_tokens_and_enabling_lets_the_user_sign_in_again()
    {
        var (email, password) = server.NewUser();
        using var client = await server.SignedIn(email, password);
        string secret;
        using (var db = server.Location.Open())
        {
            var accounts = new UserAccounts(db, server.Clock);
            secret = accounts.IssueToken(accounts.FindByEmail(email)!.Id, "tests").Token;
            accounts.Disable(email, "tests");
        }

        using var bearer = server.Anonymous();
        bearer.DefaultRequestHeaders.Authorization = new("Bearer", secret);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await bearer.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignIn(email, password)).StatusCode);

        using (var db = server.Location.Open())
        {
            new UserAccounts(db, server.Clock).Enable(email, "tests");
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/api/me")).StatusCode);
        using var again = await server.SignedIn(email, password);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task New_password_ends_sessions_and_only_the_new_password_signs_in()
    {
        var (email, password) = server.NewUser();
        using var client = await server.SignedIn(email, password);
        var fresh = UserAccounts.NewPassword();
        using (var db = server.Location.Open())
        {
            new UserAccounts(db, server.Clock).ResetPassword(email, fresh, "tests");
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignIn(email, password)).StatusCode);
        using var again = await server.SignedIn(email, fresh);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public void Short_new_password_and_unknown_email_are_refused()
    {
        var (email, _) = server.NewUser();
        using var db = server.Location.Open();
        var accounts = new UserAccounts(db, server.Clock);
        Assert.Throws<UserRefusedException>(() => accounts.ResetPassword(email, new string('x', UserAccounts.MinimumPasswordLength - 1), "tests"));
        accounts.ResetPassword(email, new string('x', UserAccounts.MinimumPasswordLength), "tests");
        Assert.Throws<UserRefusedException>(() => accounts.Disable("nobody@example.com", "tests"));
    }

    private async Task<HttpResponseMessage> SignIn(string email, string password)
    {
        using var client = server.Anonymous();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", WebServer.NewAddress());
        var cookies = await client.GetAsync("/login");
        var form = await cookies.Content.ReadAsStringAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, "/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["email"] = email,
                ["password"] = password,
                ["__RequestVerificationToken"] = WebServer.AntiforgeryToken(form),
            }),
        };
        request.Headers.Add("Cookie", string.Join("; ", cookies.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])));
        return await client.SendAsync(request);
    }

    /// <summary>Another client sending the same cookies, as someone who copied them would.</summary>
    private HttpClient Copy(CookieContainer cookies)
    {
        var copy = server.Anonymous();
        copy.DefaultRequestHeaders.Add("Cookie", string.Join("; ", cookies.GetCookies(server.Address).Select(c => $"{c.Name}={c.Value}")));
        return copy;
    }
}
