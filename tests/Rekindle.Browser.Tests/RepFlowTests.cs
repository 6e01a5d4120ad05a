using System.Net.Http.Json;
using Rekindle.Web.Api;
using Rekindle.Web.Auth;
using static Microsoft.Playwright.Assertions;

namespace Rekindle.Browser.Tests;

/// <summary>A rep's day in the browser: their own accounts only, a claim from the pool with one click, the handoff note.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RepFlowTests(BrowserSite site)
{
    [BrowserFact]
    public async Task Accounts_Rep_ListsOnlyTheirOwnAccountsTheSameAsTheApi()
    {
        using var api = site.Server.WithToken(Roles.Rep);
        var own = await api.GetFromJsonAsync<AccountPage>("/api/accounts?pageSize=500");
        Assert.NotNull(own);
        Assert.NotEmpty(own.Items);

        await using var session = await site.SignedIn(Roles.Rep);
        var page = session.Page;
        await session.Visit("/accounts");
        var seen = new List<string>();
        while (true)
        {
            var rows = page.GetByTestId("account-row");
            await Expect(rows.First).ToBeVisibleAsync();
            var owners = await page.GetByTestId("owner").AllInnerTextsAsync();
            Assert.All(owners, owner => Assert.Equal(site.Server.RepId, owner.Trim()));
            foreach (var row in await rows.AllAsync())
            {
                seen.Add((await row.GetAttributeAsync("data-account"))!);
            }

            var next = page.GetByTestId("next-page");
            if (await next.CountAsync() == 0)
            {
                break;
            }

            await next.ClickAsync();
            await page.WaitForLoadStateAsync();
        }

        Assert.Equal(own.Total, seen.Count);
        Assert.Equal(own.Items.Select(a => a.AccountId).Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
        Assert.Empty(session.ScriptErrors);
    }

    [BrowserFact]
    public async Task Pool_RepClaimsWithOneClick_LandsOnTheAccountAndReadsTheHandoffNote()
    {
        var note = site.PooledWithNotes[0];
        await using var session = await site.SignedIn(Roles.Rep);
        var page = session.Page;
        await session.Visit("/pool");
        var row = page.Locator($"[data-testid=pool-row][data-account='{note.AccountId}']");
        await row.GetByTestId("claim").ClickAsync();

        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/accounts/{note.AccountId}");
        Assert.Contains("claimed=1", page.Url, StringComparison.Ordinal);
        var shown = page.GetByTestId("handoff-note");
        await Expect(shown).ToHaveCountAsync(1);
        await Expect(shown).ToContainTextAsync(note.Players);
        await Expect(shown).ToContainTextAsync(note.Policies);
        await Expect(shown).ToContainTextAsync(note.Politics);
        await Expect(shown).ToContainTextAsync(note.AuthorRepId);
        await Screenshots.Save(page, "account-claimed-rep");

        using var api = site.Server.WithToken(Roles.Rep);
        var own = await api.GetFromJsonAsync<AccountPage>($"/api/accounts?q={note.AccountId}");
        Assert.Equal(site.Server.RepId, Assert.Single(own!.Items).Owner);

        await session.Visit("/pool");
        await Expect(page.Locator($"[data-testid=pool-row][data-account='{note.AccountId}']")).ToHaveCountAsync(0);
        Assert.Empty(session.ScriptErrors);
    }

    [BrowserFact]
    public async Task Pool_AccountClaimedByAColleagueMeanwhile_ShowsTheRefusalInWords()
    {
        var note = site.PooledWithNotes[1];
        await using var session = await site.SignedIn(Roles.Rep);
        var page = session.Page;
        await session.Visit("/pool");
        var claim = page.Locator($"[data-testid=pool-row][data-account='{note.AccountId}']").GetByTestId("claim");
        await Expect(claim).ToBeVisibleAsync();

        var colleague = site.ClaimByAnotherRep(note.AccountId);
        await claim.ClickAsync();

        var refusal = page.GetByTestId("refusal");
        await Expect(refusal).ToBeVisibleAsync();
        await Expect(refusal).ToContainTextAsync(note.AccountId);
        await Expect(refusal).ToContainTextAsync($"was claimed by {colleague}");
        Assert.Equal("/pool", new Uri(page.Url).AbsolutePath);
        await Screenshots.Save(page, "pool-refusal-rep");
    }
}
