using Microsoft.Playwright;
using Rekindle.Web.Auth;
using static Microsoft.Playwright.Assertions;

namespace Rekindle.Browser.Tests;

/// <summary>
/// Every main page of the dashboard opens in the browser for a role that may see it, draws without a script error and
/// no wider than the window, and is kept as a full-page screenshot (TestResults/screenshots/{page}-{role}.png).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MainPagesTests(BrowserSite site)
{
    [BrowserTheory]
    [InlineData(Roles.Rep, "/", "home", "pool-warnings")]
    [InlineData(Roles.Rep, "/accounts", "accounts", "account-list")]
    [InlineData(Roles.Manager, "/accounts", "accounts", "account-list")]
    [InlineData(Roles.Rep, "/pool", "pool", "pool-list")]
    [InlineData(Roles.Manager, "/policy", "policy", "policy-log")]
    [InlineData(Roles.Analyst, "/segments", "segments", "segment-matrix")]
    [InlineData(Roles.Analyst, "/campaigns", "campaigns", "campaign-list")]
    [InlineData(Roles.Manager, "/statements", "statements", "statement-list")]
    public async Task Page_OpensAndDrawsWithoutScriptError(string role, string path, string name, string testId)
    {
        await using var session = await site.SignedIn(role);
        await session.Visit(path);
        await Expect(session.Page.GetByTestId(testId)).ToBeVisibleAsync();
        await Screenshots.Save(session.Page, $"{name}-{role}");
        Assert.True(session.ScriptErrors.Count == 0, string.Join(" | ", session.ScriptErrors));
        var overflow = await session.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"{path} is {overflow} px wider than the window (1280 px): something does not wrap or scroll in its card");
    }

    [BrowserFact]
    public async Task AccountPage_FromTheRepsList_ShowsReasonsAndTimeline()
    {
        await using var session = await site.SignedIn(Roles.Rep);
        var page = session.Page;
        await session.Visit("/accounts");
        await page.GetByTestId("account-row").First.GetByRole(AriaRole.Link).First.ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/accounts/", StringComparison.Ordinal));
        await Expect(page.GetByTestId("reasons")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("timeline")).ToBeVisibleAsync();
        await Screenshots.Save(page, "account-rep");
        Assert.Empty(session.ScriptErrors);
    }

    [BrowserFact]
    public async Task CampaignPage_FromTheList_ShowsItsResults()
    {
        await using var session = await site.SignedIn(Roles.Analyst);
        var page = session.Page;
        await session.Visit("/campaigns");
        await page.GetByTestId("campaign-row").First.GetByRole(AriaRole.Link).First.ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/campaigns/", StringComparison.Ordinal));
        await Expect(page.GetByTestId("verdict")).ToBeVisibleAsync();
        await Screenshots.Save(page, "campaign-analyst");
        Assert.Empty(session.ScriptErrors);
    }

    [BrowserFact]
    public async Task Statement_Rep_ShowsTheirOwnStatement()
    {
        await using var session = await site.SignedIn(Roles.Rep);
        await session.Visit($"/statements/{site.Server.RepId}");
        await Expect(session.Page.GetByTestId("statement-totals")).ToBeVisibleAsync();
        await Screenshots.Save(session.Page, "statement-rep");
        Assert.Empty(session.ScriptErrors);
    }
}
