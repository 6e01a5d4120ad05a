using Microsoft.EntityFrameworkCore;
using Rekindle.App.Csv;
using Rekindle.Lifecycle;
using Rekindle.Storage;

namespace Rekindle.App.Workspace;

/// <summary>Reads the workspace into the engine's column-wise <see cref="AccountBook"/> (what classify and the account view work on).</summary>
public static class WorkspaceBook
{
    /// <summary>
    /// Every account (in ordinal id order, the same on both providers) with its orders, engagements and
    /// opportunities, streamed without tracking. Amounts are in the workspace's reporting currency.
    /// </summary>
    public static LoadedBook Load(WorkspaceDb db, CancellationToken cancellationToken = default)
    {
        var builder = new AccountBookBuilder();
        var accounts = db.Accounts.AsNoTracking().ToList();
        accounts.Sort((a, b) => string.CompareOrdinal(a.AccountId, b.AccountId));
        foreach (var a in accounts)
        {
            builder.AddAccount(new AccountInfo(a.AccountId, a.Name, a.Industry, a.Region, a.CreatedOn, a.OwnerRepId ?? ""));
        }

        accounts = null;
        var index = new Index(builder);
        foreach (var o in db.Orders.AsNoTracking().Select(o => new { o.AccountId, o.OrderDate, o.ReportingAmount, o.Status }))
        {
            builder.AddOrder(index.Of(o.AccountId), o.OrderDate, o.ReportingAmount, o.Status);
        }

        cancellationToken.ThrowIfCancellationRequested();
        foreach (var e in db.Engagements.AsNoTracking().Select(e => new { e.AccountId, e.Date, e.Kind }))
        {
            builder.AddEngagement(index.Of(e.AccountId), e.Date, e.Kind);
        }

        foreach (var p in db.Opportunities.AsNoTracking().Select(p => new { p.AccountId, p.OpenedOn, p.ClosedOn }))
        {
            builder.AddOpportunity(index.Of(p.AccountId), p.OpenedOn, p.ClosedOn);
        }

        var reps = db.Reps.AsNoTracking().ToDictionary(
            r => r.RepId, r => new RepInfo(r.RepId, r.Name, r.Email, r.CommissionRate, r.Active), StringComparer.Ordinal);
        return new LoadedBook(builder.Build(), ReportingCurrency(db) ?? "USD", reps);
    }

    /// <summary>The workspace's reporting currency, set by its first import; null before that.</summary>
    public static string? ReportingCurrency(WorkspaceDb db) =>
        db.Settings.AsNoTracking().Where(s => s.Key == WorkspaceSetting.ReportingCurrency).Select(s => s.Value).FirstOrDefault();

    /// <summary>Account index by id; rows arrive grouped by account, so the last one is remembered.</summary>
    private sealed class Index(AccountBookBuilder builder)
    {
        private string last = "";
        private int lastIndex = -1;

        public int Of(string accountId)
        {
            if (!string.Equals(accountId, last, StringComparison.Ordinal))
            {
                last = accountId;
                lastIndex = builder.IndexOf(accountId);
            }

            return lastIndex >= 0 ? lastIndex : throw new InvalidOperationException($"The workspace has a row for an unknown account {accountId}.");
        }
    }
}
