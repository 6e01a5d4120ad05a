using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Rekindle.Web.Hosting;

/// <summary>
/// Runs <see cref="NightlyJob"/> as of <see cref="WebClock.Today"/> at each time of the <see cref="JobSchedule"/>.
/// It only waits: the time comes from the injected <see cref="TimeProvider"/> (tests drive it with a fake one), and
/// what a run does, records and retries is the job's.
/// </summary>
public sealed class NightlyScheduler(NightlyJob job, JobSchedule schedule, WebClock clock, ILogger<NightlyScheduler> logger) : BackgroundService
{
    /// <summary>Task.Delay takes at most about 49 days; a longer wait is taken in steps of this.</summary>
    private static readonly TimeSpan LongestWait = TimeSpan.FromDays(1);

    private long waitingUntilTicks;

    /// <summary>
    /// The scheduled time the scheduler is waiting for now, set once its timer is armed; null before it starts waiting,
    /// or between runs.
    /// </summary>
    public DateTimeOffset? WaitingUntil
    {
        get
        {
            var ticks = Interlocked.Read(ref waitingUntilTicks);
            return ticks == 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            if (schedule.NextAfter(clock.Provider.GetUtcNow()) is not { } due)
            {
                logger.LogWarning("The schedule '{Schedule}' names no further time: the nightly job will not run again", schedule.Expression);
                return;
            }

            logger.LogInformation("Nightly job: next run at {Due}", due.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) + " UTC");
            await WaitUntil(due, stoppingToken);
            Interlocked.Exchange(ref waitingUntilTicks, 0);
            try
            {
                var result = await job.RunAsync(clock.Today, "scheduler", stoppingToken);
                if (result.Failed)
                {
                    logger.LogError("Nightly job as of {AsOf} failed after its retries: {Steps}", NightlyJob.Iso(result.AsOf), string.Join("; ", result.Steps.Select(s => $"{s.Job} {s.Outcome}: {s.Message}")));
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Recording the run failed too (the database is away): the next scheduled time tries again.
                logger.LogError(e, "Nightly job as of {AsOf} could not run", NightlyJob.Iso(clock.Today));
            }
        }
    }

    private async Task WaitUntil(DateTimeOffset due, CancellationToken stoppingToken)
    {
        for (var left = due - clock.Provider.GetUtcNow(); left > TimeSpan.Zero; left = due - clock.Provider.GetUtcNow())
        {
            // The timer is armed before the wait is published, so whoever sees WaitingUntil (a test moving a fake
            // clock) knows the timer counts from a time no later than the one it moves from.
            var delay = Task.Delay(left < LongestWait ? left : LongestWait, clock.Provider, stoppingToken);
            Interlocked.Exchange(ref waitingUntilTicks, due.UtcTicks);
            await delay;
        }
    }
}
