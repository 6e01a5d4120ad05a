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
public sealed class PoolWarnings(WorkspaceDb db, PoolSweeper sweeper, WorkspacePolicies policies, WebClock clock)
{
    public PoolWarningList For(string repId)
    {
        var today = clock.Today;
        var policy = policies.CurrentPolicy().Policy;
        var warnings = sweeper.Upcoming(today, repId);
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
