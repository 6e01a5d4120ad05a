using Rekindle.Storage;

namespace Rekindle.Web.Hosting;

/// <summary>How <c>rekindle serve</c> runs: which workspace, where it listens, and when the nightly jobs run.</summary>
public sealed record ServerSettings
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>Every night at 02:30 UTC: the snapshot, then the pool sweep.</summary>
    public const string DefaultSchedule = "30 2 * * *";

    public required WorkspaceLocation Workspace { get; init; }
    public string Urls { get; init; } = DefaultUrls;

    /// <summary>A cron expression (five fields, UTC) for the nightly classification snapshot and pool sweep.</summary>
    public string Schedule { get; init; } = DefaultSchedule;

    /// <summary>False in tests that drive the jobs themselves.</summary>
    public bool RunScheduler { get; init; } = true;
}
