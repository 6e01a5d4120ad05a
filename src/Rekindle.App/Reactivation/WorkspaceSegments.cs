using Rekindle.App.Workspace;
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
    /// segment filter of the account list), not to name each account's favourite lapsed product. With a
    /// <paramref name="cache"/> (the web app's), the classification is shared with every other view of the same date,
    /// policy and data instead of loading and classifying the whole book per call.
    /// </summary>
    public static WorkspaceSegmentation Segment(WorkspaceDb db, Policy policy, DateOnly asOf, bool withOrderLines = true, ClassifiedBookCache? cache = null)
    {
        var (classified, currency) = (cache ?? new ClassifiedBookCache()).Get(db, policy, asOf);
        var directory = WorkspaceDirectory.Load(db, withOrderLines);
        var segmented = Segmentation.Segment(classified, directory);
        return new WorkspaceSegmentation(segmented, directory, currency, classified.Book.AccountCount);
    }
}
