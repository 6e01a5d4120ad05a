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
/// new policy or a new owner gives a fresh classification.
/// <para>
/// Thread-safe, and no request holds another: the last <see cref="Capacity"/> classifications are kept (people
/// switching between two dates do not reclassify each time); requests for the same key share one computation; a
/// request for a kept key answers at once while another date is being classified; and at most one whole-book
/// classification runs at a time (<see cref="MaxConcurrent"/>), so a user asking for many dates queues their own
/// requests, not the memory of the server.
/// </para>
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The semaphore's wait handle is never asked for (Wait, Release only): it holds nothing to dispose.")]
public sealed class ClassifiedBookCache
{
    /// <summary>Classifications kept (most recently used first).</summary>
    public const int Capacity = 4;

    /// <summary>Whole-book classifications that may run at once.</summary>
    public const int MaxConcurrent = 1;

    private readonly Lock gate = new();
    private readonly LinkedList<(Key Key, Lazy<(BookClassification Result, string Currency)> Value)> entries = [];
    private readonly SemaphoreSlim computing = new(MaxConcurrent, MaxConcurrent);
    private int computed;

    /// <summary>How many times the book was loaded and classified (for tests and diagnostics).</summary>
    public int Computed => Volatile.Read(ref computed);

    public (BookClassification Result, string Currency) Get(WorkspaceDb db, Policy policy, DateOnly asOf)
    {
        var stamp = db.AuditLog.AsNoTracking().Max(a => (long?)a.Id) ?? 0;
        var pool = db.PoolEvents.AsNoTracking().Max(e => (long?)e.Id) ?? 0;
        var wanted = new Key(asOf, PolicyJson.VersionId(policy), stamp, pool);
        Lazy<(BookClassification Result, string Currency)> lazy;
        lock (gate)
        {
            var node = entries.First;
            while (node is not null && node.Value.Key != wanted)
            {
                node = node.Next;
            }

            if (node is not null)
            {
                entries.Remove(node);
                entries.AddFirst(node);
                lazy = node.Value.Value;
            }
            else
            {
                lazy = new Lazy<(BookClassification, string)>(() => Compute(db, policy, asOf), LazyThreadSafetyMode.ExecutionAndPublication);
                entries.AddFirst((wanted, lazy));
                while (entries.Count > Capacity)
                {
                    entries.RemoveLast();
                }
            }
        }

        try
        {
            return lazy.Value; // outside the lock: other keys are served meanwhile
        }
        catch
        {
            lock (gate)
            {
                var failed = entries.First;
                while (failed is not null && !ReferenceEquals(failed.Value.Value, lazy))
                {
                    failed = failed.Next;
                }

                if (failed is not null)
                {
                    entries.Remove(failed); // a failure is not kept: the next request tries again
                }
            }

            throw;
        }
    }

    private (BookClassification, string) Compute(WorkspaceDb db, Policy policy, DateOnly asOf)
    {
        computing.Wait();
        try
        {
            var loaded = WorkspaceBook.Load(db);
            var result = (LifecycleEngine.Classify(loaded.Book, policy, asOf), loaded.Currency);
            Interlocked.Increment(ref computed);
            return result;
        }
        finally
        {
            computing.Release();
        }
    }

    private readonly record struct Key(DateOnly AsOf, string Policy, long Audit, long Pool);
}
