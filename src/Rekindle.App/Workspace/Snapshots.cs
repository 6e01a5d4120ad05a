using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rekindle.Lifecycle;
using Rekindle.Storage;

namespace Rekindle.App.Workspace;

/// <summary>What saving a snapshot did: the snapshot, the transitions against the previous one, or why it was refused.</summary>
public sealed record SnapshotSaved(ClassificationSnapshot? Snapshot, int Transitions, DateOnly? Previous, bool Replaced, string? Refusal)
{
    public bool Refused => Refusal is not null;
}

/// <summary>
/// Saved classifications: <c>classify --save</c> stores every account's status, key flag, cycle and reasons as of a
/// date with the policy version used, and each status change against the previous saved snapshot (the latest one
/// dated before it). Snapshots are saved in date order: saving again for the latest date replaces it; a date before
/// the latest saved one is refused, as it would rewrite the history later snapshots were compared with.
/// </summary>
public sealed class Snapshots(WorkspaceDb db, TimeProvider clock)
{
    public SnapshotSaved Save(BookClassification result, int? policyNumber, string savedBy)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (result.AsOf > today)
        {
            // Snapshots are saved in date order: one dated in the future would refuse every later save.
            return new SnapshotSaved(null, 0, null, false,
                $"{Iso(result.AsOf)} is after today ({Iso(today)}): a snapshot is saved as of today or earlier");
        }

        using var transaction = db.Database.BeginTransaction();
        var latest = db.Snapshots.AsNoTracking().OrderByDescending(s => s.AsOf).FirstOrDefault();
        if (latest is not null && latest.AsOf > result.AsOf)
        {
            return new SnapshotSaved(null, 0, null, false,
                $"a snapshot as of {Iso(latest.AsOf)} is already saved: snapshots are saved in date order (use --as-of {Iso(latest.AsOf)} or later)");
        }

        var replaced = latest is not null && latest.AsOf == result.AsOf;
        if (replaced)
        {
            db.Snapshots.Where(s => s.Id == latest!.Id).ExecuteDelete();
        }

        var previous = db.Snapshots.AsNoTracking().Where(s => s.AsOf < result.AsOf).OrderByDescending(s => s.AsOf).FirstOrDefault();
        var before = previous is null
            ? new Dictionary<string, LifecycleStatus>()
            : db.SnapshotAccounts.AsNoTracking().Where(a => a.SnapshotId == previous.Id)
                .Select(a => new { a.AccountId, a.Status })
                .ToDictionary(a => a.AccountId, a => a.Status, StringComparer.Ordinal);

        var now = clock.GetUtcNow().UtcDateTime;
        var snapshot = new ClassificationSnapshot
        {
            AsOf = result.AsOf,
            PolicyVersionId = result.PolicyVersion,
            PolicyNumber = policyNumber,
            SavedAtUtc = now,
            SavedBy = savedBy,
            Accounts = result.Summary.Accounts,
            CompanyCycleDays = result.CompanyCycle.Days,
        };
        db.Snapshots.Add(snapshot);
        db.SaveChanges();

        var transitions = 0;
        using (var rows = new BulkTable<SnapshotAccount>(db))
        using (var changes = new BulkTable<StatusChange>(db))
        {
            var asOf = result.AsOf.DayNumber;
            for (var a = 0; a < result.Accounts.Count; a++)
            {
                var c = result.Accounts[a];
                if (!c.Exists)
                {
                    continue;
                }

                var id = result.Book.Accounts[a].Id;
                rows.Insert(new SnapshotAccount
                {
                    SnapshotId = snapshot.Id,
                    AccountId = id,
                    Status = c.Status,
                    Key = c.Key,
                    CycleDays = c.CycleDays,
                    CycleBasis = c.CycleBasis,
                    DaysSinceLastOrder = c.DaysSinceLastOrder(asOf),
                    Revenue12m = Money.Round(c.Measures.RevenueInWindow),
                    Reasons = result.ReasonsOf(a),
                });
                if (previous is null)
                {
                    continue;
                }

                var had = before.TryGetValue(id, out var old);
                if (!had || old != c.Status)
                {
                    transitions++;
                    changes.Insert(new StatusChange
                    {
                        SnapshotId = snapshot.Id,
                        AccountId = id,
                        FromDate = previous.AsOf,
                        ToDate = result.AsOf,
                        Before = had ? old : null,
                        After = c.Status,
                    });
                }
            }

            rows.Flush();
            changes.Flush();
        }

        db.AuditLog.Add(new AuditEntry
        {
            AtUtc = now,
            Actor = savedBy,
            Action = replaced ? "snapshot.replace" : "snapshot.save",
            Entity = "snapshots",
            EntityId = snapshot.Id.ToString(CultureInfo.InvariantCulture),
            Details = $"as of {Iso(result.AsOf)}, policy {result.PolicyVersion}{(policyNumber is { } n ? $" (version {n})" : " (built-in defaults)")}, {snapshot.Accounts} accounts, {transitions} transitions since {(previous is null ? "(none)" : Iso(previous.AsOf))}",
        });
        db.SaveChanges();
        transaction.Commit();
        db.ChangeTracker.Clear();
        db.RefreshStatistics();
        return new SnapshotSaved(snapshot, transitions, previous?.AsOf, replaced, null);
    }

    /// <summary>Every saved snapshot's date, newest first.</summary>
    public IReadOnlyList<ClassificationSnapshot> List() => db.Snapshots.AsNoTracking().OrderByDescending(s => s.AsOf).ToList();

    /// <summary>
    /// Deletes the snapshot as of <paramref name="asOf"/> with its account rows and the status changes saved with it,
    /// and records who did it in the audit log. Returns the refusal when there is no such snapshot.
    /// </summary>
    public string? Delete(DateOnly asOf, string deletedBy, string reason)
    {
        using var transaction = db.Database.BeginTransaction();
        var snapshot = db.Snapshots.AsNoTracking().FirstOrDefault(s => s.AsOf == asOf);
        if (snapshot is null)
        {
            return $"no snapshot as of {Iso(asOf)} is saved";
        }

        db.StatusChanges.Where(c => c.SnapshotId == snapshot.Id).ExecuteDelete();
        db.SnapshotAccounts.Where(a => a.SnapshotId == snapshot.Id).ExecuteDelete();
        db.Snapshots.Where(s => s.Id == snapshot.Id).ExecuteDelete();
        db.AuditLog.Add(new AuditEntry
        {
            AtUtc = clock.GetUtcNow().UtcDateTime,
            Actor = deletedBy,
            Action = "snapshot.delete",
            Entity = "snapshots",
            EntityId = snapshot.Id.ToString(CultureInfo.InvariantCulture),
            Details = $"as of {Iso(asOf)}, policy {snapshot.PolicyVersionId}, {snapshot.Accounts} accounts: {reason}",
        });
        db.SaveChanges();
        transaction.Commit();
        db.ChangeTracker.Clear();
        return null;
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
