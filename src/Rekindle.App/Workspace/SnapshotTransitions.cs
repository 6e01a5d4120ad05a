using Microsoft.EntityFrameworkCore;
using Rekindle.Lifecycle;
using Rekindle.Storage;

namespace Rekindle.App.Workspace;

/// <summary>
/// Accounts by (status in the earlier snapshot, status in the later one). An account absent from the earlier
/// snapshot (not yet created then) is counted in <see cref="Appeared"/> by its later status; one absent from the
/// later snapshot is not counted.
/// </summary>
public sealed record SnapshotTransitionMatrix(ClassificationSnapshot From, ClassificationSnapshot To, int[,] Counts, int[] Appeared)
{
    public int this[LifecycleStatus before, LifecycleStatus after] => Counts[(int)before, (int)after];

    /// <summary>Accounts whose status differs between the two snapshots (new accounts not included).</summary>
    public int Changed
    {
        get
        {
            var changed = 0;
            for (var i = 0; i < Counts.GetLength(0); i++)
            {
                for (var j = 0; j < Counts.GetLength(1); j++)
                {
                    changed += i == j ? 0 : Counts[i, j];
                }
            }

            return changed;
        }
    }
}

/// <summary>Transition matrices between saved snapshots: what moved from each status to each other one.</summary>
public sealed class SnapshotTransitions(WorkspaceDb db)
{
    /// <summary>The latest snapshot saved on or before <paramref name="date"/>, or null.</summary>
    public ClassificationSnapshot? OnOrBefore(DateOnly date) =>
        db.Snapshots.AsNoTracking().Where(s => s.AsOf <= date).OrderByDescending(s => s.AsOf).FirstOrDefault();

    /// <summary>The snapshot saved just before <paramref name="snapshot"/>, or null for the first.</summary>
    public ClassificationSnapshot? Before(ClassificationSnapshot snapshot) =>
        db.Snapshots.AsNoTracking().Where(s => s.AsOf < snapshot.AsOf).OrderByDescending(s => s.AsOf).FirstOrDefault();

    /// <summary>Counts every account of <paramref name="to"/> by its status in <paramref name="from"/> and in <paramref name="to"/>.</summary>
    public SnapshotTransitionMatrix Between(ClassificationSnapshot from, ClassificationSnapshot to)
    {
        var before = db.SnapshotAccounts.AsNoTracking().Where(r => r.SnapshotId == from.Id)
            .Select(r => new { r.AccountId, r.Status })
            .ToDictionary(r => r.AccountId, r => r.Status, StringComparer.Ordinal);
        var n = LifecycleStatusCodes.All.Count;
        var counts = new int[n, n];
        var appeared = new int[n];
        foreach (var r in db.SnapshotAccounts.AsNoTracking().Where(r => r.SnapshotId == to.Id).Select(r => new { r.AccountId, r.Status }))
        {
            if (before.TryGetValue(r.AccountId, out var was))
            {
                counts[(int)was, (int)r.Status]++;
            }
            else
            {
                appeared[(int)r.Status]++;
            }
        }

        return new SnapshotTransitionMatrix(from, to, counts, appeared);
    }
}
