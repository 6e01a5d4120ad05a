using Microsoft.EntityFrameworkCore;
using Rekindle.Storage;

namespace Rekindle.App.Workspace;

/// <summary>Keeps the ownership history in step with accounts.csv's owner_rep_id as accounts are imported.</summary>
internal static class OwnershipHistory
{
    /// <summary>
    /// A new account with an owner starts an "assigned" period on its created date; a changed owner closes the open
    /// period on the import's date and starts a new one there.
    /// </summary>
    public static void Follow(ImportRun run, Account account, Upserted outcome, Account? before, BulkTable<Ownership> ownerships)
    {
        if (run.CheckOnly)
        {
            return;
        }

        if (outcome == Upserted.Inserted && account.OwnerRepId is { } owner)
        {
            ownerships.Insert(new Ownership { AccountId = account.AccountId, RepId = owner, FromDate = account.CreatedOn, Reason = OwnershipReasons.Assigned });
            return;
        }

        if (outcome != Upserted.Updated || before is null || before.OwnerRepId == account.OwnerRepId)
        {
            return;
        }

        ownerships.Flush();
        var today = run.Today;
        run.Db.Ownerships
            .Where(o => o.AccountId == account.AccountId && o.ToDate == null)
            .ExecuteUpdate(s => s.SetProperty(o => o.ToDate, today));
        if (account.OwnerRepId is { } next)
        {
            ownerships.Insert(new Ownership { AccountId = account.AccountId, RepId = next, FromDate = today, Reason = OwnershipReasons.Assigned });
        }
    }
}
