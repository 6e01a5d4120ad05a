using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rekindle.App.Csv;
using Rekindle.App.Workspace;
using Rekindle.Storage;
using Rekindle.Web.Api;

namespace Rekindle.Web.Hosting;

/// <summary>An import run in the background: its state, where it is (file, rows done of about how many), and its outcome.</summary>
public sealed record ImportJobView(
    string Id, string State, string Source, DateTime QueuedAtUtc, DateTime? FinishedAtUtc, string? File, long Done, long Total,
    ImportResponse? Report, int ErrorCount, IReadOnlyList<ImportErrorItem> Errors);

/// <summary>
/// Imports as background jobs (<c>POST /api/import?background=true</c>): the request only unpacks the upload and
/// queues it; one import runs at a time, with its progress kept here for <c>GET /api/import/jobs/{id}</c>, and its start and end recorded in <c>job_runs</c> (job "import"). Progress stays in memory: an import holds
/// the workspace's write lock for its whole transaction, so no progress row could be written while it runs.
/// </summary>
public sealed class ImportJobs(IServiceScopeFactory scopes, WebClock clock, ILogger<ImportJobs> log) : BackgroundService
{
    /// <summary>The job name in job_runs.</summary>
    public const string Job = "import";

    private readonly Channel<Work> queue = Channel.CreateUnbounded<Work>();
    private readonly ConcurrentDictionary<string, Work> jobs = new(StringComparer.Ordinal);

    /// <summary>Queues an unpacked upload (the folder is deleted when the job ends).</summary>
    public ImportJobView Enqueue(string folder, ImportFormat format, ImportOptions options, string source)
    {
        var work = new Work(Guid.NewGuid().ToString("N")[..12], folder, format, options, source, clock.Provider.GetUtcNow().UtcDateTime);
        jobs[work.Id] = work;
        queue.Writer.TryWrite(work);
        return work.View();
    }

    public ImportJobView? Find(string id) => jobs.TryGetValue(id, out var work) ? work.View() : null;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var work in queue.Reader.ReadAllAsync(stoppingToken))
        {
            await Task.Run(() => Run(work, stoppingToken), stoppingToken);
        }
    }

    private void Run(Work work, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkspaceDb>();
        var run = new JobRun { Job = Job, AsOf = clock.Today, StartedAtUtc = clock.Provider.GetUtcNow().UtcDateTime, Outcome = "running", Attempt = 1, Message = $"{work.Source} import {work.Id}" };
        db.JobRuns.Add(run);
        db.SaveChanges();
        work.State = "running";
        try
        {
            var report = new WorkspaceImporter(db, clock.Provider).Import(work.Format, work.Folder, work.Options with { Progress = p => work.Progress = p }, cancellationToken);
            work.Report = ImportApi.Response(report, work.Folder);
            work.State = "succeeded";
            run.Message = $"{work.Source} import {work.Id}: {report.Rows:#,0} rows, {report.Inserted:#,0} new, {report.Updated:#,0} changed";
        }
        catch (InputException e)
        {
            work.ErrorCount = e.Errors.Count;
            work.Errors = [.. e.Errors.Kept.Select(x => new ImportErrorItem(x.File, x.Line, x.Column, x.Value, x.Reason.Replace(work.Folder, "the upload", StringComparison.Ordinal)))];
            work.State = "failed";
            run.Message = $"{work.Source} import {work.Id}: refused, {e.Errors.Count} error(s); nothing was written";
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Import {Id} failed", work.Id);
            work.State = "failed";
            run.Message = $"{work.Source} import {work.Id}: failed ({e.GetType().Name}); nothing was written";
        }
        finally
        {
            work.FinishedAtUtc = clock.Provider.GetUtcNow().UtcDateTime;
            try
            {
                Directory.Delete(work.Folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }

        db.ChangeTracker.Clear();
        db.JobRuns.Attach(run);
        run.Outcome = work.State == "succeeded" ? "succeeded" : "failed";
        run.FinishedAtUtc = work.FinishedAtUtc;
        db.Entry(run).Property(r => r.Outcome).IsModified = true;
        db.Entry(run).Property(r => r.FinishedAtUtc).IsModified = true;
        db.Entry(run).Property(r => r.Message).IsModified = true;
        db.SaveChanges();
    }

    private sealed class Work(string id, string folder, ImportFormat format, ImportOptions options, string source, DateTime queuedAtUtc)
    {
        public string Id { get; } = id;
        public string Folder { get; } = folder;
        public ImportFormat Format { get; } = format;
        public ImportOptions Options { get; } = options;
        public string Source { get; } = source;
        public volatile string State = "queued";
        public ImportProgress Progress { get; set; }
        public ImportResponse? Report { get; set; }
        public int ErrorCount { get; set; }
        public IReadOnlyList<ImportErrorItem> Errors { get; set; } = [];
        public DateTime? FinishedAtUtc { get; set; }

        public ImportJobView View() => new(
            Id, State, Source, queuedAtUtc, FinishedAtUtc, Progress.File, Progress.Done, Progress.Total, Report, ErrorCount, Errors);
    }
}
