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
    public async Task Parallel_claims_of_one_account_grant_exactly_one()
    {
        var account = api.Pooled(1)[0];
        var reps = api.OtherReps().Skip(1).Take(4).ToList();
        using var manager = api.Web.WithToken(Roles.Manager);
        var claims = Enumerable.Range(0, 12).Select(i => manager.PostAsJsonAsync($"/api/pool/{account}/claim", new ClaimRequest(reps[i % reps.Count])));
        var responses = await Task.WhenAll(claims);

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        var pool = await manager.GetFromJsonAsync<List<PoolItem>>("/api/pool");
        Assert.DoesNotContain(pool!, p => p.AccountId == account);
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
