using System.Globalization;
using System.Text.Json.Nodes;
using Rekindle.Web.Auth;
using static Microsoft.Playwright.Assertions;

namespace Rekindle.Browser.Tests;

/// <summary>A manager changes the policy in the editor, with a reason, and sees the new version in the log.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ManagerFlowTests(BrowserSite site)
{
    // An incentive parameter: the other browser tests' claims do not depend on it.
    private const string Parameter = "acceleratorDays";

    [BrowserFact]
    public async Task Policy_ManagerChangesAParameterWithAReason_SeesTheNewVersionInTheLogAndTheDiff()
    {
        await using var session = await site.SignedIn(Roles.Manager);
        var page = session.Page;
        await session.Visit("/policy");

        var versions = await page.Locator("[data-testid=policy-log] [data-testid=policy-version]").EvaluateAllAsync<int[]>(
            "rows => rows.map(r => Number(r.dataset.version))");
        var next = versions.DefaultIfEmpty(0).Max() + 1;
        var content = page.GetByTestId("policy-content");
        var policy = JsonNode.Parse(await content.InputValueAsync())!.AsObject();
        var before = policy[Parameter]?.GetValue<int>() ?? throw new InvalidOperationException($"the editor's policy has no {Parameter}");
        var after = before + 7;
        policy[Parameter] = after;
        var reason = $"Browser test: a longer accelerator window ({after} days) for the autumn push";

        await content.FillAsync(policy.ToJsonString(new() { WriteIndented = true }));
        await page.GetByTestId("policy-reason").FillAsync(reason);
        await page.GetByTestId("policy-save").ClickAsync();

        var logged = page.Locator($"[data-testid=policy-log] [data-testid=policy-version][data-version='{next}']");
        await Expect(logged).ToBeVisibleAsync();
        await Expect(logged.GetByTestId("policy-version-reason")).ToHaveTextAsync(reason);
        await Expect(logged).ToContainTextAsync(site.Server.Users[Roles.Manager].Email);
        await Expect(logged).ToContainTextAsync($"{Parameter}: {before} -> {after}");

        var diff = page.Locator($"[data-testid=policy-diff] [data-testid=policy-diff-row][data-key='{Parameter}']");
        await Expect(diff).ToContainTextAsync(before.ToString(CultureInfo.InvariantCulture));
        await Expect(diff).ToContainTextAsync(after.ToString(CultureInfo.InvariantCulture));
        var saved = JsonNode.Parse(await content.InputValueAsync())!.AsObject();
        Assert.Equal(after, saved[Parameter]!.GetValue<int>());
        await Screenshots.Save(page, "policy-saved-manager");
        Assert.Empty(session.ScriptErrors);
    }
}
