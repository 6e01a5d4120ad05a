using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Rekindle.Web.Api;
using Rekindle.Web.Auth;

namespace Rekindle.Web.Tests;

[Collection(ApiCollection.Name)]
public sealed class PoolApiTests(ApiServer api)
{
    [Fact]
    public async Task Pool_is_paged_and_sorted_as_asked()
    {
        api.Pooled(3, fromTheEnd: true);
        using var analyst = api.Web.WithToken(Roles.Analyst);
        var all = (await analyst.GetFromJsonAsync<PoolPage>("/api/pool?pageSize=500"))!;
        Assert.True(all.Total is > 4 and <= 500, $"{all.Total} pooled");
        Assert.Equal(all.Total, all.Items.Count);
        var first = (await analyst.GetFromJsonAsync<PoolPage>("/api/pool?pageSize=2"))!;
        var second = (await analyst.GetFromJsonAsync<PoolPage>("/api/pool?pageSize=2&page=2"))!;
        Assert.Equal((all.Total, 1, 2), (first.Total, first.Page, first.PageSize));
        Assert.Equal(all.Items.Take(4).Select(p => p.AccountId), first.Items.Concat(second.Items).Select(p => p.AccountId));
        var last = (await analyst.GetFromJsonAsync<PoolPage>($"/api/pool?pageSize=1&page={all.Total}"))!;
        Assert.Equal(all.Items[^1].AccountId, Assert.Single(last.Items).AccountId);
        Assert.Empty((await analyst.GetFromJsonAsync<PoolPage>($"/api/pool?pageSize=1&page={all.Total + 1}"))!.Items);
        Assert.Empty((await analyst.GetFromJsonAsync<PoolPage>($"/api/pool?pageSize=500&page={int.MaxValue}"))!.Items);

        var byValue = (await analyst.GetFromJsonAsync<PoolPage>("/api/pool?pageSize=500&sort=value"))!;
        Assert.Equal(all.Items.OrderByDescending(p => p.ValueAtStake).ThenBy(p => p.AccountId, StringComparer.Ordinal).Select(p => p.AccountId), byValue.Items.Select(p => p.AccountId));
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=501", "pageSize")]
    [InlineData("sort=colour", "sort")]
    public async Task Bad_pool_query_is_a_validation_problem_naming_the_parameter(string query, string parameter)
    {
        using var analyst = api.Web.WithToken(Roles.Analyst);
        var response = await analyst.GetAsync("/api/pool?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"\"{parameter}\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pool_page_disables_claims_with_the_reason_once_the_rep_reaches_the_daily_limit()
    {
        var claimer = api.OtherReps()[^2];
        var (email, password) = api.Web.NewUser(Roles.Rep, claimer);
        using var rep = await api.Web.SignedIn(email, password);
        using var manager = api.Web.WithToken(Roles.Manager);
        int madeToday;
        using (var db = api.Open())
        {
            madeToday = db.PoolClaims.Count(c => c.RepId == claimer && c.ClaimedOn == WebServer.Today);
        }

        var limit = Rekindle.Policies.Policy.DefaultMaxClaimsPerRepPerDay;
        for (var i = madeToday; i < limit - 1; i++)
        {
            var claim = await manager.PostAsJsonAsync($"/api/pool/{api.Pooled(1, fromTheEnd: true, except: claimer)[0]}/claim", new ClaimRequest(claimer));
            Assert.Equal(HttpStatusCode.OK, claim.StatusCode);
        }

        var before = await rep.GetStringAsync("/pool");
        Assert.Null(PageFacts.Text(before, "claim-blocked"));
        Assert.DoesNotContain(" disabled ", before, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsJsonAsync($"/api/pool/{api.Pooled(1, fromTheEnd: true, except: claimer)[0]}/claim", new ClaimRequest(claimer))).StatusCode);
        var after = await rep.GetStringAsync("/pool");
        Assert.Equal($"You made {limit} claims today, the daily limit of {limit}: claim again tomorrow.", PageFacts.Text(after, "claim-blocked"));
        var buttons = System.Text.RegularExpressions.Regex.Matches(after, "<button[^>]*data-testid=\"claim\"[^>]*>").Select(m => m.Value).ToList();
        Assert.NotEmpty(buttons);
        Assert.All(buttons, b => Assert.Contains(" disabled ", b, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pool_page_shows_fifty_rows_a_page_in_the_api_order()
    {
        var manager = await api.Web.SignedIn(Roles.Manager);
        using var token = api.Web.WithToken(Roles.Manager);
        var all = (await token.GetFromJsonAsync<PoolPage>("/api/pool?pageSize=500&sort=value"))!;
        var pages = (all.Total + Pages.Pool.IndexModel.PageSize - 1) / Pages.Pool.IndexModel.PageSize;
        var shown = new List<string>();
        for (var page = 1; page <= pages; page++)
        {
            var html = await manager.GetStringAsync($"/pool?sort=value&page={page}");
            var rows = PageFacts.Attributes(html, "pool-row", "data-account");
            Assert.True(rows.Count <= Pages.Pool.IndexModel.PageSize);
            Assert.Equal(page < pages, html.Contains("data-testid=\"next-page\"", StringComparison.Ordinal));
            shown.AddRange(rows);
        }

        Assert.Equal(all.Items.Select(p => p.AccountId), shown);
    }

    [Fact]
    public async Task Parallel_claims_of_one_account_grant_exactly_one()
    {
        var account = api.Pooled(1)[0];
        var reps = api.OtherReps().Skip(1).Take(4).ToList();
        using var manager = api.Web.WithToken(Roles.Manager);
        var claims = Enumerable.Range(0, 12).Select(i => manager.PostAsJsonAsync($"/api/pool/{account}/claim", new ClaimRequest(reps[i % reps.Count])));
        var responses = await Task.WhenAll(claims);

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        var pool = await manager.GetFromJsonAsync<PoolPage>("/api/pool?pageSize=500");
        Assert.DoesNotContain(pool!.Items, p => p.AccountId == account);
    }

    [Fact]
    public async Task Rep_claims_for_themselves_and_sees_the_handoff_note_and_contacts()
    {
        var account = api.Pooled(1)[0];
        using var rep = api.Web.WithToken(Roles.Rep);
        var response = await rep.PostAsJsonAsync($"/api/pool/{account}/claim", new ClaimRequest());
        var claim = await response.Content.ReadFromJsonAsync<ClaimResponse>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(api.Web.RepId, claim!.RepId);
        Assert.Equal(WebServer.Today, claim.ClaimedOn);
        Assert.NotNull(claim.PreviousOwner);
        var page = await rep.GetFromJsonAsync<AccountResponse>($"/api/accounts/{account}");
        Assert.Equal(api.Web.RepId, page!.Owner);
    }

    [Fact]
    public async Task Refusal_is_409_with_the_rule_code_and_the_reason_in_words()
    {
        var owned = api.TakeOwned(api.OtherReps()[0], 1)[0];
        using var rep = api.Web.WithToken(Roles.Rep);
        var response = await rep.PostAsJsonAsync($"/api/pool/{owned}/claim", new ClaimRequest());

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("account_not_in_pool", problem.RootElement.GetProperty("code").GetString());
        Assert.Contains($"{owned} is not in the pool", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sixth_claim_of_a_day_is_refused_by_the_daily_limit()
    {
        var accounts = api.Pooled(6);
        var rep = api.OtherReps()[^1];
        using var manager = api.Web.WithToken(Roles.Manager);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await manager.PostAsJsonAsync($"/api/pool/{accounts[i]}/claim", new ClaimRequest(rep))).StatusCode);
        }

        var sixth = await manager.PostAsJsonAsync($"/api/pool/{accounts[5]}/claim", new ClaimRequest(rep));
        Assert.Equal(HttpStatusCode.Conflict, sixth.StatusCode);
        Assert.Contains("daily_claim_limit", await sixth.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rep_may_not_act_for_another_rep_and_a_manager_must_name_one()
    {
        var account = api.Pooled(1)[0];
        using var rep = api.Web.WithToken(Roles.Rep);
        using var manager = api.Web.WithToken(Roles.Manager);
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.PostAsJsonAsync($"/api/pool/{account}/claim", new ClaimRequest(api.OtherReps()[0]))).StatusCode);
        var unnamed = await manager.PostAsJsonAsync($"/api/pool/{account}/claim", new ClaimRequest());
        Assert.Equal(HttpStatusCode.BadRequest, unnamed.StatusCode);
        Assert.Contains("repId", await unnamed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await rep.PostAsJsonAsync("/api/pool/NO-SUCH-ACCOUNT/claim", new ClaimRequest())).StatusCode);
    }

    [Fact]
    public async Task Release_then_note_by_the_previous_owner_is_what_the_next_claimer_reads()
    {
        var account = api.TakeOwned(api.Web.RepId, 1)[0];
        using var rep = api.Web.WithToken(Roles.Rep);
        var released = await rep.PostAsJsonAsync($"/api/pool/{account}/release", new ReleaseRequest("moving to key accounts"));
        Assert.Equal(HttpStatusCode.OK, released.StatusCode);
        Assert.Equal("early_release", (await released.Content.ReadFromJsonAsync<ReleaseResponse>())!.Reason);

        var incomplete = await rep.PostAsJsonAsync($"/api/pool/{account}/notes", new NoteRequest("Ana decides", "", "", null));
        Assert.Equal(HttpStatusCode.Conflict, incomplete.StatusCode);
        Assert.Contains("policies, politics", await incomplete.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, (await rep.PostAsJsonAsync($"/api/pool/{account}/notes", new NoteRequest("Ana decides", "annual tender", "finance vetoes", "call in May"))).StatusCode);

        using var manager = api.Web.WithToken(Roles.Manager);
        var claimer = api.OtherReps()[1];
        var claim = await (await manager.PostAsJsonAsync($"/api/pool/{account}/claim", new ClaimRequest(claimer))).Content.ReadFromJsonAsync<ClaimResponse>();
        Assert.Equal("annual tender", claim!.Note!.Policies);
        Assert.Equal(api.Web.RepId, claim.Note.Author);
        Assert.Single(await manager.GetFromJsonAsync<List<HandoffNoteItem>>($"/api/pool/{account}/notes") ?? []);
    }

    [Fact]
    public async Task Rep_releasing_an_account_they_do_not_own_is_refused()
    {
        var other = api.TakeOwned(api.OtherReps()[0], 1)[0];
        using var rep = api.Web.WithToken(Roles.Rep);
        var response = await rep.PostAsJsonAsync($"/api/pool/{other}/release", new ReleaseRequest("not mine"));
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("not_owner", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
