using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rekindle.App.Workspace;
using Rekindle.Lifecycle;
using Rekindle.Web.Auth;
using Rekindle.Web.Hosting;

namespace Rekindle.Web.Tests;

/// <summary>What the dashboard pages show: figures against the workspace, role scoping, and the forms' effects.</summary>
[Collection(WebCollection.Name)]
public sealed class DashboardPageTests(WebServer server)
{
    [Fact]
    public async Task Home_status_chart_holds_the_latest_snapshots_counts_and_the_flow_every_saved_snapshot()
    {
        var manager = await PageFacts.Session(server, Roles.Manager);
        var (_, html) = await PageFacts.Get(manager, "/");
        using var db = server.Location.Open();
        var queries = new SnapshotQueries(db);
        var latest = queries.Latest()!;
        var totals = queries.Totals(latest.Id);

        var accounts = Chart(html, "chart-status-accounts");
        Assert.Equal(totals.Select(t => t.Status.Code()), Labels(accounts));
        Assert.Equal(totals.Select(t => (decimal)t.Accounts), Data(accounts, 0));

        var flow = Chart(html, "chart-status-flow");
        var dates = queries.All().Select(s => s.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(DemoWorkspace.HistoryMonths + 1, dates.Count);
        Assert.Equal(dates, Labels(flow));
        for (var s = 0; s < LifecycleStatusCodes.All.Count; s++)
        {
            Assert.Equal(totals[s].Accounts, Data(flow, s)[^1]);
        }

        var downtime = Chart(html, "chart-downtime");
        Assert.Equal(Dashboard.DowntimeLabels(), Labels(downtime));
        var buyers = db.SnapshotAccounts.AsNoTracking().Count(r => r.SnapshotId == latest.Id && r.Revenue12m > 0);
        Assert.Contains($"of the {buyers:N0} that bought in the last 12 months", PageFacts.Text(html, "concentration"), StringComparison.Ordinal);
        var pareto = Data(Chart(html, "chart-pareto"), 0);
        Assert.Equal(101, pareto.Count);
        Assert.Equal(0m, pareto[0]);
        Assert.Equal(1m, pareto[^1]);
        Assert.True(pareto.Zip(pareto.Skip(1)).All(p => p.First <= p.Second), "the cumulative share never falls");
    }

    [Fact]
    public async Task Rep_home_shows_their_own_book_only()
    {
        var rep = await PageFacts.Session(server, Roles.Rep);
        var (_, html) = await PageFacts.Get(rep, "/?owner=" + PageFacts.OtherRep(server));
        using var db = server.Location.Open();
        var latest = new SnapshotQueries(db).Latest()!;
        var own = db.SnapshotAccounts.AsNoTracking().Count(r => r.SnapshotId == latest.Id && db.Accounts.Any(a => a.AccountId == r.AccountId && a.OwnerRepId == server.RepId));
        Assert.Equal(own, Data(Chart(html, "chart-status-accounts"), 0).Sum());
        Assert.All(PageFacts.Attributes(html, "lapsing-row", "data-account"), id => Assert.Equal(server.RepId, db.Accounts.Find(id)!.OwnerRepId));
    }

    [Fact]
    public async Task Lapsing_key_accounts_are_key_and_lapsed_or_overdue()
    {
        var manager = await PageFacts.Session(server, Roles.Manager);
        var (_, html) = await PageFacts.Get(manager, "/");
        var ids = PageFacts.Attributes(html, "lapsing-row", "data-account");
        Assert.NotEmpty(ids);
        using var db = server.Location.Open();
        var latest = new SnapshotQueries(db).Latest()!;
        var lapsed = ids.Select(id => db.SnapshotAccounts.AsNoTracking().Single(r => r.SnapshotId == latest.Id && r.AccountId == id).Status.IsLapsed()).ToList();
        Assert.Equal(lapsed.OrderByDescending(l => l), lapsed);
        foreach (var id in ids)
        {
            var row = db.SnapshotAccounts.AsNoTracking().Single(r => r.SnapshotId == latest.Id && r.AccountId == id);
            Assert.True(row.Key);
            Assert.True(row.Status.IsLapsed() || row.DaysSinceLastOrder > Dashboard.OverdueAfterCycles * row.CycleDays, $"{id} is {row.Status.Code()} {row.DaysSinceLastOrder} days into a {row.CycleDays} day cycle");
        }
    }

    [Fact]
    public async Task Rep_account_list_holds_only_own_accounts_whatever_owner_is_asked()
    {
        var rep = await PageFacts.Session(server, Roles.Rep);
        var (status, html) = await PageFacts.Get(rep, "/accounts?owner=" + PageFacts.OtherRep(server));
        Assert.Equal(HttpStatusCode.OK, status);
        var owners = PageFacts.Cells(html, "owner");
        Assert.NotEmpty(owners);
        Assert.All(owners, o => Assert.Equal(server.RepId, o));
        using var db = server.Location.Open();
        var own = db.Accounts.AsNoTracking().Count(a => a.OwnerRepId == server.RepId);
        Assert.StartsWith($"{own:N0} account(s)", PageFacts.Text(html, "account-count"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Account_list_filters_sort_and_pages()
    {
        var analyst = await PageFacts.Session(server, Roles.Analyst);
        var (_, first) = await PageFacts.Get(analyst, "/accounts?status=active&sort=name&desc=false");
        var (_, second) = await PageFacts.Get(analyst, "/accounts?status=active&sort=name&desc=false&page=2");
        var ids = PageFacts.Attributes(first, "account-row", "data-account").Concat(PageFacts.Attributes(second, "account-row", "data-account")).ToList();
        using var db = server.Location.Open();
        var latest = new SnapshotQueries(db).Latest()!;
        var expected = db.SnapshotAccounts.AsNoTracking().Where(r => r.SnapshotId == latest.Id && r.Status == LifecycleStatus.Active)
            .Join(db.Accounts, r => r.AccountId, a => a.AccountId, (r, a) => new { a.AccountId, a.Name }).ToList()
            .OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase).ThenBy(a => a.AccountId, StringComparer.Ordinal).Take(100).Select(a => a.AccountId);
        Assert.Equal(expected, ids);

        var (_, bad) = await PageFacts.Get(analyst, "/accounts?status=sleepy");
        Assert.Contains("'sleepy' is not a status", PageFacts.Text(bad, "filter-problem"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Segment_cell_links_to_a_list_of_as_many_accounts()
    {
        var manager = await PageFacts.Session(server, Roles.Manager);
        var (_, html) = await PageFacts.Get(manager, "/segments");
        var segments = PageFacts.Attributes(html, "segment-cell", "data-segment");
        var counts = PageFacts.Attributes(html, "segment-cell", "data-accounts");
        Assert.NotEmpty(segments);
        var (_, list) = await PageFacts.Get(manager, "/accounts?segment=" + Uri.EscapeDataString(segments[0]));
        Assert.StartsWith($"{int.Parse(counts[0], System.Globalization.CultureInfo.InvariantCulture):N0} account(s)", PageFacts.Text(list, "account-count"), StringComparison.Ordinal);
        var total = PageFacts.Attributes(html, "segment-total", "data-accounts").Single();
        var (_, all) = await PageFacts.Get(manager, "/accounts?segment=" + Uri.EscapeDataString("status=passive|inactive|dormant"));
        Assert.StartsWith($"{int.Parse(total, System.Globalization.CultureInfo.InvariantCulture):N0} account(s)", PageFacts.Text(all, "account-count"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Account_page_shows_reasons_timeline_and_another_reps_account_is_403_for_a_rep()
    {
        var rep = await PageFacts.Session(server, Roles.Rep);
        var (status, html) = await PageFacts.Get(rep, "/accounts/" + PageFacts.RepAccount(server));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(string.IsNullOrWhiteSpace(PageFacts.Text(html, "status")));
        Assert.Contains("data-testid=\"reasons\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"timeline\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.GetAsync("/accounts/" + PageFacts.OtherRepsAccount(server))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await rep.GetAsync("/accounts/NO-SUCH-ACCOUNT")).StatusCode);
    }

    [Fact]
    public async Task Campaign_page_shows_uplift_with_its_interval_as_measured()
    {
        var analyst = await PageFacts.Session(server, Roles.Analyst);
        var (_, html) = await PageFacts.Get(analyst, "/campaigns/" + DemoWorkspace.Campaign);
        using var db = server.Location.Open();
        var stored = new App.Reactivation.CampaignStore(db, server.Clock).Load(DemoWorkspace.Campaign)!;
        var (results, _) = new App.Reactivation.CampaignMeasurer(db, server.Clock).Measure(stored, WebServer.Today);
        var u = results.Overall.ReactivationUplift!.Value;
        var chart = Chart(html, "chart-uplift");
        Assert.Equal(Math.Round((decimal)results.Overall.Treatment.ReactivationRate, 4), Data(chart, 0)[0]);
        Assert.Equal(Math.Round((decimal)results.Overall.Control.ReactivationRate, 4), Data(chart, 1)[0]);
        var interval = chart.GetProperty("data").GetProperty("datasets")[2].GetProperty("data")[0];
        Assert.Equal(Math.Round((decimal)u.Lower, 4), interval[0].GetDecimal());
        Assert.Equal(Math.Round((decimal)u.Upper, 4), interval[1].GetDecimal());
        Assert.Equal(Pages.Campaigns.CampaignModel.UpliftText(results.Overall), PageFacts.Text(html, "uplift"));
    }

    /// <summary>The dashboard plans a campaign as the API does (a refused plan shows why beside the form) and exports its three lists as the CLI does.</summary>
    [Fact]
    public async Task Campaigns_page_plans_a_campaign_and_its_page_exports_the_three_lists()
    {
        var manager = await PageFacts.Session(server, Roles.Manager);
        var token = WebServer.AntiforgeryToken(await manager.GetStringAsync("/campaigns"));

        var refused = await PageFacts.PostForm(manager, "/campaigns?handler=Plan", token, ("Name", "page-plan"), ("Segments", "tier=enormous"), ("Holdout", "0.2"), ("Seed", "7"));
        var refusedHtml = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("data-testid=\"plan-problems\"", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("segments:", refusedHtml, StringComparison.Ordinal);

        var planned = await PageFacts.PostForm(manager, "/campaigns?handler=Plan", token, ("Name", "page-plan"), ("Segments", ""), ("Holdout", "0.2"), ("Seed", "7"));
        Assert.Equal(HttpStatusCode.Redirect, planned.StatusCode);
        Assert.Equal("/campaigns/page-plan", planned.Headers.Location!.OriginalString);
        using (var db = server.Location.Open())
        {
            var stored = new App.Reactivation.CampaignStore(db, server.Clock).Load("page-plan")!;
            Assert.Equal(7, stored.Campaign.Seed);
            Assert.True(stored.Campaign.TreatmentAccounts > 0 && stored.Campaign.ControlAccounts > 0);
        }

        var (_, html) = await PageFacts.Get(manager, "/campaigns/page-plan");
        foreach (var list in App.Reactivation.CampaignExport.Lists)
        {
            Assert.Contains($"data-testid=\"export-{list}\"", html, StringComparison.Ordinal);
            var csv = await manager.GetAsync($"/campaigns/page-plan?handler=Export&list={list}");
            Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
            Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
            var text = await csv.Content.ReadAsStringAsync();
            var header = list switch
            {
                "mail" => App.Reactivation.CampaignExport.MailColumns,
                "calls" => App.Reactivation.CampaignExport.CallColumns,
                _ => App.Reactivation.CampaignExport.TaskColumns,
            };
            Assert.StartsWith(string.Join(',', header), text, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync("/campaigns/page-plan?handler=Export&list=faxes")).StatusCode);
    }

    [Fact]
    public async Task Rep_statements_redirect_to_their_own_and_another_reps_is_403()
    {
        var rep = await PageFacts.Session(server, Roles.Rep);
        var response = await rep.GetAsync("/statements?period=2026-06");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/statements/{server.RepId}?period=2026-06", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.GetAsync("/statements/" + PageFacts.OtherRep(server))).StatusCode);
        var manager = await PageFacts.Session(server, Roles.Manager);
        var (_, html) = await PageFacts.Get(manager, "/statements?period=2026-06");
        using var db = server.Location.Open();
        Assert.Equal(db.Reps.Count(), PageFacts.Attributes(html, "statement-row", "data-rep").Count);
    }

    [Theory]
    [InlineData("9999-12")]
    [InlineData("2027-07")]
    public async Task Statement_page_for_a_month_too_far_ahead_says_why_and_shows_this_month(string period)
    {
        var rep = await PageFacts.Session(server, Roles.Rep);
        var (status, html) = await PageFacts.Get(rep, $"/statements/{server.RepId}?period={period}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal($"'{period}' is too far ahead: statements cover months up to 2027-06 (12 months after this one): showing 2026-06.", PageFacts.Text(html, "period-problem"));
    }

    internal static JsonElement Chart(string html, string testId) =>
        JsonDocument.Parse(PageFacts.Attributes(html, testId, "data-chart").Single()).RootElement;

    private static List<string> Labels(JsonElement chart) => [.. chart.GetProperty("data").GetProperty("labels").EnumerateArray().Select(l => l.GetString()!)];

    private static List<decimal> Data(JsonElement chart, int dataset) =>
        [.. chart.GetProperty("data").GetProperty("datasets")[dataset].GetProperty("data").EnumerateArray().Select(v => v.GetDecimal())];
}
