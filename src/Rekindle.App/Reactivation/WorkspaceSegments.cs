using Rekindle.App.Workspace;
using Rekindle.Lifecycle;
using Rekindle.Policies;
using Rekindle.Reactivation;
using Rekindle.Storage;

namespace Rekindle.App.Reactivation;

/// <summary>The workspace's lapsed accounts segmented as of a date, the directory behind them and the reporting currency.</summary>
public sealed record WorkspaceSegmentation(SegmentedBook Segmented, ReactivationDirectory Directory, string Currency, int Accounts);

/// <summary>
/// Segments the workspace's book as <c>rekindle segments</c>, <c>campaign plan</c> and the dashboard do: classify the
/// whole book as of the date under the given policy, then place each lapsed account on the three axes.
/// </summary>
public static class WorkspaceSegments
{
    /// <summary>
    /// Without <paramref name="withOrderLines"/> the directory holds contacts and reps only: enough to segment (the API's
    /// segment filter of the account list), not to name each account's favourite lapsed product.
    /// </summary>
    public static WorkspaceSegmentation Segment(WorkspaceDb db, Policy policy, DateOnly asOf, bool withOrderLines = true)
    {
        var loaded = WorkspaceBook.Load(db);
        var directory = WorkspaceDirectory.Load(db, withOrderLines);
        var segmented = Segmentation.Segment(LifecycleEngine.Classify(loaded.Book, policy, asOf), directory);
        return new WorkspaceSegmentation(segmented, directory, loaded.Currency, loaded.Book.AccountCount);
    }
}
