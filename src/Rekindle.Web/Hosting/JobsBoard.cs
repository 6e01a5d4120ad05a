using Microsoft.EntityFrameworkCore;
using Rekindle.Storage;
using Rekindle.Web.Api;

namespace Rekindle.Web.Hosting;

/// <summary>What the jobs panel and /api/jobs show: the schedule, the next run by the cron, and each step's latest try.</summary>
public sealed class JobsBoard(WorkspaceDb db, ServerSettings settings, JobSchedule schedule, NightlyJob job, TimeProvider clock)
{
    public JobsStatus Status()
    {
        var latest = NightlyJob.Steps.Select(step => new JobStatus(step, db.JobRuns.AsNoTracking()
                .Where(r => r.Job == step).OrderByDescending(r => r.Id).Take(1)
                .Select(r => new JobRunView(r.Job, r.AsOf, r.StartedAtUtc, r.FinishedAtUtc, r.Outcome, r.Attempt, r.Message))
                .FirstOrDefault()))
            .ToList();
        return new JobsStatus(schedule.Expression, settings.RunScheduler, schedule.NextAfter(clock.GetUtcNow()), job.IsRunning, latest);
    }
}
