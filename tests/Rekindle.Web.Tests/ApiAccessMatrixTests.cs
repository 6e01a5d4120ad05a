using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Rekindle.App.Workspace;
using Rekindle.Storage;
using Rekindle.Web.Api;
using Rekindle.Web.Auth;

namespace Rekindle.Web.Tests;

/// <summary>
/// Every API endpoint for every role and anonymous: the designed success code where the role may, 403 where it may
/// not (for a write, even with a valid body), 401 without credentials. Runs on its own server (the "api"
/// collection), so the writes it makes never disturb other tests; each write gets accounts no other test uses.
/// Adding an API endpoint means adding its row here.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ApiAccessMatrixTests(ApiServer api)
{
    private const string Anonymous = "anonymous";
    private static readonly string[] Everyone = [Roles.Manager, Roles.Rep, Roles.Analyst];
    private static readonly string[] Analysts = [Roles.Manager, Roles.Analyst];
    private static readonly string[] PoolWorkers = [Roles.Manager, Roles.Rep];
    private static readonly string[] Managers = [Roles.Manager];

    /// <summary>
    /// GET routes with placeholders: {own} an account of the rep user, {other} an account of another rep, {rep} the rep
    /// user's id, {otherRep} another rep's id, {campaign} a planned campaign.
    /// </summary>
    public static TheoryData<string, string, int> Reads() => Matrix(
    [
        ("/api/me", Everyone),
        ("/api/me/tokens", Everyone),
        ("/api/accounts", Everyone),
        ("/api/accounts?segment=status%3Ddormant", Everyone),
        ("/api/accounts/{own}", Everyone),
        ("/api/accounts/{other}", Analysts),
        ("/api/classification/summary", Everyone),
        ("/api/classification/transitions", Everyone),
        ("/api/segments", Everyone),
        ("/api/campaigns", Analysts),
        ("/api/campaigns/{campaign}", Analysts),
        ("/api/campaigns/{campaign}/results", Analysts),
        ("/api/pool", Everyone),
        ("/api/pool/{own}/notes", Everyone),
        ("/api/reps", Everyone),
        ("/api/statements/{rep}", Everyone),
        ("/api/statements/{otherRep}", Analysts),
        ("/api/policy", Everyone),
        ("/api/policy/versions", Everyone),
    ], 200);

    /// <summary>Writes by name; <see cref="Write"/> builds a valid request for each (role, name).</summary>
    public static TheoryData<string, string, int> Writes()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var (name, allowed, success) in new (string, string[], int)[]
                 {
                     ("issue token", Everyone, 201),
                     ("revoke token", Everyone, 204),
                     ("plan campaign", Analysts, 201),
                     ("record campaign results", Analysts, 200),
                     ("claim", PoolWorkers, 200),
                     ("release", PoolWorkers, 200),
                     ("write note", PoolWorkers, 201),
                     ("add rep", Managers, 201),
                     ("deactivate rep", Managers, 200),
                     ("set policy", Managers, 200),
                     ("import", Analysts, 200),
                 })
        {
            foreach (var row in Matrix([(name, allowed)], success))
            {
                data.Add((string)row[0], (string)row[1], (int)row[2]);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task Get_answers_the_designed_status(string route, string role, int expected)
    {
        using var client = Client(role);
        var response = await client.GetAsync(Resolve(route));
        Assert.True(expected == (int)response.StatusCode, $"{role} GET {route}: expected {expected}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task Write_answers_the_designed_status_even_with_a_valid_body(string write, string role, int expected)
    {
        using var client = Client(role);
        using var request = await Write(write, role);
        var response = await client.SendAsync(request);
        Assert.True(expected == (int)response.StatusCode, $"{role} {write}: expected {expected}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task OpenApi_document_declares_the_bearer_scheme_and_every_operation_has_a_summary_and_tag()
    {
        using var client = api.Web.Anonymous();
        using var doc = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var scheme = doc.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty(BearerSecurityScheme.Name);
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        var operations = doc.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => (Path: p.Name, Method: o.Name, Op: o.Value))).ToList();
        Assert.Contains(operations, o => o.Path == "/api/import" && o.Method == "post");
        Assert.All(operations, o =>
        {
            Assert.True(o.Op.TryGetProperty("summary", out var s) && s.GetString()!.Length > 0, $"{o.Method} {o.Path} has no summary");
            Assert.True(o.Op.TryGetProperty("tags", out var t) && t.GetArrayLength() > 0, $"{o.Method} {o.Path} has no tag");
        });
    }

    private static TheoryData<string, string, int> Matrix((string Route, string[] Allowed)[] rows, int success)
    {
        var data = new TheoryData<string, string, int>();
        foreach (var (route, allowed) in rows)
        {
            foreach (var role in Everyone)
            {
                data.Add(route, role, allowed.Contains(role) ? success : 403);
            }

            data.Add(route, Anonymous, 401);
        }

        return data;
    }

    private HttpClient Client(string role) => role == Anonymous ? api.Web.Anonymous() : api.Web.WithToken(role);

    private string Resolve(string route)
    {
        if (!route.Contains('{', StringComparison.Ordinal))
        {
            return route;
        }

        var rep = api.Web.RepId;
        var other = api.OtherReps()[0];
        return route
            .Replace("{own}", Fixed(rep), StringComparison.Ordinal)
            .Replace("{other}", Fixed(other), StringComparison.Ordinal)
            .Replace("{otherRep}", other, StringComparison.Ordinal)
            .Replace("{rep}", rep, StringComparison.Ordinal)
            .Replace("{campaign}", route.Contains("{campaign}", StringComparison.Ordinal) ? api.Campaign() : "", StringComparison.Ordinal);
    }

    /// <summary>The same account of the rep for every read (reads change nothing, so sharing it is safe).</summary>
    private string Fixed(string repId)
    {
        using var db = api.Open();
        return db.Accounts.Where(a => a.OwnerRepId == repId).Select(a => a.AccountId).AsEnumerable().Order(StringComparer.Ordinal).Last();
    }

    /// <summary>A valid request for the write, for a role that may make it; the same request for a role that may not.</summary>
    private async Task<HttpRequestMessage> Write(string write, string role)
    {
        var others = api.OtherReps();
        var forRep = others[Array.IndexOf(Everyone, role) + 1];
        switch (write)
        {
            case "issue token":
                return Json(HttpMethod.Post, "/api/me/tokens", new NewTokenRequest("matrix"));
            case "revoke token":
                if (role == Anonymous)
                {
                    return new HttpRequestMessage(HttpMethod.Delete, "/api/me/tokens/1");
                }

                using (var owner = api.Web.WithToken(role))
                {
                    var issued = await (await owner.PostAsJsonAsync("/api/me/tokens", new NewTokenRequest("to revoke"))).Content.ReadFromJsonAsync<NewTokenResponse>();
                    return new HttpRequestMessage(HttpMethod.Delete, $"/api/me/tokens/{issued!.Token.Id}");
                }

            case "plan campaign":
                return Json(HttpMethod.Post, "/api/campaigns", new PlanCampaignRequest($"matrix-{role}", Segments: ["status=inactive|passive"]));
            case "record campaign results":
                return new HttpRequestMessage(HttpMethod.Post, $"/api/campaigns/{api.Campaign()}/results");
            case "claim":
                var pooled = api.Pooled(1, except: forRep)[0];
                return Json(HttpMethod.Post, $"/api/pool/{pooled}/claim", role == Roles.Rep ? new ClaimRequest() : new ClaimRequest(forRep));
            case "release":
                var owned = role == Roles.Rep ? api.TakeOwned(api.Web.RepId, 1)[0] : api.TakeOwned(forRep, 1)[0];
                return Json(HttpMethod.Post, $"/api/pool/{owned}/release", new ReleaseRequest("moving to a new territory"));
            case "write note":
                var author = role == Roles.Rep ? api.Web.RepId : forRep;
                var account = api.TakeOwned(author, 1)[0];
                return Json(HttpMethod.Post, $"/api/pool/{account}/notes",
                    new NoteRequest("Ana decides", "annual tender", "finance vetoes", null, role == Roles.Rep ? null : author));
            case "add rep":
                // Added inactive (and sorting after the fill's reps), so no other test is handed it as an active rep.
                return Json(HttpMethod.Post, "/api/reps", new AddRepRequest($"ZZ-MATRIX-{role}", "Matrix Rep", "matrix@example.com", 0.05m, Active: false));
            case "deactivate rep":
                var departing = $"ZZ-LEAVER-{role}";
                using (var db = api.Open())
                {
                    Assert.Null(new WorkspaceReps(db, api.Web.Clock).Add(new Rep { RepId = departing, Name = "Leaver", Active = true }, "tests"));
                }

                return new HttpRequestMessage(HttpMethod.Post, $"/api/reps/{departing}/deactivate");
            case "set policy":
                using (var reader = api.Web.WithToken(Roles.Analyst))
                {
                    var current = await reader.GetFromJsonAsync<PolicyResponse>("/api/policy");
                    return Json(HttpMethod.Put, "/api/policy", new { policy = current!.Content, reason = "matrix: same policy" });
                }

            case "import":
                var form = new MultipartFormDataContent();
                form.Add(new StringContent("account_id,name,industry,region,created_on,owner_rep_id\nMATRIX-1,Matrix Ltd,Retail,North,2025-01-02,\n", Encoding.UTF8), "files", "accounts.csv");
                form.Add(new StringContent("order_id,account_id,order_date,amount,currency,status\nMATRIX-O1,MATRIX-1,2025-02-03,100.00,USD,booked\n", Encoding.UTF8), "files", "orders.csv");
                return new HttpRequestMessage(HttpMethod.Post, "/api/import") { Content = form };
            default:
                throw new ArgumentOutOfRangeException(nameof(write), write, null);
        }
    }

    private static HttpRequestMessage Json<T>(HttpMethod method, string path, T body) => new(method, path) { Content = JsonContent.Create(body) };

    internal static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
