using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Rekindle.App.Pool;
using Rekindle.Web.Api;
using Rekindle.Web.Auth;

namespace Rekindle.Web.Tests;

/// <summary>/api/reps: the colleague directory, and reps added and deactivated by managers through the CLI's own code.</summary>
[Collection(ApiCollection.Name)]
public sealed class RepsApiTests(ApiServer api)
{
    [Fact]
    public async Task Manager_adds_a_rep_who_is_listed_and_audited_and_the_same_id_again_is_409()
    {
        using var manager = api.Web.WithToken(Roles.Manager);
        var added = await manager.PostAsJsonAsync("/api/reps", new AddRepRequest(" ZZ-ADDED ", "Ada Added", "ada@example.com", 0.04m, Active: false));

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal("/api/reps/ZZ-ADDED", added.Headers.Location!.OriginalString);
        var expected = new RepItem("ZZ-ADDED", "Ada Added", "ada@example.com", 0.04m, false);
        Assert.Equal(expected, await added.Content.ReadFromJsonAsync<RepItem>());
        Assert.Contains(expected, (await manager.GetFromJsonAsync<List<RepItem>>("/api/reps"))!);
        using (var db = api.Open())
        {
            var audit = Assert.Single(db.AuditLog.Where(a => a.Action == "rep.add" && a.EntityId == "ZZ-ADDED"));
            Assert.Equal(api.Web.Users[Roles.Manager].Email, audit.Actor);
        }

        var again = await manager.PostAsJsonAsync("/api/reps", new AddRepRequest("ZZ-ADDED", "Someone Else"));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType!.MediaType);
        Assert.Contains("rep ZZ-ADDED already exists", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "Empty Id", 0.1, "repId")]
    [InlineData("   ", "Blank Id", 0.1, "repId")]
    [InlineData("ZZ-RATE-HIGH", "Rate High", 1.5, "commissionRate")]
    [InlineData("ZZ-RATE-LOW", "Rate Low", -0.01, "commissionRate")]
    [InlineData("ZZ-NO-NAME", "", 0.1, "name")]
    public async Task Bad_rep_is_400_naming_the_field_and_nothing_is_added(string repId, string name, double rate, string field)
    {
        using var manager = api.Web.WithToken(Roles.Manager);
        var response = await manager.PostAsJsonAsync("/api/reps", new AddRepRequest(repId, name, null, (decimal)rate));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal([field], problem.RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        using var db = api.Open();
        Assert.False(db.Reps.Any(r => r.Name == name && name != ""));
    }

    [Fact]
    public async Task Rep_id_longer_than_100_characters_is_400_naming_repId()
    {
        using var manager = api.Web.WithToken(Roles.Manager);
        var response = await manager.PostAsJsonAsync("/api/reps", new AddRepRequest(new string('R', 101), "Long Id"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("at most 100", problem.RootElement.GetProperty("errors").GetProperty("repId")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rep_reads_every_rep_with_emails_but_only_their_own_commission_rate()
    {
        using var rep = api.Web.WithToken(Roles.Rep);
        using var manager = api.Web.WithToken(Roles.Manager);
        var seen = (await rep.GetFromJsonAsync<List<RepItem>>("/api/reps"))!;
        var all = (await manager.GetFromJsonAsync<List<RepItem>>("/api/reps"))!;

        Assert.Equal(all.Select(r => (r.RepId, r.Email)), seen.Select(r => (r.RepId, r.Email)));
        Assert.All(all, r => Assert.NotNull(r.CommissionRate));
        Assert.Equal([api.Web.RepId], seen.Where(r => r.CommissionRate is not null).Select(r => r.RepId));
    }

    [Fact]
    public async Task Deactivate_releases_the_reps_accounts_to_the_pool_and_an_unknown_rep_is_404()
    {
        // Pooled first: it reads the other active reps once for the whole server, before this short-lived one exists. Not
        // from the first other rep: the access matrix hands out that rep's accounts to the last one.
        var account = api.Pooled(1, except: api.OtherReps()[0])[0];
        using var manager = api.Web.WithToken(Roles.Manager);
        Assert.Equal(HttpStatusCode.Created, (await manager.PostAsJsonAsync("/api/reps", new AddRepRequest("ZZ-DEPARTING", "Dee Parting"))).StatusCode);
        using (var db = api.Open())
        {
            Assert.True(new PoolActions(db, api.Web.Clock).Claim(account, "ZZ-DEPARTING", WebServer.Today).Granted);
        }

        var response = await manager.PostAsync("/api/reps/ZZ-DEPARTING/deactivate", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<DeactivateRepResponse>())!;
        Assert.Equal(("ZZ-DEPARTING", RepsApi.ToPool), (body.RepId, body.MovedTo));
        Assert.Equal([account], body.Accounts);
        using (var db = api.Open())
        {
            Assert.Null(db.Accounts.Single(a => a.AccountId == account).OwnerRepId);
            Assert.False(db.Reps.Single(r => r.RepId == "ZZ-DEPARTING").Active);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await manager.PostAsync("/api/reps/NOBODY/deactivate", null)).StatusCode);
    }

    [Fact]
    public async Task Cookie_add_rep_without_the_antiforgery_token_is_refused_and_with_it_created()
    {
        var manager = await api.Web.SignedIn(Roles.Manager);
        var without = await manager.PostAsJsonAsync("/api/reps", new AddRepRequest("ZZ-COOKIE", "Cookie Rep", Active: false));
        Assert.Equal(HttpStatusCode.BadRequest, without.StatusCode);
        using (var db = api.Open())
        {
            Assert.False(db.Reps.Any(r => r.RepId == "ZZ-COOKIE"));
        }

        var request = new HttpRequestMessage(HttpMethod.Post, "/api/reps") { Content = JsonContent.Create(new AddRepRequest("ZZ-COOKIE", "Cookie Rep", Active: false)) };
        request.Headers.Add(CrossSiteGuard.HeaderName, WebServer.AntiforgeryToken(await manager.GetStringAsync("/")));
        Assert.Equal(HttpStatusCode.Created, (await manager.SendAsync(request)).StatusCode);
    }
}
