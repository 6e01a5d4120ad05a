using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Rekindle.Web.Api;
using Rekindle.Web.Auth;

namespace Rekindle.Web.Tests;

/// <summary>
/// The OpenAPI document lists every status a route returns. The test walks the document's operations: each answers
/// an anonymous caller 401, and the requests below make each route give its refusals (400, 403, 404, 409) for real;
/// each status seen must be in the document for that operation. Every operation must appear in the table, so a new
/// route gets its rows.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class OpenApiResponsesTests(ApiServer api)
{
    /// <summary>(method, template, path, role, JSON body or null, status the request gets).</summary>
    private IEnumerable<(string Method, string Template, string Path, string Role, object? Body, int Status)> Refusals()
    {
        var other = api.OtherReps()[0];
        var rep = api.Web.RepId;
        var owned = api.TakeOwned(other, 1)[0];
        var campaign = api.Campaign();
        return
        [
            ("get", "/api/me", "/api/me", Roles.Manager, null, 200),
            ("get", "/api/me/tokens", "/api/me/tokens", Roles.Manager, null, 200),
            ("post", "/api/me/tokens", "/api/me/tokens", Roles.Manager, new NewTokenRequest(""), 400),
            ("delete", "/api/me/tokens/{id}", "/api/me/tokens/999999", Roles.Manager, null, 404),
            ("get", "/api/accounts", "/api/accounts?page=0", Roles.Manager, null, 400),
            ("get", "/api/accounts/{id}", "/api/accounts/NO-SUCH", Roles.Manager, null, 404),
            ("get", "/api/accounts/{id}", "/api/accounts/" + owned, Roles.Rep, null, 403),
            ("get", "/api/accounts/{id}", "/api/accounts/" + owned + "?asOf=June", Roles.Manager, null, 400),
            ("get", "/api/classification/summary", "/api/classification/summary?asOf=1990-01-01", Roles.Manager, null, 404),
            ("get", "/api/classification/transitions", "/api/classification/transitions?to=1990-01-01", Roles.Manager, null, 404),
            ("get", "/api/classification/transitions", "/api/classification/transitions?from=2026-07-01&to=2026-06-01", Roles.Manager, null, 400),
            ("get", "/api/segments", "/api/segments?page=0", Roles.Manager, null, 400),
            ("get", "/api/campaigns", "/api/campaigns", Roles.Rep, null, 403),
            ("post", "/api/campaigns", "/api/campaigns", Roles.Analyst, new PlanCampaignRequest(campaign), 409),
            ("get", "/api/campaigns/{name}", "/api/campaigns/no-such", Roles.Analyst, null, 404),
            ("get", "/api/campaigns/{name}/results", "/api/campaigns/no-such/results", Roles.Analyst, null, 404),
            ("post", "/api/campaigns/{name}/results", "/api/campaigns/no-such/results", Roles.Analyst, null, 404),
            ("get", "/api/pool", "/api/pool?pageSize=0", Roles.Manager, null, 400),
            ("post", "/api/pool/{accountId}/claim", "/api/pool/NO-SUCH/claim", Roles.Rep, new ClaimRequest(), 404),
            ("post", "/api/pool/{accountId}/claim", $"/api/pool/{owned}/claim", Roles.Rep, new ClaimRequest(), 409),
            ("post", "/api/pool/{accountId}/claim", $"/api/pool/{owned}/claim", Roles.Analyst, new ClaimRequest(), 403),
            ("post", "/api/pool/{accountId}/release", "/api/pool/NO-SUCH/release", Roles.Manager, new ReleaseRequest("why", other), 404),
            ("post", "/api/pool/{accountId}/release", $"/api/pool/{owned}/release", Roles.Manager, new ReleaseRequest(""), 400),
            ("post", "/api/pool/{accountId}/release", $"/api/pool/{owned}/release", Roles.Manager, new ReleaseRequest("why", rep), 409),
            ("get", "/api/pool/{accountId}/notes", "/api/pool/NO-SUCH/notes", Roles.Manager, null, 404),
            ("post", "/api/pool/{accountId}/notes", "/api/pool/NO-SUCH/notes", Roles.Manager, new NoteRequest("a", "b", "c", null, other), 404),
            ("post", "/api/pool/{accountId}/notes", $"/api/pool/{owned}/notes", Roles.Manager, new NoteRequest("", "", "", null, other), 409),
            ("post", "/api/pool/{accountId}/notes", $"/api/pool/{owned}/notes", Roles.Manager, new NoteRequest("a", "b", "c", null, rep), 409),
            ("get", "/api/reps", "/api/reps", Roles.Rep, null, 200),
            ("post", "/api/reps", "/api/reps", Roles.Analyst, new AddRepRequest("ZZ-OPENAPI", "Open Api"), 403),
            ("post", "/api/reps", "/api/reps", Roles.Manager, new AddRepRequest("ZZ-OPENAPI", "Open Api", CommissionRate: 2m), 400),
            ("post", "/api/reps", "/api/reps", Roles.Manager, new AddRepRequest(rep, "Taken"), 409),
            ("post", "/api/reps/{repId}/deactivate", "/api/reps/NOBODY/deactivate", Roles.Manager, null, 404),
            ("post", "/api/reps/{repId}/deactivate", $"/api/reps/{other}/deactivate", Roles.Manager, new DeactivateRepRequest(other), 409),
            ("post", "/api/reps/{repId}/deactivate", $"/api/reps/{other}/deactivate", Roles.Analyst, null, 403),
            ("get", "/api/statements/{repId}", "/api/statements/NOBODY", Roles.Manager, null, 404),
            ("get", "/api/statements/{repId}", $"/api/statements/{other}", Roles.Rep, null, 403),
            ("get", "/api/statements/{repId}", $"/api/statements/{rep}?period=9999-12", Roles.Manager, null, 400),
            ("get", "/api/policy", "/api/policy", Roles.Rep, null, 200),
            ("get", "/api/policy/versions", "/api/policy/versions", Roles.Rep, null, 200),
            ("put", "/api/policy", "/api/policy", Roles.Analyst, new { policy = new { }, reason = "no" }, 403),
            ("put", "/api/policy", "/api/policy", Roles.Manager, new { policy = new { dormantAfterDays = -1 }, reason = "no" }, 400),
            ("post", "/api/import", "/api/import", Roles.Rep, null, 403),
            ("post", "/api/import", "/api/import", Roles.Manager, "bad", 400),
            ("get", "/api/import/jobs/{id}", "/api/import/jobs/nosuchjob", Roles.Manager, null, 404),
            ("get", "/api/import/jobs/{id}", "/api/import/jobs/nosuchjob", Roles.Rep, null, 403),
            ("get", "/api/jobs", "/api/jobs", Roles.Rep, null, 200),
            ("post", "/api/jobs/nightly/run", "/api/jobs/nightly/run", Roles.Analyst, null, 403),
        ];
    }

    [Fact]
    public async Task Every_status_a_route_returns_is_in_the_document()
    {
        var documented = await Documented();
        var rows = Refusals().ToList();
        Assert.Empty(documented.Keys.Where(op => !rows.Any(r => (r.Method, r.Template) == op)).Select(op => $"{op.Method} {op.Template} has no row"));
        var missing = new List<string>();
        foreach (var (method, template, path, role, body, status) in rows)
        {
            Assert.True(documented.ContainsKey((method, template)), $"{method} {template} is not in the document");
            using var client = api.Web.WithToken(role);
            var response = await client.SendAsync(Request(method, path, body));
            Assert.True(status == (int)response.StatusCode, $"{method} {path} as {role}: expected {status}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            if (!documented[(method, template)].Contains(status))
            {
                missing.Add($"{method} {template} returns {status}");
            }
        }

        foreach (var (method, template) in documented.Keys)
        {
            using var anonymous = api.Web.Anonymous();
            var response = await anonymous.SendAsync(Request(method, template.Replace("{id}", "1", StringComparison.Ordinal).Replace("{", "X", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal), null));
            Assert.Equal(401, (int)response.StatusCode);
            if (!documented[(method, template)].Contains(401))
            {
                missing.Add($"{method} {template} returns 401");
            }
        }

        Assert.Empty(missing);
    }

    private async Task<Dictionary<(string Method, string Template), HashSet<int>>> Documented()
    {
        using var client = api.Web.Anonymous();
        using var doc = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        return doc.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Where(o => o.Value.ValueKind == JsonValueKind.Object && o.Value.TryGetProperty("responses", out _))
                .Select(o => (Key: (o.Name, p.Name), Codes: o.Value.GetProperty("responses").EnumerateObject().Select(r => int.Parse(r.Name, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet())))
            .ToDictionary(x => x.Key, x => x.Codes);
    }

    private static HttpRequestMessage Request(string method, string path, object? body) => new(new HttpMethod(method.ToUpperInvariant()), path)
    {
        Content = body switch
        {
            null => null,
            "bad" => new MultipartFormDataContent { { new StringContent("account_id,name\nX,Y\n", Encoding.UTF8), "files", "accounts.csv" } },
            _ => JsonContent.Create(body),
        },
    };
}
