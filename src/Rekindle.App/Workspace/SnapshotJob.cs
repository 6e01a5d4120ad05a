using Rekindle.Lifecycle;
using Rekindle.Storage;

namespace Rekindle.App.Workspace;

/// <summary>
/// Classifies the workspace's whole book as of a date under its current policy and saves the snapshot: what the
/// nightly job and <c>serve --demo</c> do, and what <c>classify --save</c> does from the command line.
/// </summary>
public sealed class SnapshotJob(WorkspaceDb db, TimeProvider clock)
{
    public SnapshotSaved Run(DateOnly asOf, string savedBy)
    {
        var (policy, number) = new WorkspacePolicies(db, clock).CurrentPolicy();
        var loaded = WorkspaceBook.Load(db);
        var result = LifecycleEngine.Classify(loaded.Book, policy, asOf);
        return new Snapshots(db, clock).Save(result, number, savedBy);
    }
}
