using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Rekindle.Web.Auth;
using Rekindle.Web.Hosting;

namespace Rekindle.Web.Api;

/// <summary>The latest try of one job: for which date, when, how it ended and what it said.</summary>
public sealed record JobRunView(string Job, DateOnly AsOf, DateTime StartedAtUtc, DateTime? FinishedAtUtc, string Outcome, int Attempt, string Message);

/// <summary>The scheduled jobs: the schedule, the next run, whether a run is going, and each job's latest try (null when it never ran).</summary>
public sealed record JobsStatus(string Schedule, bool SchedulerOn, DateTimeOffset? NextRunUtc, bool Running, IReadOnlyList<JobStatus> Jobs);

/// <summary>One job and its latest try.</summary>
public sealed record JobStatus(string Job, JobRunView? LastRun);

/// <summary>/api/jobs: the nightly job's runs for everyone signed in; "run now" for managers.</summary>
public static class JobsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var jobs = api.MapGroup("/jobs").WithTags("Jobs");
        jobs.MapGet("", (JobsBoard board) => board.Status())
            .WithSummary("The nightly job (classification snapshot, then pool sweep): schedule, next run, and each step's latest run and outcome");
        jobs.MapPost("/nightly/run", RunNow).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Can.Manage)
            .WithSummary("Run the nightly job now as of today, in the background (managers); steps already done for today are not repeated");
    }

    internal static Results<Accepted<JobsStatus>, ProblemHttpResult> RunNow(
        ClaimsPrincipal user, NightlyJob job, WebClock clock, JobsBoard board, IHostApplicationLifetime lifetime)
    {
        if (!job.TryStart(clock.Today, $"run now by {user.Email()}", lifetime.ApplicationStopping))
        {
            return TypedResults.Problem(title: "A run is already going", detail: "the nightly job is running: wait for it to finish (GET /api/jobs)", statusCode: StatusCodes.Status409Conflict);
        }

        return TypedResults.Accepted("/api/jobs", board.Status());
    }
}
