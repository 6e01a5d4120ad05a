using Microsoft.Extensions.Logging;
using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using Rekindle.Web.Api;
using Rekindle.Web.Auth;

namespace Rekindle.Web.Tests;

[Collection(WebCollection.Name)]
public sealed class AccountsApiTests(WebServer server)
{
    [Fact]
    public async Task Rep_sees_only_own_accounts_even_when_asking_for_another_owner()
    {
        using var rep = server.WithToken(Roles.Rep);
        var own = await rep.GetFromJsonAsync<AccountPage>("/api/accounts?pageSize=500");
        var asked = await rep.GetFromJsonAsync<AccountPage>("/api/accounts?pageSize=500&owner=SOMEONE-ELSE");
        Assert.NotEmpty(own!.Items);
        Assert.All(own.Items, a => Assert.Equal(server.RepId, a.Owner));
        Assert.Equal(own.Total, asked!.Total);
    }

    [Fact]
    public async Task Manager_filters_by_status_and_key_and_pages_in_a_stable_order()
    {
        using var manager = server.WithToken(Roles.Manager);
        var all = await manager.GetFromJsonAsync<AccountPage>("/api/accounts?status=active&pageSize=500&sort=name&desc=false");
        Assert.All(all!.Items, a => Assert.Equal("active", a.Status));
        Assert.Equal(all.Items.OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase).ThenBy(a => a.AccountId, StringComparer.Ordinal).Select(a => a.AccountId), all.Items.Select(a => a.AccountId));

        var first = await manager.GetFromJsonAsync<AccountPage>("/api/accounts?status=active&pageSize=5&page=1&sort=name&desc=false");
        var second = await manager.GetFromJsonAsync<AccountPage>("/api/accounts?status=active&pageSize=5&page=2&sort=name&desc=false");
        Assert.Equal(all.Items.Take(10).Select(a => a.AccountId), first!.Items.Concat(second!.Items).Select(a => a.AccountId));
        Assert.Equal(all.Total, first.Total);

        var key = await manager.GetFromJsonAsync<AccountPage>("/api/accounts?key=true&pageSize=500");
        Assert.All(key!.Items, a => Assert.True(a.Key));
    }

    [Theory]
    [InlineData("status=sleepy", "status")]
    [InlineData("sort=colour", "sort")]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=501", "pageSize")]
    public async Task Bad_query_is_a_validation_problem_naming_the_parameter(string query, string parameter)
    {
        using var manager = server.WithToken(Roles.Manager);
        var response = await manager.GetAsync("/api/accounts?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains($"\"{parameter}\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("revenue")]
    [InlineData("name")]
    [InlineData("days")]
    [InlineData("status")]
    public async Task Page_past_the_end_is_empty_even_where_its_offset_overflows_an_int(string sort)
    {
        using var manager = server.WithToken(Roles.Manager);
        var all = await manager.GetFromJsonAsync<AccountPage>($"/api/accounts?pageSize=500&sort={sort}");
        Assert.True(all!.Total <= 500);
        var last = await manager.GetFromJsonAsync<AccountPage>($"/api/accounts?pageSize=1&page={all.Total}&sort={sort}");
        Assert.Equal(all.Items[^1].AccountId, Assert.Single(last!.Items).AccountId);
        foreach (var (page, pageSize) in new[] { (all.Total + 1, 1), (2, 500), (4294968, 500), (int.MaxValue, 500), (int.MaxValue, 1) })
        {
            var past = await manager.GetFromJsonAsync<AccountPage>($"/api/accounts?page={page}&pageSize={pageSize}&sort={sort}");
            Assert.Empty(past!.Items);
            Assert.Equal((all.Total, page, pageSize), (past.Total, past.Page, past.PageSize));
        }
    }

    [Fact]
    public async Task Segment_page_whose_offset_overflows_an_int_is_empty()
    {
        using var manager = server.WithToken(Roles.Manager);
        var first = await manager.GetFromJsonAsync<SegmentsResponse>("/api/segments?pageSize=500");
        Assert.NotEmpty(first!.Accounts);
        var past = await manager.GetFromJsonAsync<SegmentsResponse>($"/api/segments?pageSize=500&page={int.MaxValue}");
        Assert.Empty(past!.Accounts);
    }

    [Fact]
    public async Task List_before_any_snapshot_is_a_404_problem_saying_how_to_get_one()
    {
        var folder = Directory.CreateTempSubdirectory("rekindle-empty-").FullName;
        var location = Rekindle.Storage.WorkspaceLocation.Sqlite(Path.Combine(folder, "workspace.db"));
        string token;
        using (var db = location.Open())
        {
            var users = new UserAccounts(db, server.Clock);
            var manager = users.Add("boss@example.com", Roles.Manager, UserAccounts.NewPassword());
            token = users.IssueToken(manager.Id, "tests").Token;
        }

        await using var app = RekindleServer.Build(new Hosting.ServerSettings { Workspace = location, Urls = "http://127.0.0.1:0", RunScheduler = false }, server.Clock,
            builder => builder.Logging.SetMinimumLevel(LogLevel.Warning));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First();
        using var client = new HttpClient { BaseAddress = new Uri(address) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);

        using var response = await client.GetAsync("/api/accounts");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>();
        Assert.Contains("no classification is saved yet", problem!.Detail, StringComparison.Ordinal);
        await app.StopAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
