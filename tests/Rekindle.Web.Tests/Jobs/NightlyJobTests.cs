using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Rekindle.Storage;
using Rekindle.Web.Hosting;

namespace Rekindle.Web.Tests.Jobs;

/// <summary>
/// The nightly job run once for a date, without a timer: what it records, that a failed step is retried and never
/// half written (failures injected by SQLite triggers in the middle of a step's writes), and that a date already
/// done is not run again.
/// </summary>
public sealed class NightlyJobTests(JobWorkspaces workspaces) : IClassFixture<JobWorkspaces>
{
    private static readonly DateOnly Today = JobWorkspaces.Today;
    private readonly FakeTimeProvider clock = new(JobWorkspaces.Start(Today));
    private readonly ListLogger<NightlyJob> log = new();

    [Fact]
    public void RetryPolicy_defaults_are_three_tries_five_minutes_apart()
    {
        var policy = new RetryPolicy();
        Assert.Equal(3, policy.MaxAttempts);
        Assert.Equal(TimeSpan.FromMinutes(5), policy.Delay);
    }

    [Fact]
    public async Task Run_OnANewDate_RecordsBothStepsSucceededWithTheSnapshotSavedAndTheSweepApplied()
    {
        var workspace = workspaces.Fresh();

        var result = await Job(workspace).RunAsync(Today, "test", CancellationToken.None);

        Assert.False(result.Failed);
        Assert.Equal([(NightlyJob.SnapshotStep, JobOutcomes.Succeeded), (NightlyJob.SweepStep, JobOutcomes.Succeeded)], result.Steps.Select(s => (s.Job, s.Outcome)));
        using var db = workspace.Open();
        var runs = db.JobRuns.AsNoTracking().OrderBy(r => r.Id).ToList();
        Assert.Equal([NightlyJob.SnapshotStep, NightlyJob.SweepStep], runs.Select(r => r.Job));
        Assert.All(runs, r =>
        {
            Assert.Equal(JobOutcomes.Succeeded, r.Outcome);
            Assert.Equal(Today, r.AsOf);
            Assert.Equal(1, r.Attempt);
            Assert.Equal(JobWorkspaces.Start(Today).UtcDateTime, r.FinishedAtUtc);
        });
        var snapshot = Assert.Single(db.Snapshots.AsNoTracking());
        Assert.Equal(Today, snapshot.AsOf);
        Assert.Equal(snapshot.Accounts, db.SnapshotAccounts.Count());
        Assert.Contains($"{snapshot.Accounts:N0} accounts classified", runs[0].Message, StringComparison.Ordinal);
        Assert.Contains(db.PoolEvents.AsNoTracking(), e => e.OccurredOn == Today);
        Assert.True(db.LedgerLines.Any(), "the sweep posts booked orders to the ledger");
    }

    [Fact]
    public async Task Run_ForADateAlreadyDone_IsSkippedEvenByANewServer()
    {
        var workspace = workspaces.Fresh();
        await Job(workspace).RunAsync(Today, "test", CancellationToken.None);
        var (runs, snapshotSaved, events) = Counts(workspace);

        clock.Advance(TimeSpan.FromHours(1));
        var again = await Job(workspace).RunAsync(Today, "restarted", CancellationToken.None);

        Assert.All(again.Steps, s => Assert.Equal(JobOutcomes.Skipped, s.Outcome));
        Assert.All(again.Steps, s => Assert.StartsWith("already done for 2026-06-30", s.Message, StringComparison.Ordinal));
        Assert.Equal((runs, snapshotSaved, events), Counts(workspace));
    }

    [Fact]
    public async Task Run_WhenTheSnapshotFailsEveryTry_RecordsEachTryFailedLogsItAndWritesNoSnapshotNorSweep()
    {
        var workspace = workspaces.Fresh();
        FailInserts(workspace, "audit_log", onlyFirstTry: false); // the snapshot's last write, after its rows
        var retry = new RetryPolicy();

        var result = await Drive(Job(workspace, retry).RunAsync(Today, "test", CancellationToken.None));

        Assert.True(result.Failed);
        Assert.Equal((NightlyJob.SweepStep, JobOutcomes.Skipped), (result.Steps[1].Job, result.Steps[1].Outcome));
        using var db = workspace.Open();
        var runs = db.JobRuns.AsNoTracking().OrderBy(r => r.Id).ToList();
        Assert.Equal([1, 2, 3], runs.Select(r => r.Attempt));
        Assert.All(runs, r =>
        {
            Assert.Equal((NightlyJob.SnapshotStep, JobOutcomes.Failed), (r.Job, r.Outcome));
            Assert.Contains("injected failure", r.Message, StringComparison.Ordinal);
        });
        for (var i = 1; i < runs.Count; i++)
        {
            Assert.True(runs[i].StartedAtUtc - runs[i - 1].FinishedAtUtc!.Value >= retry.Delay, "a retry waits the policy's delay");
        }

        Assert.Empty(db.Snapshots);
        Assert.Empty(db.SnapshotAccounts);
        Assert.Empty(db.StatusChanges);
        Assert.Empty(db.PoolEvents);
        Assert.Equal(3, log.Entries.Count(e => e.Level == LogLevel.Error && e.Message.Contains("snapshot", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Run_WhenTheSnapshotFailsOnce_SucceedsOnTheRetry()
    {
        var workspace = workspaces.Fresh();
        FailInserts(workspace, "audit_log", onlyFirstTry: true);

        var result = await Drive(Job(workspace).RunAsync(Today, "test", CancellationToken.None));

        Assert.False(result.Failed);
        Assert.Equal(2, result.Steps[0].Attempts);
        using var db = workspace.Open();
        Assert.Equal(
            [(NightlyJob.SnapshotStep, 1, JobOutcomes.Failed), (NightlyJob.SnapshotStep, 2, JobOutcomes.Succeeded), (NightlyJob.SweepStep, 1, JobOutcomes.Succeeded)],
            db.JobRuns.AsNoTracking().OrderBy(r => r.Id).AsEnumerable().Select(r => (r.Job, r.Attempt, r.Outcome)));
        Assert.Single(db.Snapshots);
    }

    [Fact]
    public async Task Run_WhenTheSweepFails_KeepsTheSnapshotAndWritesNothingOfTheSweep()
    {
        var workspace = workspaces.Fresh();
        Ownerships before;
        using (var db = workspace.Open())
        {
            before = Ownerships.Of(db);
        }

        FailInserts(workspace, "pool_events", onlyFirstTry: false); // written with the sweep's ledger lines and ownership changes

        var result = await Drive(Job(workspace, new RetryPolicy { MaxAttempts = 2 }).RunAsync(Today, "test", CancellationToken.None));

        Assert.Equal([JobOutcomes.Succeeded, JobOutcomes.Failed], result.Steps.Select(s => s.Outcome));
        using (var db = workspace.Open())
        {
            Assert.Single(db.Snapshots);
            Assert.Empty(db.PoolEvents);
            Assert.Empty(db.LedgerLines);
            Assert.Empty(db.PoolReleases);
            Assert.Equal(before, Ownerships.Of(db));
            Assert.Equal(2, db.JobRuns.Count(r => r.Job == NightlyJob.SweepStep && r.Outcome == JobOutcomes.Failed));
        }

        // Fixed, the next run does only what is left: the sweep.
        JobWorkspaces.Execute(workspace, "DROP TRIGGER inject_failure");
        var next = await Job(workspace).RunAsync(Today, "test", CancellationToken.None);
        Assert.Equal([JobOutcomes.Skipped, JobOutcomes.Succeeded], next.Steps.Select(s => s.Outcome));
    }

    [Fact]
    public async Task Run_AfterAServerStoppedMidRun_MarksThatRunInterrupted()
    {
        var workspace = workspaces.Fresh();
        using (var db = workspace.Open())
        {
            db.JobRuns.Add(new JobRun { Job = NightlyJob.SnapshotStep, AsOf = Today, Outcome = JobOutcomes.Running, Attempt = 1, StartedAtUtc = JobWorkspaces.Start(Today).UtcDateTime });
            db.SaveChanges();
        }

        await Job(workspace).RunAsync(Today, "test", CancellationToken.None);

        using var check = workspace.Open();
        var first = check.JobRuns.AsNoTracking().OrderBy(r => r.Id).First();
        Assert.Equal(JobOutcomes.Failed, first.Outcome);
        Assert.StartsWith("interrupted", first.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryStart_WhileARunIsGoing_IsRefused()
    {
        var workspace = workspaces.Fresh();
        FailInserts(workspace, "audit_log", onlyFirstTry: false);
        var job = Job(workspace);

        Assert.True(job.TryStart(Today, "first", CancellationToken.None));
        Assert.True(job.IsRunning);
        Assert.False(job.TryStart(Today, "second", CancellationToken.None));
    }

    private NightlyJob Job(WorkspaceLocation workspace, RetryPolicy? retry = null) => new(workspace, clock, retry ?? new RetryPolicy(), log);

    /// <summary>Moves the fake clock on a minute at a time until the run (waiting between tries) ends.</summary>
    private async Task<T> Drive<T>(Task<T> run)
    {
        for (var i = 0; i < 600 && !run.IsCompleted; i++)
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            await Task.WhenAny(run, Task.Delay(10));
        }

        return await run;
    }

    /// <summary>Makes every insert into the table fail (or only while no try has failed yet): a failure in the middle of a step.</summary>
    private static void FailInserts(WorkspaceLocation workspace, string table, bool onlyFirstTry) =>
        JobWorkspaces.Execute(workspace, $"""
            CREATE TRIGGER inject_failure BEFORE INSERT ON {table}
            {(onlyFirstTry ? "WHEN NOT EXISTS (SELECT 1 FROM job_runs WHERE outcome = 'failed')" : "")}
            BEGIN SELECT RAISE(ABORT, 'injected failure'); END
            """);

    private static (int Runs, DateTime? SnapshotSaved, int Events) Counts(WorkspaceLocation workspace)
    {
        using var db = workspace.Open();
        return (db.JobRuns.Count(), db.Snapshots.AsNoTracking().Select(s => (DateTime?)s.SavedAtUtc).FirstOrDefault(), db.PoolEvents.Count());
    }

    private sealed record Ownerships(int Rows, int Open, string Owners)
    {
        public static Ownerships Of(WorkspaceDb db) => new(
            db.Ownerships.Count(),
            db.Ownerships.Count(o => o.ToDate == null),
            string.Join(",", db.Accounts.AsNoTracking().OrderBy(a => a.AccountId).Select(a => a.OwnerRepId ?? "-")));
    }
}
