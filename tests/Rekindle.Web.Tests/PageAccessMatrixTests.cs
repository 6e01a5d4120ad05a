using System.Net;
using Rekindle.Web.Auth;
using Rekindle.Web.Hosting;

namespace Rekindle.Web.Tests;

/// <summary>
/// Every dashboard page, for every role and anonymous: GET, and POST where the page has a form. The designed status
/// is 200 where the role may, 403 where it may not (decided from the data too: another rep's account or statement),
/// a redirect to /login when anonymous. POSTs that a role may make are sent with content the page refuses (an
/// account not in the pool, an invalid policy, a blank note), so the matrix changes nothing in the shared workspace.
/// Placeholders in braces are accounts and reps of the test workspace. Adding a page means adding its rows here.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class PageAccessMatrixTests(WebServer server)
{
    private const string Anonymous = "anonymous";

    public static TheoryData<string, string, int> Gets()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var (path, expected) in new (string Path, (int Manager, int Rep, int Analyst) Expected)[]
                 {
                     ("/", (200, 200, 200)),
                     ("/?owner={other-rep}", (200, 200, 200)),
                     ("/accounts", (200, 200, 200)),
                     ("/accounts?status=dormant&key=true&sort=days&page=2", (200, 200, 200)),
                     ("/accounts?segment=*/big/*", (200, 200, 200)),
                     ("/accounts/{rep-account}", (200, 200, 200)),
                     ("/accounts/{other-account}", (200, 403, 200)),
                     ("/accounts/{pooled-account}", (200, 403, 200)),
                     ("/accounts/{rep-account}/note", (200, 200, 403)),
                     ("/accounts/{other-account}/note", (200, 403, 403)),
                     ("/accounts/{pooled-account}/note", (200, 403, 403)),
                     ("/segments", (200, 200, 200)),
                     ("/campaigns", (200, 403, 200)),
                     ("/campaigns/" + DemoWorkspace.Campaign, (200, 403, 200)),
                     ("/campaigns/no-such-campaign", (404, 403, 404)),
                     ("/pool", (200, 200, 200)),
                     ("/pool?sort=value", (200, 200, 200)),
                     ("/statements", (200, 302, 200)),
                     ("/statements/{rep}", (200, 200, 200)),
                     ("/statements/{rep}?period=2026-05", (200, 200, 200)),
                     ("/statements/{other-rep}", (200, 403, 200)),
                     ("/statements/{rep}?period=9999-12", (200, 200, 200)),
                     ("/policy", (200, 200, 200)),
                     ("/policy?version=1", (200, 200, 200)),
                 })
        {
            data.Add(path, Roles.Manager, expected.Manager);
            data.Add(path, Roles.Rep, expected.Rep);
            data.Add(path, Roles.Analyst, expected.Analyst);
            data.Add(path, Anonymous, 302);
        }

        return data;
    }

    /// <summary>(path, role, status): the form's fields are filled in by <see cref="Form"/>.</summary>
    public static TheoryData<string, string, int> Posts()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var (path, expected) in new (string Path, (int Manager, int Rep, int Analyst) Expected)[]
                 {
                     ("/pool", (409, 409, 403)),
                     ("/policy", (400, 403, 403)),
                     ("/accounts/{rep-account}/note", (400, 400, 403)),
                     ("/accounts/{other-account}/note", (400, 403, 403)),
                 })
        {
            data.Add(path, Roles.Manager, expected.Manager);
            data.Add(path, Roles.Rep, expected.Rep);
            data.Add(path, Roles.Analyst, expected.Analyst);
            data.Add(path, Anonymous, 302);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Gets))]
    public async Task Get_answers_the_designed_status(string route, string role, int expected)
    {
        var client = role == Anonymous ? server.Anonymous() : await PageFacts.Session(server, role);
        var response = await client.GetAsync(Fill(route));
        Assert.Equal(expected, (int)response.StatusCode);
        if (role == Anonymous)
        {
            Assert.StartsWith("/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }

        if (expected == 403)
        {
            Assert.Contains("data-testid=\"denied\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Posts))]
    public async Task Post_answers_the_designed_status(string route, string role, int expected)
    {
        var path = Fill(route);
        HttpResponseMessage response;
        if (role == Anonymous)
        {
            using var anonymous = server.Anonymous();
            response = await anonymous.PostAsync(path, new FormUrlEncodedContent(Form(route)));
            Assert.StartsWith("/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
        else
        {
            var client = await PageFacts.Session(server, role);
            var token = WebServer.AntiforgeryToken(await client.GetStringAsync("/"));
            response = await PageFacts.PostForm(client, path, token, [.. Form(route).Select(f => (f.Key, f.Value))]);
        }

        Assert.Equal(expected, (int)response.StatusCode);
    }

    /// <summary>The account page shows contact addresses to the roles the API shows them to, and only the channels otherwise.</summary>
    [Theory]
    [InlineData(Roles.Manager)]
    [InlineData(Roles.Rep)]
    [InlineData(Roles.Analyst)]
    public async Task Account_page_shows_contact_addresses_exactly_as_the_api_does(string role)
    {
        var account = PageFacts.RepAccountWithContacts(server);
        using var token = server.WithToken(role);
        var api = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<Api.AccountResponse>(token, "/api/accounts/" + Uri.EscapeDataString(account));
        var (status, html) = await PageFacts.Get(await PageFacts.Session(server, role), "/accounts/" + Uri.EscapeDataString(account));
        Assert.Equal(HttpStatusCode.OK, status);
        var emails = api!.Contacts.Where(c => c.Email is not null).Select(c => c.Email!).ToList();
        var phones = api.Contacts.Where(c => c.Phone is not null).Select(c => c.Phone!).ToList();
        Assert.Equal(api.ContactDetailsHidden, html.Contains("data-testid=\"contact-details-hidden\"", StringComparison.Ordinal));
        Assert.Equal(emails.Count, PageFacts.Count(html, "contact-email"));
        Assert.Equal(phones.Count, PageFacts.Count(html, "contact-phone"));
        using var db = server.Location.Open();
        foreach (var contact in db.Contacts.Where(c => c.AccountId == account).ToList())
        {
            foreach (var address in new[] { contact.Email, contact.Phone }.Where(a => a.Length > 0))
            {
                Assert.Equal(!api.ContactDetailsHidden, System.Net.WebUtility.HtmlDecode(html).Contains(address, StringComparison.Ordinal));
            }
        }

        Assert.Equal(role == Roles.Analyst, api.ContactDetailsHidden);
    }

    [Fact]
    public async Task Post_without_the_antiforgery_token_is_rejected()
    {
        var manager = await PageFacts.Session(server, Roles.Manager);
        var response = await manager.PostAsync("/pool", new FormUrlEncodedContent(Form("/pool")));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    /// <summary>Fields each form refuses: an owned account is not in the pool; "{" is not a policy; a note without the three P's.</summary>
    private Dictionary<string, string> Form(string route) => route switch
    {
        "/pool" => new() { ["account"] = PageFacts.OtherRepsAccount(server), ["rep"] = server.RepId },
        "/policy" => new() { ["content"] = "{", ["reason"] = "matrix" },
        _ => new() { ["Players"] = "", ["Policies"] = "", ["Politics"] = "" },
    };

    private string Fill(string route) => route
        .Replace("{rep-account}", Uri.EscapeDataString(PageFacts.RepAccount(server)), StringComparison.Ordinal)
        .Replace("{other-account}", Uri.EscapeDataString(PageFacts.OtherRepsAccount(server)), StringComparison.Ordinal)
        .Replace("{pooled-account}", Uri.EscapeDataString(PageFacts.PooledFromAnotherRep(server)), StringComparison.Ordinal)
        .Replace("{other-rep}", Uri.EscapeDataString(PageFacts.OtherRep(server)), StringComparison.Ordinal)
        .Replace("{rep}", Uri.EscapeDataString(server.RepId), StringComparison.Ordinal);
}
