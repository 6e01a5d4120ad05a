using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Api;
using Rekindle.Web.Auth;
using Rekindle.Web.Hosting;

namespace Rekindle.Web.Tests;

/// <summary>
/// /api/jobs and the jobs panel, on a server of their own (a manager's "run now" changes its workspace): who may read
/// and run, what a run records, that a second run for the same day repeats nothing, and the next run time shown.
/// </summary>
public sealed class JobsTests(WebServer server) : IClassFixture<WebServer>
{
    private const string Anonymous = "anonymous";

    public static TheoryData<string, string, string, string> Matrix()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var role in new[] { Roles.Manager, Roles.Rep, Roles.Analyst })
        {
            data.Add("GET", "/api/jobs", role, "200");
        }

        data.Add("GET", "/api/jobs", Anonymous, "401");

        // The manager's 202 is in RunNow_AsAManager_RunsTheJobOnceForToday, which waits for the run it starts.
        data.Add("POST", "/api/jobs/nightly/run", Roles.Rep, "403");
        data.Add("POST", "/api/jobs/nightly/run", Roles.Analyst, "403");
        data.Add("POST", "/api/jobs/nightly/run", Anonymous, "401");
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Route_answers_the_designed_status(string method, string path, string role, string expected)
    {
        using var client = role == Anonymous ? server.Anonymous() : server.WithToken(role);
        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        Assert.Equal(expected, ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Jobs_ShowTheScheduleAndTheNextRunByTheCron()
    {
        using var client = server.WithToken(Roles.Analyst);
        var status = await client.GetFromJsonAsync<JobsStatus>("/api/jobs");

        Assert.Equal(ServerSettings.DefaultSchedule, status!.Schedule);
        Assert.False(status.SchedulerOn);
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 2, 30, 0, TimeSpan.Zero), status.NextRunUtc);
        Assert.Equal([NightlyJob.SnapshotStep, NightlyJob.SweepStep], status.Jobs.Select(j => j.Job));

        using var browser = await server.SignedIn(Roles.Analyst);
        var home = await browser.GetStringAsync("/");
        Assert.Contains("data-testid=\"jobs\"", home, StringComparison.Ordinal);
        Assert.Contains("<strong data-testid=\"next-run\">2026-07-01 02:30 UTC</strong>", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunNow_AsAManager_RunsTheJobOnceForToday()
    {
        using var manager = server.WithToken(Roles.Manager);

        var started = await manager.PostAsync("/api/jobs/nightly/run", null);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var done = await Finished(manager);
        Assert.All(done.Jobs, j => Assert.Equal((JobOutcomes.Succeeded, WebServer.Today), (j.LastRun!.Outcome, j.LastRun.AsOf)));

        // Again the same day: accepted, and nothing is repeated.
        Assert.Equal(HttpStatusCode.Accepted, (await manager.PostAsync("/api/jobs/nightly/run", null)).StatusCode);
        await Finished(manager);
        using (var db = server.Location.Open())
        {
            Assert.Equal(2, db.JobRuns.Count());
        }

        using var browser = await server.SignedIn(Roles.Rep);
        var home = await browser.GetStringAsync("/");
        Assert.Contains("data-job=\"snapshot\"", home, StringComparison.Ordinal);
        Assert.Contains(done.Jobs[0].LastRun!.Message, WebUtility.HtmlDecode(home), StringComparison.Ordinal);
        Assert.Equal(2, home.Split("data-testid=\"job-outcome\">succeeded<").Length - 1);
    }

    private static async Task<JobsStatus> Finished(HttpClient client)
    {
        for (var i = 0; i < 600; i++)
        {
            var status = (await client.GetFromJsonAsync<JobsStatus>("/api/jobs"))!;
            if (!status.Running)
            {
                return status;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("the run did not finish within a minute");
    }
}
