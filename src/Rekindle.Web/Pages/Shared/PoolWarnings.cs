using Microsoft.EntityFrameworkCore;
using Rekindle.App.Pool;
using Rekindle.App.Workspace;
using Rekindle.Pool;
using Rekindle.Storage;
using Rekindle.Web.Hosting;

namespace Rekindle.Web.Pages;

/// <summary>One of a rep's accounts the sweep will release soon: when, in how many days, and why in words.</summary>
public sealed record PoolWarningRow(string AccountId, string Name, DateOnly ReleaseOn, int DaysLeft, string Why);

/// <summary>A rep's pool warnings as of today, and the notice period they cover.</summary>
public sealed record PoolWarningList(DateOnly AsOf, int NoticeDays, IReadOnlyList<PoolWarningRow> Rows);

/// <summary>
/// The owner's side of the sweep (<see cref="PoolSweeper.Upcoming"/>): their accounts due for the pool within
/// poolNoticeDays, soonest first, so they can work them before they go.
/// </summary>
public sealed class PoolWarnings(WorkspaceDb db, PoolSweeper sweeper, WorkspacePolicies policies, WebClock clock, PoolWarningsCache cache)
{
    public PoolWarningList For(string repId)
    {
        var today = clock.Today;
        var (policy, number) = policies.CurrentPolicy();
        var version = (today, number, db.PoolEvents.Max(e => (long?)e.Id), db.AuditLog.Max(e => (long?)e.Id));
        var warnings = cache.Get(version, () => sweeper.Upcoming(today, null)).Where(w => w.OwnerRepId == repId).ToList();
        var ids = warnings.Select(w => w.AccountId).ToList();
        var names = db.Accounts.AsNoTracking().Where(a => ids.Contains(a.AccountId)).ToDictionary(a => a.AccountId, a => a.Name, StringComparer.Ordinal);
        var rows = warnings
            .OrderBy(w => w.DaysLeft).ThenBy(w => w.AccountId, StringComparer.Ordinal)
            .Select(w => new PoolWarningRow(w.AccountId, names.GetValueOrDefault(w.AccountId, ""), w.ReleaseOn, w.DaysLeft, Why(w.Reason, policy)))
            .ToList();
        return new PoolWarningList(today, policy.PoolNoticeDays, rows);
    }

    private static string Why(ReleaseReason reason, Policies.Policy policy) => reason switch
    {
        ReleaseReason.ClaimExpired => $"your claim has had no activity: a claim returns to the pool after {policy.ClaimExpiryDays} days without an order or engagement",
        _ => $"dormant: an account dormant for {policy.PoolAfterDormantDays} days goes to the pool (an order before then keeps it yours)",
    };
}

/// <summary>
/// Every owner's warnings, computed once per state of the workspace: finding them classifies the whole book (seconds
/// at 100,000 accounts), so a home page must not do it for each rep and each view. The state is today, the policy
/// version, the latest pool event (claims, releases, sweeps) and the latest audit entry (imports, snapshots).
/// </summary>
public sealed class PoolWarningsCache
{
    private readonly Lock gate = new();
    private object? key;
    private IReadOnlyList<ReleaseWarning> warnings = [];

    public IReadOnlyList<ReleaseWarning> Get(object version, Func<IReadOnlyList<ReleaseWarning>> compute)
    {
        lock (gate)
        {
            if (!Equals(key, version))
            {
                warnings = compute();
                key = version;
            }

            return warnings;
        }
    }
}

