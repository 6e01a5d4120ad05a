using System.Net;
using System.Net.Http.Json;
using Rekindle.Web.Api;
using Rekindle.Web.Auth;

namespace Rekindle.Web.Tests;

/// <summary>The read side of the API: one account and its contacts by role, summary, transitions, segments, statements, campaigns.</summary>
[Collection(ApiCollection.Name)]
public sealed class ReadApiTests(ApiServer api)
{
    [Fact]
    public async Task Account_contacts_show_addresses_to_the_owner_and_managers_and_only_channels_to_analysts()
    {
        var account = OwnedWithContacts(api.Web.RepId);
        using var rep = api.Web.WithToken(Roles.Rep);
        using var analyst = api.Web.WithToken(Roles.Analyst);
        using var manager = api.Web.WithToken(Roles.Manager);
        var owner = await rep.GetFromJsonAsync<AccountResponse>($"/api/accounts/{account}");
        var boss = await manager.GetFromJsonAsync<AccountResponse>($"/api/accounts/{account}");
        var reader = await analyst.GetFromJsonAsync<AccountResponse>($"/api/accounts/{account}");

        Assert.False(owner!.ContactDetailsHidden);
        Assert.Contains(owner.Contacts, c => c.Email is { Length: > 0 } || c.Phone is { Length: > 0 });
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(owner.Contacts), System.Text.Json.JsonSerializer.Serialize(boss!.Contacts));
        Assert.True(reader!.ContactDetailsHidden);
        Assert.All(reader.Contacts, c => Assert.Equal((null, null, null, null), (c.Email, c.Phone, c.Social, c.PostalAddress)));
        Assert.Equal(owner.Contacts.SelectMany(c => c.Reachable), reader.Contacts.SelectMany(c => c.Reachable));
    }

    [Fact]
    public async Task Account_page_has_status_reasons_history_and_a_timeline_capped_by_events()
    {
        var account = OwnedWithContacts(api.Web.RepId);
        using var manager = api.Web.WithToken(Roles.Manager);
        var page = await manager.GetFromJsonAsync<AccountResponse>($"/api/accounts/{account}?events=3&asOf=2026-06-30");

        Assert.Equal(new DateOnly(2026, 6, 30), page!.AsOf);
        Assert.NotEmpty(page.Reasons);
        Assert.NotEmpty(page.History);
        Assert.True(page.Timeline.Count <= 3 && page.TimelineTotal >= page.Timeline.Count);
        Assert.Equal(page.Timeline.OrderByDescending(t => t.Date).Select(t => t.Date), page.Timeline.Select(t => t.Date));
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.GetAsync($"/api/accounts/{account}?events=0")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync("/api/accounts/NO-SUCH-ACCOUNT")).StatusCode);
    }

    [Fact]
    public async Task Summary_shares_add_up_and_transitions_compare_the_last_two_snapshots()
    {
        using var rep = api.Web.WithToken(Roles.Rep);
        var summary = await rep.GetFromJsonAsync<ClassificationSummary>("/api/classification/summary");
        Assert.Equal(ApiServer.SecondSnapshot, summary!.AsOf);
        Assert.Equal(7, summary.ByStatus.Count);
        Assert.Equal(summary.Accounts, summary.ByStatus.Sum(s => s.Accounts));
        Assert.Equal(summary.Revenue12m, summary.ByStatus.Sum(s => s.Revenue12m));
        Assert.Equal(1.0, summary.ByStatus.Sum(s => s.RevenueShare), 3);

        var earlier = await rep.GetFromJsonAsync<ClassificationSummary>($"/api/classification/summary?asOf={ApiServer.SecondSnapshot.AddDays(-1):yyyy-MM-dd}");
        Assert.Equal(WebServer.Today, earlier!.AsOf);

        var transitions = await rep.GetFromJsonAsync<TransitionsResponse>("/api/classification/transitions");
        Assert.Equal((WebServer.Today, ApiServer.SecondSnapshot), (transitions!.From, transitions.To));
        Assert.Equal(summary.Accounts, transitions.Rows.Sum(r => r.Accounts));
        Assert.Equal(transitions.Changed, transitions.Rows.Where(r => r.Before is not null).Sum(r => r.After.Where(a => a.Key != r.Before).Sum(a => a.Value)));
        Assert.Equal(HttpStatusCode.BadRequest, (await rep.GetAsync("/api/classification/transitions?from=2026-07-02&to=2026-07-01")).StatusCode);
    }

    [Fact]
    public async Task Segments_for_a_rep_cover_only_their_accounts_and_the_account_list_filters_by_segment()
    {
        using var rep = api.Web.WithToken(Roles.Rep);
        using var manager = api.Web.WithToken(Roles.Manager);
        var mine = await rep.GetFromJsonAsync<SegmentsResponse>("/api/segments?pageSize=500");
        var all = await manager.GetFromJsonAsync<SegmentsResponse>("/api/segments?pageSize=500");
        Assert.All(mine!.Accounts, a => Assert.Equal(api.Web.RepId, a.Owner));
        Assert.Equal(mine.AccountsTotal, mine.Total.Accounts);
        Assert.True(all!.Total.Accounts > mine.Total.Accounts);

        var segment = all.Cells.OrderByDescending(c => c.Accounts).First().Segment;
        var inSegment = await manager.GetFromJsonAsync<SegmentsResponse>($"/api/segments?pageSize=500&segment={Uri.EscapeDataString(segment)}");
        Assert.All(inSegment!.Accounts, a => Assert.Equal(segment, a.Segment));
        Assert.Equal(all.Cells.First(c => c.Segment == segment).Accounts, inSegment.AccountsTotal);

        var listed = await manager.GetFromJsonAsync<AccountPage>($"/api/accounts?pageSize=500&segment={Uri.EscapeDataString("status=dormant")}");
        Assert.NotEmpty(listed!.Items);
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.GetAsync("/api/accounts?segment=colour%3Dblue")).StatusCode);
    }

    [Fact]
    public async Task Statements_are_scoped_a_rep_reads_own_only_and_the_period_is_checked()
    {
        var other = api.OtherReps()[0];
        using var rep = api.Web.WithToken(Roles.Rep);
        using var analyst = api.Web.WithToken(Roles.Analyst);
        var own = await rep.GetFromJsonAsync<StatementResponse>($"/api/statements/{api.Web.RepId}?period=2026-06");
        Assert.Equal((api.Web.RepId, "2026-06", new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 30)), (own!.RepId, own.Period, own.From, own.To));
        Assert.Equal(own.Totals.Total, own.Lines.Sum(l => l.Amount));
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.GetAsync($"/api/statements/{other}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync($"/api/statements/{other}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await analyst.GetAsync($"/api/statements/{other}?period=June")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.GetAsync("/api/statements/NOBODY")).StatusCode);
    }

    [Theory]
    [InlineData("2027-06", HttpStatusCode.OK)]
    [InlineData("2027-07", HttpStatusCode.BadRequest)]
    [InlineData("9999-11", HttpStatusCode.BadRequest)]
    [InlineData("9999-12", HttpStatusCode.BadRequest)]
    [InlineData("0001-01", HttpStatusCode.OK)]
    public async Task Statement_period_up_to_twelve_months_ahead_is_read_and_a_later_one_is_a_400_saying_why(string period, HttpStatusCode expected)
    {
        using var manager = api.Web.WithToken(Roles.Manager);
        var response = await manager.GetAsync($"/api/statements/{api.Web.RepId}?period={period}");
        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.BadRequest)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            Assert.Contains("up to 2027-06", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Campaign_members_page_whose_offset_overflows_an_int_is_empty()
    {
        var name = api.Campaign();
        using var analyst = api.Web.WithToken(Roles.Analyst);
        var past = await analyst.GetFromJsonAsync<CampaignResponse>($"/api/campaigns/{name}?pageSize=500&page={int.MaxValue}");
        Assert.Empty(past!.Members);
    }

    [Fact]
    public async Task Campaign_reads_results_with_an_interval_and_a_taken_name_is_409()
    {
        var name = api.Campaign();
        using var analyst = api.Web.WithToken(Roles.Analyst);
        var campaign = await analyst.GetFromJsonAsync<CampaignResponse>($"/api/campaigns/{name}?pageSize=5");
        Assert.Equal(campaign!.Campaign.TreatmentAccounts + campaign.Campaign.ControlAccounts, campaign.MembersTotal);
        Assert.True(campaign.Members.Count <= 5);

        var results = await analyst.GetFromJsonAsync<CampaignResultsResponse>($"/api/campaigns/{name}/results?asOf=2026-08-31");
        Assert.Equal(campaign.Campaign.TreatmentAccounts, results!.Overall.Treatment.Accounts);
        Assert.False(results.Recorded);
        if (results.Overall.ReactivationUplift is { } u)
        {
            Assert.True(u.Lower <= u.Estimate && u.Estimate <= u.Upper);
        }

        var again = await analyst.PostAsJsonAsync("/api/campaigns", new PlanCampaignRequest(name));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var badFilter = await analyst.PostAsJsonAsync("/api/campaigns", new PlanCampaignRequest("new-one", Segments: ["tier=huge"]));
        Assert.Equal(HttpStatusCode.BadRequest, badFilter.StatusCode);
        Assert.Contains("segments", await badFilter.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.GetAsync("/api/campaigns/no-such-campaign")).StatusCode);
    }

    private string OwnedWithContacts(string repId)
    {
        using var db = api.Open();
        return db.Accounts.Where(a => a.OwnerRepId == repId && db.Contacts.Any(c => c.AccountId == a.AccountId && (c.Email != "" || c.Phone != "")))
            .Select(a => a.AccountId).AsEnumerable().Order(StringComparer.Ordinal).First();
    }
}
