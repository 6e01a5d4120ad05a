using System.Net;
using Microsoft.EntityFrameworkCore;
using Rekindle.App.Workspace;
using Rekindle.Policies;
using Rekindle.Web.Auth;

namespace Rekindle.Web.Tests;

/// <summary>The dashboard's forms end to end: claiming from the pool, the handoff note form, the policy editor.</summary>
[Collection(WebCollection.Name)]
public sealed class PoolAndPolicyPageTests(WebServer server)
{
    [Fact]
    public async Task Rep_claims_with_one_click_the_account_moves_and_its_page_shows_the_handoff_note()
    {
        var rep = await PageFacts.Session(server, Roles.Rep);
        var (_, pool) = await PageFacts.Get(rep, "/pool");
        var kept = PageFacts.PooledFromAnotherRep(server);
        string account;
        using (var db = server.Location.Open())
        {
            var withNote = PageFacts.Attributes(pool, "pool-row", "data-account")
                .Zip(PageFacts.Attributes(pool, "pool-row", "data-note"))
                .Where(r => r.Second == "true" && r.First != kept).Select(r => r.First).ToList();
            account = withNote.First(id => db.PoolReleases.AsNoTracking().Where(r => r.AccountId == id).OrderBy(r => r.Id).ToList().Last().PreviousOwnerRepId != server.RepId);
        }

        var response = await PageFacts.PostForm(rep, "/pool", WebServer.AntiforgeryToken(pool), ("account", account));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/accounts/{account}?claimed=1", response.Headers.Location!.OriginalString);
        using (var db = server.Location.Open())
        {
            Assert.Equal(server.RepId, db.Accounts.AsNoTracking().Single(a => a.AccountId == account).OwnerRepId);
        }

        var (status, page) = await PageFacts.Get(rep, response.Headers.Location.OriginalString);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("data-testid=\"claimed\"", page, StringComparison.Ordinal);
        Assert.Contains("Decides:", PageFacts.Text(page, "handoff-note"), StringComparison.Ordinal);
        var (_, after) = await PageFacts.Get(rep, "/pool");
        Assert.DoesNotContain(account, PageFacts.Attributes(after, "pool-row", "data-account"));
    }

    [Fact]
    public async Task Claim_of_an_account_no_longer_in_the_pool_is_refused_in_words()
    {
        var rep = await PageFacts.Session(server, Roles.Rep);
        var (_, pool) = await PageFacts.Get(rep, "/pool");
        var taken = PageFacts.OtherRepsAccount(server);
        var response = await PageFacts.PostForm(rep, "/pool", WebServer.AntiforgeryToken(pool), ("account", taken));
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var refusal = PageFacts.Text(html, "refusal");
        Assert.Contains($"The claim of {taken} for {server.RepId} was refused: {taken} is not in the pool", refusal, StringComparison.Ordinal);
        Assert.Contains("only accounts in the pool can be claimed", refusal, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"pool-row\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyst_sees_the_pool_without_claim_buttons_and_manager_claims_for_a_named_rep()
    {
        var analyst = await PageFacts.Session(server, Roles.Analyst);
        var (_, html) = await PageFacts.Get(analyst, "/pool");
        Assert.NotEmpty(PageFacts.Attributes(html, "pool-row", "data-account"));
        Assert.DoesNotContain("data-testid=\"claim\"", html, StringComparison.Ordinal);

        var manager = await PageFacts.Session(server, Roles.Manager);
        var (_, pool) = await PageFacts.Get(manager, "/pool");
        Assert.Contains("data-testid=\"claim-rep\"", pool, StringComparison.Ordinal);
        var noRep = await PageFacts.PostForm(manager, "/pool", WebServer.AntiforgeryToken(pool), ("account", PageFacts.PooledFromAnotherRep(server)));
        Assert.Equal(HttpStatusCode.BadRequest, noRep.StatusCode);
        Assert.Contains("Choose the rep", PageFacts.Text(await noRep.Content.ReadAsStringAsync(), "refusal"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handoff_note_form_names_each_missing_field_and_saves_a_complete_note()
    {
        var rep = await PageFacts.Session(server, Roles.Rep);
        var account = PageFacts.RepAccount(server);
        var (_, form) = await PageFacts.Get(rep, $"/accounts/{account}/note");
        var token = WebServer.AntiforgeryToken(form);
        var blank = await PageFacts.PostForm(rep, $"/accounts/{account}/note", token, ("Players", "Ann decides"), ("Policies", " "), ("Politics", ""));
        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        var html = await blank.Content.ReadAsStringAsync();
        Assert.Contains("policies is required", PageFacts.Text(html, "policies-error"), StringComparison.Ordinal);
        Assert.Contains("politics is required", PageFacts.Text(html, "politics-error"), StringComparison.Ordinal);
        Assert.Equal("", PageFacts.Text(html, "players-error"));
        Assert.Contains("Ann decides", html, StringComparison.Ordinal);

        var saved = await PageFacts.PostForm(rep, $"/accounts/{account}/note", token,
            ("Players", "Ann decides, Bob pays"), ("Policies", "POs over 5k need two signatures"), ("Politics", "New CFO, cost cutting"), ("FreeText", "Call in March"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (_, page) = await PageFacts.Get(rep, saved.Headers.Location!.OriginalString);
        Assert.Contains("New CFO, cost cutting", PageFacts.Text(page, "handoff"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Manager_changes_the_policy_with_a_reason_and_sees_the_version_in_the_log_and_the_diff()
    {
        var manager = await PageFacts.Session(server, Roles.Manager);
        var (_, page) = await PageFacts.Get(manager, "/policy");
        string content;
        using (var db = server.Location.Open())
        {
            var current = new WorkspacePolicies(db, server.Clock).CurrentPolicy().Policy;
            content = PolicyJson.Write(current with { EarlyReleaseBonusMultiplier = current.EarlyReleaseBonusMultiplier + 0.25 });
        }

        var response = await PageFacts.PostForm(manager, "/policy", WebServer.AntiforgeryToken(page), ("content", content), ("reason", "reward early releases more (page test)"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        int number;
        using (var db = server.Location.Open())
        {
            var stored = new WorkspacePolicies(db, server.Clock).Current()!;
            Assert.Equal("reward early releases more (page test)", stored.Reason);
            Assert.Equal(server.Users[Roles.Manager].Email, stored.SetBy);
            number = stored.Number;
        }

        Assert.Equal($"/policy?saved={number}", response.Headers.Location!.OriginalString);
        var (_, after) = await PageFacts.Get(manager, response.Headers.Location.OriginalString);
        Assert.Contains(number.ToString(System.Globalization.CultureInfo.InvariantCulture), PageFacts.Attributes(after, "policy-version", "data-version"));
        Assert.Contains("reward early releases more (page test)", PageFacts.Text(after, "policy-log"), StringComparison.Ordinal);
        Assert.Contains("earlyReleaseBonusMultiplier", PageFacts.Attributes(after, "policy-diff-row", "data-key"));
    }

    [Fact]
    public async Task Invalid_policy_shows_every_problem_with_its_key_and_stores_nothing()
    {
        var manager = await PageFacts.Session(server, Roles.Manager);
        var (_, page) = await PageFacts.Get(manager, "/policy");
        int before;
        using (var db = server.Location.Open())
        {
            before = db.PolicyVersions.Count();
        }

        var response = await PageFacts.PostForm(manager, "/policy", WebServer.AntiforgeryToken(page),
            ("content", """{ "dormantAfterDays": -5, "maxClaimsPerRepPerDay": "many" }"""), ("reason", ""));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var keys = PageFacts.Attributes(await response.Content.ReadAsStringAsync(), "policy-problem", "data-key");
        Assert.Contains("dormantAfterDays", keys);
        Assert.Contains("maxClaimsPerRepPerDay", keys);
        Assert.Contains("reason", keys);
        using (var db = server.Location.Open())
        {
            Assert.Equal(before, db.PolicyVersions.Count());
        }
    }

    [Fact]
    public async Task Analyst_policy_post_is_403_and_the_page_is_read_only()
    {
        var analyst = await PageFacts.Session(server, Roles.Analyst);
        var (_, page) = await PageFacts.Get(analyst, "/policy");
        Assert.DoesNotContain("data-testid=\"policy-save\"", page, StringComparison.Ordinal);
        Assert.Contains("readonly", page, StringComparison.Ordinal);
        var response = await PageFacts.PostForm(analyst, "/policy", WebServer.AntiforgeryToken(page), ("content", PolicyJson.Write(Policy.Default)), ("reason", "not allowed"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
