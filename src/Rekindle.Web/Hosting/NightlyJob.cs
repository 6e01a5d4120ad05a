using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Rekindle.App.Pool;
using Rekindle.App.Workspace;
using Rekindle.Storage;

namespace Rekindle.Web.Hosting;

/// <summary>How often a failed step of the nightly job is tried, and how long it waits between tries.</summary>
public sealed record RetryPolicy
{
    /// <summary>Three tries in all: one run and two retries.</summary>
    public const int DefaultMaxAttempts = 3;

    /// <summary>Five minutes between tries: long enough for a locked or restarting database to come back.</summary>
    public static readonly TimeSpan DefaultDelay = TimeSpan.FromMinutes(5);

    public int MaxAttempts { get; init; } = DefaultMaxAttempts;
    public TimeSpan Delay { get; init; } = DefaultDelay;
}

/// <summary>The outcomes a job run is recorded with (<see cref="JobRun.Outcome"/>).</summary>
public static class JobOutcomes
{
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";

    /// <summary>Not recorded: the step had already succeeded for the date, or an earlier step failed.</summary>
    public const string Skipped = "skipped";
}

/// <summary>How one step of a nightly run ended.</summary>
public sealed record StepResult(string Job, DateOnly AsOf, string Outcome, int Attempts, string Message);

/// <summary>How a nightly run ended: each step in order.</summary>
public sealed record NightlyResult(DateOnly AsOf, IReadOnlyList<StepResult> Steps)
{
    public bool Failed => Steps.Any(s => s.Outcome == JobOutcomes.Failed);
}

/// <summary>
/// The nightly job as of a date: the classification snapshot, then the pool sweep. Each step commits in one
/// transaction or not at all (<see cref="Snapshots.Save"/>, <see cref="PoolSweeper.Sweep"/>), and each try is recorded
/// in the job_runs table (running, then succeeded or failed with the message). A failed step is logged and tried again
/// after <see cref="RetryPolicy.Delay"/>, up to <see cref="RetryPolicy.MaxAttempts"/> tries; the sweep runs only after
/// the snapshot succeeded. A step that already succeeded for the date is not run again, so a restarted server or a
/// second "run now" repeats nothing. One run at a time: the scheduler waits its turn, "run now" is refused while a
/// run is going.
/// </summary>
public sealed class NightlyJob(WorkspaceLocation workspace, TimeProvider clock, RetryPolicy retry, ILogger<NightlyJob> logger) : IDisposable
{
    public const string SnapshotStep = "snapshot";
    public const string SweepStep = "pool-sweep";
    public const int MaxMessageLength = 2000;

    /// <summary>The steps, in the order they run.</summary>
    public static readonly IReadOnlyList<string> Steps = [SnapshotStep, SweepStep];

    private readonly SemaphoreSlim gate = new(1, 1);

    public bool IsRunning => gate.CurrentCount == 0;

    public void Dispose() => gate.Dispose();

    /// <summary>Runs the job as of <paramref name="asOf"/>, after any run already going.</summary>
    public async Task<NightlyResult> RunAsync(DateOnly asOf, string trigger, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await RunHeldAsync(asOf, trigger, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Starts a run in the background unless one is going; false when one is.</summary>
    public bool TryStart(DateOnly asOf, string trigger, CancellationToken cancellationToken)
    {
        if (!gate.Wait(0, CancellationToken.None))
        {
            return false;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                await RunHeldAsync(asOf, trigger, cancellationToken);
            }
            catch (Exception e)
            {
                logger.LogError(e, "The nightly job as of {AsOf} ({Trigger}) stopped", Iso(asOf), trigger);
            }
            finally
            {
                gate.Release();
            }
        }, CancellationToken.None);
        return true;
    }

    private async Task<NightlyResult> RunHeldAsync(DateOnly asOf, string trigger, CancellationToken cancellationToken)
    {
        CloseInterrupted();
        var snapshot = await StepAsync(SnapshotStep, asOf, db =>
        {
            var saved = new SnapshotJob(db, clock).Run(asOf, $"nightly job ({trigger})");
            if (saved.Refusal is { } refusal)
            {
                throw new StepRefusedException(refusal);
            }

            return $"{saved.Snapshot!.Accounts:N0} accounts classified; {saved.Transitions:N0} status changes since {(saved.Previous is { } p ? Iso(p) : "(no earlier snapshot)")}" +
                (saved.Replaced ? "; replaced the snapshot saved earlier for the date" : "");
        }, cancellationToken);
        if (snapshot.Outcome == JobOutcomes.Failed)
        {
            var skipped = new StepResult(SweepStep, asOf, JobOutcomes.Skipped, 0, "not run: the snapshot failed");
            logger.LogWarning("Nightly job as of {AsOf}: the pool sweep was not run because the snapshot failed", Iso(asOf));
            return new NightlyResult(asOf, [snapshot, skipped]);
        }


        var sweep = await StepAsync(SweepStep, asOf, db =>
        {
            var run = new PoolSweeper(db, clock).Sweep(asOf);
            var s = run.Sweep;
            return $"{s.Released.Count:N0} released to the pool, {s.Returned.Count:N0} claims returned, {s.Upcoming.Count:N0} owners' accounts warned; " +
                $"ledger: {run.Posting.OrdersBooked:N0} orders booked, {run.Posting.OrdersReversed:N0} reversed";
        }, cancellationToken);
        return new NightlyResult(asOf, [snapshot, sweep]);
    }

    private async Task<StepResult> StepAsync(string job, DateOnly asOf, Func<WorkspaceDb, string> work, CancellationToken cancellationToken)
    {
        if (SucceededBefore(job, asOf) is { } done)
        {
            logger.LogInformation("Nightly job: {Job} as of {AsOf} already succeeded; not run again", job, Iso(asOf));
            return new StepResult(job, asOf, JobOutcomes.Skipped, 0, $"already done for {Iso(asOf)}: {done.Message}");
        }

        for (var attempt = 1; ; attempt++)
        {
            var runId = Record(new JobRun { Job = job, AsOf = asOf, StartedAtUtc = Now(), Outcome = JobOutcomes.Running, Attempt = attempt });
            string? failure;
            var refused = false;
            try
            {
                string message;
                using (var db = workspace.CreateContext())
                {
                    message = work(db);
                }

                Finish(runId, JobOutcomes.Succeeded, message);
                logger.LogInformation("Nightly job: {Job} as of {AsOf} succeeded (try {Attempt}): {Message}", job, Iso(asOf), attempt, message);
                return new StepResult(job, asOf, JobOutcomes.Succeeded, attempt, message);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                refused = e is StepRefusedException;
                failure = refused ? $"refused: {e.Message}" : e.GetBaseException().Message;
                Finish(runId, JobOutcomes.Failed, failure);
                logger.LogError(e, "Nightly job: {Job} as of {AsOf} failed (try {Attempt} of {MaxAttempts})", job, Iso(asOf), attempt, retry.MaxAttempts);
            }

            if (refused || attempt >= retry.MaxAttempts)
            {
                return new StepResult(job, asOf, JobOutcomes.Failed, attempt, failure);
            }

            await Task.Delay(retry.Delay, clock, cancellationToken);
        }
    }

    private JobRun? SucceededBefore(string job, DateOnly asOf)
    {
        using var db = workspace.CreateContext();
        return db.JobRuns.AsNoTracking().Where(r => r.Job == job && r.AsOf == asOf && r.Outcome == JobOutcomes.Succeeded).OrderBy(r => r.Id).FirstOrDefault();
    }

    /// <summary>A run still marked running when no run is going was cut off (the server stopped): it failed.</summary>
    private void CloseInterrupted()
    {
        using var db = workspace.CreateContext();
        var now = Now();
        db.JobRuns.Where(r => r.Outcome == JobOutcomes.Running).ExecuteUpdate(s => s
            .SetProperty(r => r.Outcome, JobOutcomes.Failed)
            .SetProperty(r => r.FinishedAtUtc, now)
            .SetProperty(r => r.Message, "interrupted: the server stopped during this run"));
    }

    private long Record(JobRun run)
    {
        using var db = workspace.CreateContext();
        db.JobRuns.Add(run);
        db.SaveChanges();
        return run.Id;
    }

    private void Finish(long runId, string outcome, string message)
    {
        var text = message.Length > MaxMessageLength ? message[..(MaxMessageLength - 1)] + "…" : message;
        var now = Now();
        using var db = workspace.CreateContext();
        db.JobRuns.Where(r => r.Id == runId).ExecuteUpdate(s => s
            .SetProperty(r => r.Outcome, outcome)
            .SetProperty(r => r.FinishedAtUtc, now)
            .SetProperty(r => r.Message, text));
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;

    internal static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A step that refused to run (a later snapshot is saved): trying again cannot change that.</summary>
    private sealed class StepRefusedException(string message) : Exception(message);
}
