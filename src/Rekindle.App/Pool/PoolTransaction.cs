using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Rekindle.Storage;

namespace Rekindle.App.Pool;

/// <summary>
/// The one transaction a pool use case reads and writes in, and the locks that make concurrent decisions see each
/// other. SQLite: the transaction begins IMMEDIATE, so writers run one at a time (waiting for the lock, not failing).
/// PostgreSQL (read committed): a decision about some accounts locks the deciding rep's row, then the accounts'
/// rows, in that order (no deadlock), before it reads; a decision about the whole pool (sweep, deactivation,
/// posting) locks the accounts table against row locks and writes. Every count a decision makes is read after
/// its locks, so it includes every decision committed before.
/// </summary>
internal static class PoolTransaction
{
    public static IDbContextTransaction ForRows(WorkspaceDb db, string? repId, IEnumerable<string> accountIds)
    {
        var tx = db.Database.BeginTransaction();
        if (db.Provider == WorkspaceProvider.Postgres)
        {
            if (repId is not null)
            {
                db.Database.ExecuteSql($"SELECT 1 FROM reps WHERE rep_id = {repId} FOR UPDATE");
            }

            foreach (var id in accountIds.Order(StringComparer.Ordinal))
            {
                db.Database.ExecuteSql($"SELECT 1 FROM accounts WHERE account_id = {id} FOR UPDATE");
            }
        }

        return tx;
    }

    public static IDbContextTransaction ForPool(WorkspaceDb db)
    {
        var tx = db.Database.BeginTransaction();
        if (db.Provider == WorkspaceProvider.Postgres)
        {
            db.Database.ExecuteSqlRaw("LOCK TABLE accounts IN EXCLUSIVE MODE");
        }

        return tx;
    }
}
