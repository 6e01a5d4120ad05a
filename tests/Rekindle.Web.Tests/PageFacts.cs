using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace Rekindle.Web.Tests;

/// <summary>
/// Accounts and reps of the shared test workspace that page tests need, read from the database as it is now, and
/// small readers of the pages' HTML (rows and attributes by their data-testid hooks).
/// </summary>
public static partial class PageFacts
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(WebServer, string), Lazy<Task<HttpClient>>> Sessions = new();

    /// <summary>
    /// One signed-in client per role and server, shared by the page tests: signing in hashes a password, which is slow on
    /// purpose, and the page tests only need a session. Never dispose it.
    /// </summary>
    public static Task<HttpClient> Session(WebServer server, string role) =>
        Sessions.GetOrAdd((server, role), key => new Lazy<Task<HttpClient>>(() => key.Item1.SignedIn(key.Item2))).Value;

    /// <summary>The first account (by id) the rep owns.</summary>
    public static string RepAccount(WebServer server)
    {
        using var db = server.Location.Open();
        return db.Accounts.AsNoTracking().Where(a => a.OwnerRepId == server.RepId).OrderBy(a => a.AccountId).Select(a => a.AccountId).First();
    }

    /// <summary>The first account (by id) the rep owns with a contact that has an email or a phone.</summary>
    public static string RepAccountWithContacts(WebServer server)
    {
        using var db = server.Location.Open();
        return db.Accounts.AsNoTracking().Where(a => a.OwnerRepId == server.RepId && db.Contacts.Any(c => c.AccountId == a.AccountId && (c.Email != "" || c.Phone != "")))
            .Select(a => a.AccountId).AsEnumerable().Order(StringComparer.Ordinal).First();
    }

    /// <summary>How many elements carry <c>data-testid="<paramref name="testId"/>"</c>.</summary>
    public static int Count(string html, string testId) => Regex.Count(html, $"data-testid=\"{Regex.Escape(testId)}\"");

    /// <summary>The first account (by id) another rep owns.</summary>
    public static string OtherRepsAccount(WebServer server)
    {
        using var db = server.Location.Open();
        return db.Accounts.AsNoTracking().Where(a => a.OwnerRepId != null && a.OwnerRepId != server.RepId).OrderBy(a => a.AccountId).Select(a => a.AccountId).First();
    }

    /// <summary>A rep other than the rep user.</summary>
    public static string OtherRep(WebServer server)
    {
        using var db = server.Location.Open();
        return db.Reps.AsNoTracking().Where(r => r.RepId != server.RepId).OrderBy(r => r.RepId).Select(r => r.RepId).First();
    }

    /// <summary>The first pooled account (by id) released from a rep other than the rep user: kept in the pool by the tests.</summary>
    public static string PooledFromAnotherRep(WebServer server)
    {
        using var db = server.Location.Open();
        var releases = db.PoolReleases.AsNoTracking().Where(r => r.PreviousOwnerRepId != null && r.PreviousOwnerRepId != server.RepId).Select(r => r.AccountId).ToList();
        return db.Accounts.AsNoTracking().Where(a => a.OwnerRepId == null && releases.Contains(a.AccountId)).OrderBy(a => a.AccountId).Select(a => a.AccountId).First();
    }

    public static async Task<(HttpStatusCode Status, string Html)> Get(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public static Task<HttpResponseMessage> PostForm(HttpClient client, string path, string token, params (string Name, string Value)[] fields) =>
        client.PostAsync(path, new FormUrlEncodedContent(fields.Append(("__RequestVerificationToken", token)).Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2))));

    /// <summary>The value of <paramref name="attribute"/> on each element carrying <c>data-testid="<paramref name="testId"/>"</c>.</summary>
    public static IReadOnlyList<string> Attributes(string html, string testId, string attribute) =>
        [.. ElementPattern().Matches(html).Select(m => m.Value)
            .Where(tag => tag.Contains($"data-testid=\"{testId}\"", StringComparison.Ordinal))
            .Select(tag => Regex.Match(tag, $"\\s{Regex.Escape(attribute)}=\"([^\"]*)\"") is { Success: true } a ? WebUtility.HtmlDecode(a.Groups[1].Value) : "")];

    /// <summary>The text inside the first element with the test id (tags removed, entities decoded), or null.</summary>
    public static string? Text(string html, string testId)
    {
        var m = Regex.Match(html, $"<(\\w+)[^>]*data-testid=\"{Regex.Escape(testId)}\"[^>]*>(.*?)</\\1>", RegexOptions.Singleline);
        return m.Success ? WebUtility.HtmlDecode(Regex.Replace(m.Groups[2].Value, "<[^>]+>", " ")).Trim() : null;
    }

    /// <summary>The texts of every <c>&lt;td data-testid="..."&gt;</c> cell with the test id.</summary>
    public static IReadOnlyList<string> Cells(string html, string testId) =>
        [.. Regex.Matches(html, $"<td[^>]*data-testid=\"{Regex.Escape(testId)}\"[^>]*>(.*?)</td>", RegexOptions.Singleline).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value).Trim())];

    [GeneratedRegex("<[a-z]+\\s[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ElementPattern();
}
