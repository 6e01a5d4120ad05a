using System.Data.Common;
using System.Runtime.ExceptionServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Rekindle.Common;
using Rekindle.Lifecycle;
using Rekindle.Policies;
using Rekindle.Storage;

namespace Rekindle.App.Workspace;

/// <summary>
/// Classifies the workspace straight from the database, without loading its book: the accounts are read once, then
/// each account range streams its booked orders, counted engagements and opportunities up to the as-of date, ordered
/// by account and date, and each account is measured by the same <see cref="AccountMeasures.Measure(AccountFacts, Policy, int, uint)"/>
/// as soon as its rows have passed. Memory is the accounts and their measures, not the orders; ranges run in parallel,
/// each on connections of its own. The result equals <see cref="LifecycleEngine.Classify"/> on <see cref="WorkspaceBook.Load"/>
/// (same accounts in the same ordinal order, same statuses and reasons); its book holds the accounts only
/// (<see cref="AccountBook.WithoutFacts"/>), so model signals, histories and segments still need the whole book.
/// </summary>
public static class StreamedClassification
{
    /// <summary>Fewest accounts worth a range (and a connection) of their own.</summary>
    public const int MinAccountsPerRange = 20_000;

    /// <param name="maxDegreeOfParallelism">Account ranges read at once; -1 for one per processor.</param>
    /// <param name="minAccountsPerRange">Fewest accounts of a range (tests lower it to split a small workspace).</param>
    public static BookClassification Classify(
        WorkspaceDb db, Policy policy, DateOnly asOf, int maxDegreeOfParallelism = -1, int minAccountsPerRange = MinAccountsPerRange)
    {
        var sql = new StreamSql(db.Provider, policy, asOf);
        var connectionString = db.Database.GetConnectionString()
            ?? throw new InvalidOperationException("The workspace context has no connection string.");
        var accounts = ReadAccounts(db, sql);
        var n = accounts.Count;
        var measures = new AccountMeasures[n];
        var exists = new bool[n];

        var threads = maxDegreeOfParallelism > 0 ? maxDegreeOfParallelism : Environment.ProcessorCount;
        var ranges = Math.Clamp(n / Math.Max(1, minAccountsPerRange), 1, threads);
        try
        {
            Parallel.For(0, ranges, new ParallelOptions { MaxDegreeOfParallelism = ranges }, r =>
            {
                var from = (int)((long)n * r / ranges);
                var to = (int)((long)n * (r + 1) / ranges);
                var range = new AccountRange(
                    r == 0 ? null : accounts[from].Id,
                    r == ranges - 1 ? null : accounts[to].Id);
                new RangeMeasurer(() => Connect(db.Provider, connectionString), sql, policy, asOf).Measure(accounts, from, to, range, measures, exists);
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            // The first failure as itself (a database error stays a DbException for the verbs' error handling).
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            throw;
        }

        var ordered = InOrdinalOrder(accounts, measures, exists);
        return LifecycleEngine.Decide(AccountBook.WithoutFacts(ordered.Accounts), ordered.Measures, ordered.Exists, policy, asOf, maxDegreeOfParallelism);
    }

    /// <summary>Every account in the database's order of account ids (the order the fact queries stream in).</summary>
    private static List<AccountInfo> ReadAccounts(WorkspaceDb db, StreamSql sql)
    {
        var accounts = new List<AccountInfo>();
        db.Database.OpenConnection();
        try
        {
            using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = sql.Accounts;
            command.CommandTimeout = 0;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                accounts.Add(new AccountInfo(
                    reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                    DateOnly.FromDayNumber(reader.GetInt32(4)), reader.IsDBNull(5) ? "" : reader.GetString(5)));
            }
        }
        finally
        {
            db.Database.CloseConnection();
        }

        return accounts;
    }

    private static DbConnection Connect(WorkspaceProvider provider, string connectionString)
    {
        DbConnection connection = provider == WorkspaceProvider.Postgres
            ? new NpgsqlConnection(connectionString)
            : new SqliteConnection(connectionString);
        connection.Open();
        return connection;
    }

    /// <summary>
    /// The database orders ids by its collation (SQLite and PostgreSQL's C collation by code point); the book is in
    /// ordinal (UTF-16) order, as <see cref="WorkspaceBook.Load"/> sorts it. Reorders when the two differ.
    /// </summary>
    private static (AccountInfo[] Accounts, AccountMeasures[] Measures, bool[] Exists) InOrdinalOrder(
        List<AccountInfo> accounts, AccountMeasures[] measures, bool[] exists)
    {
        var sorted = true;
        for (var i = 1; i < accounts.Count && sorted; i++)
        {
            sorted = string.CompareOrdinal(accounts[i - 1].Id, accounts[i].Id) < 0;
        }

        if (sorted)
        {
            return ([.. accounts], measures, exists);
        }

        var ids = accounts.Select(a => a.Id).ToArray();
        var order = Enumerable.Range(0, ids.Length).ToArray();
        Array.Sort(ids, order, StringComparer.Ordinal);
        return (
            Array.ConvertAll(order, i => accounts[i]),
            Array.ConvertAll(order, i => measures[i]),
            Array.ConvertAll(order, i => exists[i]));
    }
}

/// <summary>Account ids from <see cref="From"/> (inclusive) to <see cref="To"/> (exclusive) in the database's order; null is open.</summary>
internal readonly record struct AccountRange(string? From, string? To);
