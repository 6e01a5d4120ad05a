using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rekindle.Storage;

namespace Rekindle.App.Workspace;

/// <summary>
/// The workspace's sales reps without a CSV folder: add one, list them (a file of reps imports with
/// <see cref="WorkspaceImporter"/> and <see cref="ImportFormat.Reps"/>). Workspaces imported from CDNOW or Online
/// Retail have no reps until one is added, and the pool needs reps to claim.
/// </summary>
public sealed class WorkspaceReps(WorkspaceDb db, TimeProvider clock)
{
    /// <summary>Every rep, by id.</summary>
    public IReadOnlyList<Rep> List() => [.. db.Reps.AsNoTracking().ToList().OrderBy(r => r.RepId, StringComparer.Ordinal)];

    /// <summary>Adds <paramref name="rep"/> and records it in the audit log; returns the refusal when the id is taken or a field is bad.</summary>
    public string? Add(Rep rep, string addedBy)
    {
        if (string.IsNullOrWhiteSpace(rep.RepId))
        {
            return "a rep needs an id";
        }

        if (rep.CommissionRate is < 0m or > 1m)
        {
            return $"the commission rate must be in [0, 1], got {rep.CommissionRate.ToString(CultureInfo.InvariantCulture)}";
        }

        using var transaction = db.Database.BeginTransaction();
        if (db.Reps.Any(r => r.RepId == rep.RepId))
        {
            return $"rep {rep.RepId} already exists (rekindle reps list)";
        }

        db.Reps.Add(rep);
        db.AuditLog.Add(new AuditEntry
        {
            AtUtc = clock.GetUtcNow().UtcDateTime,
            Actor = addedBy,
            Action = "rep.add",
            Entity = "reps",
            EntityId = rep.RepId,
            Details = $"{rep.Name} <{rep.Email}>, commission {rep.CommissionRate.ToString(CultureInfo.InvariantCulture)}, {(rep.Active ? "active" : "inactive")}",
        });
        db.SaveChanges();
        transaction.Commit();
        db.ChangeTracker.Clear();
        return null;
    }
}
