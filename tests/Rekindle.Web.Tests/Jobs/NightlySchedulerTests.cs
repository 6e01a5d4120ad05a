using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Rekindle.Storage;
using Rekindle.Web.Hosting;

namespace Rekindle.Web.Tests.Jobs;

/// <summary>The scheduler runs the nightly job at the cron's time and not before, with time from a fake clock.</summary>
public sealed class NightlySchedulerTests(JobWorkspaces workspaces) : IClassFixture<JobWorkspaces>
{
    private static readonly DateTimeOffset Midnight = new(2026, 6, 30, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Due = Midnight.AddHours(2).AddMinutes(30);

    [Fact]
    public async Task Scheduler_RunsTheJobAtTheCronTime_NotAMinuteBefore_AndThenWaitsForTheNextNight()
    {
        var workspace = workspaces.Fresh();
        var clock = new FakeTimeProvider(Midnight);
        var job = new NightlyJob(workspace, clock, new RetryPolicy(), NullLogger<NightlyJob>.Instance);
        using var scheduler = new NightlyScheduler(job, new JobSchedule("30 2 * * *"), new WebClock(clock), NullLogger<NightlyScheduler>.Instance);
        await scheduler.StartAsync(CancellationToken.None);
        try
        {
            await Until(() => scheduler.WaitingUntil == Due);

            // A minute before: the only thing that could run the job is waiting on a timer due at 02:30.
            clock.Advance(Due.AddMinutes(-1) - clock.GetUtcNow());
            Assert.Equal(Due, scheduler.WaitingUntil);
            Assert.Empty(Runs(workspace));

            // At 02:30 it runs as of the day, then waits for the next night.
            clock.Advance(TimeSpan.FromMinutes(1));
            await Until(() => scheduler.WaitingUntil == Due.AddDays(1));
            var runs = Runs(workspace);
            Assert.Equal([(NightlyJob.SnapshotStep, JobOutcomes.Succeeded), (NightlyJob.SweepStep, JobOutcomes.Succeeded)], runs.Select(r => (r.Job, r.Outcome)));
            Assert.All(runs, r => Assert.Equal((new DateOnly(2026, 6, 30), Due.UtcDateTime), (r.AsOf, r.StartedAtUtc)));

            // A minute after: nothing more until tomorrow.
            clock.Advance(TimeSpan.FromMinutes(1));
            Assert.Equal(Due.AddDays(1), scheduler.WaitingUntil);
            Assert.Equal(2, Runs(workspace).Count);
        }
        finally
        {
            await scheduler.StopAsync(CancellationToken.None);
        }
    }

    [Theory]
    [InlineData("30 2 * * *", "2026-06-30T09:00:00Z", "2026-07-01T02:30:00Z")]
    [InlineData("30 2 * * *", "2026-06-30T02:29:00Z", "2026-06-30T02:30:00Z")]
    [InlineData("30 2 * * *", "2026-06-30T02:30:00Z", "2026-07-01T02:30:00Z")]
    [InlineData("0 3 * * 1", "2026-06-30T09:00:00Z", "2026-07-06T03:00:00Z")]
    public void NextAfter_IsTheFirstCronTimeStrictlyAfterNow_InUtc(string cron, string now, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            new JobSchedule(cron).NextAfter(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void JobSchedule_WithoutFiveFields_IsRefusedNamingTheExpression()
    {
        var e = Assert.Throws<ArgumentException>(() => new JobSchedule("every night"));
        Assert.Contains("'every night'", e.Message, StringComparison.Ordinal);
    }

    private static List<JobRun> Runs(WorkspaceLocation workspace)
    {
        using var db = workspace.CreateContext();
        return [.. db.JobRuns.AsNoTracking().OrderBy(r => r.Id)];
    }

    private static async Task Until(Func<bool> condition)
    {
        for (var i = 0; i < 600 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition(), "the scheduler did not get there within 30 seconds");
    }
}
