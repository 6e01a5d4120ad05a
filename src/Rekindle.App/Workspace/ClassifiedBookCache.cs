using Microsoft.EntityFrameworkCore;
using Rekindle.Lifecycle;
using Rekindle.Policies;
using Rekindle.Storage;

namespace Rekindle.App.Workspace;

/// <summary>
/// The workspace's book classified as of a date under a policy, kept for as long as nothing it was computed from
/// changes: one account's status needs the company-wide figures (company cycle, key-account cut), so the web app's
/// account pages and segment views share one classification instead of reloading the whole book per view. The key is
/// the date, the policy's version id, the latest audit-log entry (every import run and policy change writes one) and
/// the latest pool event (claims, releases and reassignments change owners, which the book carries), so new data, a
/// new policy or a new owner gives a fresh classification. Thread-safe; holds the latest entry only.
/// </summary>
public sealed class ClassifiedBookCache
{
    private readonly Lock gate = new();
    private (DateOnly AsOf, string Policy, long Audit, long Pool)? key;
    private (BookClassification Result, string Currency)? value;

    /// <summary>How many times the book was loaded and classified (for tests and diagnostics).</summary>
    public int Computed { get; private set; }

    public (BookClassification Result, string Currency) Get(WorkspaceDb db, Policy policy, DateOnly asOf)
    {
        var stamp = db.AuditLog.AsNoTracking().Max(a => (long?)a.Id) ?? 0;
        var pool = db.PoolEvents.AsNoTracking().Max(e => (long?)e.Id) ?? 0;
        var wanted = (asOf, PolicyJson.VersionId(policy), stamp, pool);
        lock (gate)
        {
            if (key == wanted && value is { } hit)
            {
                return hit;
            }

            var loaded = WorkspaceBook.Load(db);
            var computed = (LifecycleEngine.Classify(loaded.Book, policy, asOf), loaded.Currency);
            key = wanted;
            value = computed;
            Computed++;
            return computed;
        }
    }
}
