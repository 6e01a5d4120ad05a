using Microsoft.EntityFrameworkCore;
using Rekindle.Storage;

namespace Rekindle.App.Workspace;

/// <summary>
/// Keeps the ownership history in step with the accounts' owners as accounts are imported, whatever the source: its
/// rows are written after the accounts they name (<see cref="BulkTable{T}.References"/>), and none once the run only
/// checks rows.
/// </summary>
internal sealed class OwnershipHistory : IDisposable
{
    private readonly ImportRun run;
    private readonly TableImport<Account> accounts;
    private readonly BulkTable<Ownership> ownerships;

    public OwnershipHistory(ImportRun run, TableImport<Account> accounts)
    {
        this.run = run;
        this.accounts = accounts;
        ownerships = new BulkTable<Ownership>(run.Db, run.Options.BatchRows);
        ownerships.References(accounts.Bulk);
    }

    /// <summary>Follows one upserted account (the <c>after</c> of its row loop).</summary>
    public void Follow(Account account, Upserted outcome) => Follow(run, account, outcome, accounts.Before, ownerships);

    /// <summary>Writes the periods still queued, unless the run only checks rows.</summary>
    public void Complete()
    {
        if (!run.CheckOnly)
        {
            ownerships.Flush();
        }
    }

    public void Dispose() => ownerships.Dispose();

    /// <summary>
    /// A new account with an owner starts an "assigned" period on its created date; a changed owner closes the open
    /// period on the import's date and starts a new one there.
    /// </summary>
    private static void Follow(ImportRun run, Account account, Upserted outcome, Account? before, BulkTable<Ownership> ownerships)
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
