using Rekindle.Web.Auth;
using static Microsoft.Playwright.Assertions;

namespace Rekindle.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class HomePageTests(BrowserSite site)
{
    [BrowserFact]
    public async Task Home_Manager_DrawsEveryChartWithTheLocalChartJsAndShowsTheJobs()
    {
        await using var session = await site.SignedIn(Roles.Manager);
        var page = session.Page;
        await session.Visit("/");
        await Expect(page.GetByTestId("status-table")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("jobs")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("pool-warnings")).ToHaveCountAsync(0);
        var canvases = page.Locator("canvas[data-chart]");
        Assert.True(await canvases.CountAsync() > 0, "the home page has no chart");
        await page.WaitForFunctionAsync(
            "() => [...document.querySelectorAll('canvas[data-chart]')].every(c => window.Chart && Chart.getChart(c))");
        var chartSources = await page.EvalOnSelectorAllAsync<string[]>("script[src]", "s => s.map(x => x.src)");
        Assert.All(chartSources, src => Assert.StartsWith(site.Server.Address.AbsoluteUri, src, StringComparison.Ordinal));
        await Screenshots.Save(page, "home-manager");
        Assert.Empty(session.ScriptErrors);
    }
}
