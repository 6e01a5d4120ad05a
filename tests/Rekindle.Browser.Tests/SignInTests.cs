using Microsoft.Playwright;
using Rekindle.Web.Auth;
using static Microsoft.Playwright.Assertions;

namespace Rekindle.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class SignInTests(BrowserSite site)
{
    [BrowserFact]
    public async Task SignIn_EachRoleThroughTheForm_LandsHomeWithItsNameAndRole()
    {
        foreach (var role in new[] { Roles.Manager, Roles.Analyst, Roles.Rep })
        {
            await using var session = await site.Open();
            await session.SignIn(role);
            Assert.Equal(site.Server.Address.AbsoluteUri, session.Page.Url);
            await Expect(session.Page.GetByTestId("who")).ToContainTextAsync(role);
        }
    }

    [BrowserFact]
    public async Task SignIn_WrongPassword_StaysOnTheFormWithTheReason()
    {
        await using var session = await site.Open();
        var page = session.Page;
        await page.GotoAsync("/login");
        await page.GetByLabel("Email").FillAsync(site.Server.Users[Roles.Manager].Email);
        await page.GetByLabel("Password").FillAsync("not-the-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("do not match");
        Assert.Contains("/login", page.Url, StringComparison.Ordinal);
        await Expect(page.GetByTestId("who")).ToHaveCountAsync(0);
    }

    [BrowserFact]
    public async Task Anonymous_PageOfTheDashboard_IsSentToSignInAndBackAfterwards()
    {
        await using var session = await site.Open();
        var page = session.Page;
        await page.GotoAsync("/accounts");
        Assert.Contains("/login", page.Url, StringComparison.Ordinal);
        await page.GetByLabel("Email").FillAsync(site.Server.Users[Roles.Analyst].Email);
        await page.GetByLabel("Password").FillAsync(site.Server.Users[Roles.Analyst].Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));
        Assert.EndsWith("/accounts", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
    }

    [BrowserFact]
    public async Task SignOut_FromTheHeader_EndsTheSession()
    {
        // A user of its own: signing out ends every session of the user, and the other tests share the role users' cookies.
        var (email, password) = site.Server.NewUser(Roles.Analyst);
        await using var session = await site.Open();
        await session.SignIn(email, password, Roles.Analyst);
        var page = session.Page;
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/login", StringComparison.Ordinal));
        await page.GotoAsync("/");
        Assert.Contains("/login", page.Url, StringComparison.Ordinal);
    }
}
