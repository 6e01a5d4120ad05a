using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Rekindle.Web.Api;
using Rekindle.Web.Auth;

namespace Rekindle.Web.Tests;

[Collection(ApiCollection.Name)]
public sealed class PolicyApiTests(ApiServer api)
{
    [Fact]
    public async Task Invalid_policy_is_400_listing_every_problem_under_its_key_and_nothing_is_stored()
    {
        using var manager = api.Web.WithToken(Roles.Manager);
        var before = await manager.GetFromJsonAsync<List<PolicyVersionItem>>("/api/policy/versions");
        var response = await manager.PutAsJsonAsync("/api/policy", new { policy = new { dormantAfterDays = -3, maxClaimsPerRepPerDya = 2 }, reason = "" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = problem.RootElement.GetProperty("errors");
        Assert.Equal(["dormantAfterDays", "maxClaimsPerRepPerDya", "reason"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Contains("did you mean maxClaimsPerRepPerDay", errors.GetProperty("maxClaimsPerRepPerDya")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before!.Count, (await manager.GetFromJsonAsync<List<PolicyVersionItem>>("/api/policy/versions"))!.Count);
    }

    [Fact]
    public async Task Manager_sets_a_policy_with_a_reason_and_the_version_log_shows_the_change()
    {
        using var manager = api.Web.WithToken(Roles.Manager);
        var current = await manager.GetFromJsonAsync<PolicyResponse>("/api/policy");
        var old = current!.Parameters.Single(p => p.Key == "claimExpiryDays").Value;
        var changed = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(current.Content)!;
        var next = int.Parse(old, System.Globalization.CultureInfo.InvariantCulture) + 1;
        changed["claimExpiryDays"] = JsonSerializer.SerializeToElement(next);

        var set = await manager.PutAsJsonAsync("/api/policy", new { policy = changed, reason = "claims need a day more" });
        var stored = await set.Content.ReadFromJsonAsync<SetPolicyResponse>();
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.True(stored!.Stored);
        Assert.Equal(new PolicyChangeItem("claimExpiryDays", old, next.ToString(System.Globalization.CultureInfo.InvariantCulture)), Assert.Single(stored.Version.Changes));
        Assert.Equal(api.Web.Users[Roles.Manager].Email, stored.Version.SetBy);

        var log = await manager.GetFromJsonAsync<List<PolicyVersionItem>>("/api/policy/versions");
        Assert.Equal(JsonSerializer.Serialize(stored.Version), JsonSerializer.Serialize(log![0]));
        var same = await (await manager.PutAsJsonAsync("/api/policy", new { policy = changed, reason = "again" })).Content.ReadFromJsonAsync<SetPolicyResponse>();
        Assert.False(same!.Stored);

        // Put it back, so the other tests of this server keep the policy they started with.
        Assert.Equal(HttpStatusCode.OK, (await manager.PutAsJsonAsync("/api/policy", new { policy = current.Content, reason = "back to what it was" })).StatusCode);
    }
}
