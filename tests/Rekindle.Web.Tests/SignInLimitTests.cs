using System.Net;
using Rekindle.Web.Auth;
using Rekindle.Web.Pages;

namespace Rekindle.Web.Tests;

/// <summary>
/// Sign-in attempts are limited per email and per client address, and an email is locked for a while after
/// repeated failures; the answers are the same whether or not a user has the email.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class SignInLimitTests(WebServer server)
{
    [Fact]
    public void Limits_are_the_documented_defaults()
    {
        Assert.Equal((20, 10, 5, TimeSpan.FromMinutes(15)), (SignInGuard.AttemptsPerAddress, SignInGuard.AttemptsPerEmail, SignInGuard.FailuresBeforeLockout, SignInGuard.LockoutLength));
    }

    [Fact]
    public async Task Repeated_failures_lock_the_email_even_to_its_right_password_until_the_lock_ends()
    {
        var (email, password) = server.NewUser();
        for (var i = 1; i < SignInGuard.FailuresBeforeLockout; i++)
        {
            var (status, html) = await Post(email, "wrong password " + i);
            Assert.Equal(HttpStatusCode.Unauthorized, status);
            Assert.Contains(LoginModel.WrongPassword, html, StringComparison.Ordinal);
        }

        var (lockedStatus, locking) = await Post(email, "wrong password again");
        Assert.Equal(HttpStatusCode.Unauthorized, lockedStatus);
        Assert.Contains("paused until", locking, StringComparison.Ordinal);
        var (refusedStatus, refused) = await Post(email, password);
        Assert.Equal(HttpStatusCode.TooManyRequests, refusedStatus);
        Assert.Contains("paused until", refused, StringComparison.Ordinal);
        Assert.DoesNotContain(RekindleServer.CookieName, refused, StringComparison.Ordinal);

        server.Clock.Advance(SignInGuard.LockoutLength - TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await Post(email, password)).Status);
        server.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Redirect, (await Post(email, password)).Status);
    }

    [Fact]
    public async Task An_email_no_user_has_is_locked_the_same_way()
    {
        var (email, _) = server.NewUser();
        var nobody = $"nobody-{Guid.NewGuid():N}@example.com";
        var answers = new List<(HttpStatusCode, string)>();
        foreach (var who in new[] { email, nobody })
        {
            var seen = new List<string>();
            for (var i = 0; i <= SignInGuard.FailuresBeforeLockout; i++)
            {
                var (status, html) = await Post(who, "wrong password");
                seen.Add($"{(int)status} {PageFacts.Text(html, "sign-in-error")}");
            }

            answers.Add((HttpStatusCode.OK, string.Join("\n", seen)));
        }

        Assert.Equal(answers[0], answers[1]);
    }

    [Fact]
    public async Task More_attempts_for_one_email_than_the_limit_a_minute_are_refused_from_any_address()
    {
        var nobody = $"nobody-{Guid.NewGuid():N}@example.com";
        for (var i = 0; i < SignInGuard.AttemptsPerEmail; i++)
        {
            Assert.DoesNotContain("Too many sign-in attempts for this email", (await Post(nobody, "wrong")).Html, StringComparison.Ordinal);
        }

        var (status, html) = await Post(nobody, "wrong");
        Assert.Equal(HttpStatusCode.TooManyRequests, status);
        Assert.Contains("Too many sign-in attempts for this email", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task More_sign_in_posts_from_one_address_than_the_limit_a_minute_are_refused()
    {
        var address = WebServer.NewAddress();
        for (var i = 0; i < SignInGuard.AttemptsPerAddress; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await Post($"nobody-{Guid.NewGuid():N}@example.com", "wrong", address: address)).Status);
        }

        var (status, body) = await Post(server.Users[Roles.Manager].Email, server.Users[Roles.Manager].Password, address: address);
        Assert.Equal(HttpStatusCode.TooManyRequests, status);
        Assert.Equal(SignInGuard.TooManyFromAddress, body);
        Assert.Equal(HttpStatusCode.Redirect, (await Post(server.Users[Roles.Manager].Email, server.Users[Roles.Manager].Password)).Status);
    }

    /// <summary>Posts the sign-in form from an address of its own (or the one given).</summary>
    private async Task<(HttpStatusCode Status, string Html)> Post(string email, string password, string? address = null)
    {
        var cookies = new CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = server.Address };
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address ?? WebServer.NewAddress());
        var form = await client.GetStringAsync("/login");
        var response = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = email,
            ["password"] = password,
            ["__RequestVerificationToken"] = WebServer.AntiforgeryToken(form),
        }));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
