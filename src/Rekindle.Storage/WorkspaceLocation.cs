using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Rekindle.Storage;

/// <summary>A workspace selection that cannot be used (a bad option or environment value).</summary>
public sealed class WorkspaceSelectionException(string message) : Exception(message)
{
    public WorkspaceSelectionException()
        : this("bad workspace selection")
    {
    }

    public WorkspaceSelectionException(string message, Exception inner)
        : this(message + ": " + inner.Message)
    {
    }
}

/// <summary>
/// Which database a workspace lives in. With nothing given: the SQLite file <see cref="DefaultFile"/> in the
/// working folder. <c>--db FILE</c> picks another file; <c>--provider postgres --connection "Host=..."</c> (or the
/// environment variables <see cref="ProviderVariable"/> and <see cref="ConnectionVariable"/>) picks PostgreSQL.
/// Options win over the environment.
/// </summary>
public sealed record WorkspaceLocation(WorkspaceProvider Provider, string ConnectionString, string Display)
{
    public const string DefaultFile = "rekindle.db";
    public const string ProviderVariable = "REKINDLE_PROVIDER";
    public const string ConnectionVariable = "REKINDLE_CONNECTION";

    public static WorkspaceLocation Sqlite(string file)
    {
        var full = Path.GetFullPath(file);
        var builder = new SqliteConnectionStringBuilder { DataSource = full, Pooling = false };
        return new WorkspaceLocation(WorkspaceProvider.Sqlite, builder.ToString(), full);
    }

    public static WorkspaceLocation Postgres(string connectionString)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception e) when (e is ArgumentException or KeyNotFoundException or FormatException or InvalidCastException)
        {
            // Npgsql reports an unknown keyword ("garbage=") as KeyNotFoundException, a bad value as FormatException.
            throw new WorkspaceSelectionException($"--connection (or {ConnectionVariable}): the PostgreSQL connection string is not valid", e);
        }

        return new WorkspaceLocation(WorkspaceProvider.Postgres, connectionString, $"postgres://{builder.Host}:{builder.Port}/{builder.Database}");
    }

    /// <summary>Resolves the options and environment into a location; throws <see cref="WorkspaceSelectionException"/> when they conflict.</summary>
    public static WorkspaceLocation Resolve(string? dbFile, string? provider, string? connection, Func<string, string?> environment)
    {
        provider ??= NullIfEmpty(environment(ProviderVariable));
        connection ??= NullIfEmpty(environment(ConnectionVariable));
        var kind = provider?.Trim().ToUpperInvariant() switch
        {
            null => dbFile is null && connection is not null && !LooksLikeSqlite(connection) ? WorkspaceProvider.Postgres : WorkspaceProvider.Sqlite,
            "SQLITE" => WorkspaceProvider.Sqlite,
            "POSTGRES" or "POSTGRESQL" => WorkspaceProvider.Postgres,
            _ => throw new WorkspaceSelectionException($"unknown provider '{provider}' (use sqlite or postgres)"),
        };

        if (kind == WorkspaceProvider.Postgres)
        {
            if (dbFile is not null)
            {
                throw new WorkspaceSelectionException("--db names a SQLite file: use --connection with --provider postgres");
            }

            return Postgres(connection ?? throw new WorkspaceSelectionException(
                $"--provider postgres needs --connection \"Host=...;Database=...;Username=...;Password=...\" (or {ConnectionVariable})"));
        }

        if (dbFile is not null)
        {
            return Sqlite(dbFile);
        }

        if (connection is not null)
        {
            var builder = new SqliteConnectionStringBuilder(connection);
            return Sqlite(builder.DataSource);
        }

        return Sqlite(DefaultFile);
    }

    /// <summary>
    /// The same workspace for a long-running server's requests, which are many, short and concurrent.
    /// <list type="bullet">
    /// <item>SQLite connections are pooled: each keeps the parsed schema and its page cache between requests, instead
    /// of reopening the file for every query (at 100,000 accounts, a rep's page or a search took 7 to 79 ms pooled,
    /// 108 to 296 ms with a fresh connection per query).</item>
    /// <item>PostgreSQL's (pooled anyway) run without parallel workers: starting them cost more than the index-driven
    /// list queries they split, and under concurrent requests there is no idle core for them (the page query of a
    /// rep's list: 15 ms serial, 125 ms with 2 workers). A user's own <c>Options</c> come after, and can set it back.</item>
    /// </list>
    /// </summary>
    public WorkspaceLocation Pooled()
    {
        if (Provider == WorkspaceProvider.Sqlite)
        {
            return this with { ConnectionString = new SqliteConnectionStringBuilder(ConnectionString) { Pooling = true }.ToString() };
        }

        var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        builder.Options = $"{SerialQueries} {builder.Options}".TrimEnd(); // a later -c of the user's wins
        return this with { ConnectionString = builder.ToString() };
    }

    private const string SerialQueries = "-c max_parallel_workers_per_gather=0";

    /// <summary>A context on this database, not yet migrated.</summary>
    public WorkspaceDb CreateContext() => Provider switch
    {
        WorkspaceProvider.Postgres => new PostgresWorkspaceDb(PostgresWorkspaceDb.Options(ConnectionString)),
        _ => new SqliteWorkspaceDb(SqliteWorkspaceDb.Options(ConnectionString)),
    };

    /// <summary>A context on this database, created and migrated to the latest version when needed.</summary>
    public WorkspaceDb Open()
    {
        if (Provider == WorkspaceProvider.Sqlite)
        {
            var folder = Path.GetDirectoryName(Display);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }

        var db = CreateContext();
        try
        {
            // One look at the migration history: an up-to-date workspace (every open but the first) migrates nothing.
            if (db.Database.GetPendingMigrations().Any())
            {
                db.Database.Migrate();
                db.RepairNameKeys(); // keys the migration's SQL cased otherwise than .NET does
                db.RefreshStatistics(); // new indexes on existing rows: the planner needs their statistics to pick them
            }

            return db;
        }
        catch
        {
            db.Dispose();
            throw;
        }
    }

    private static bool LooksLikeSqlite(string connection) =>
        connection.Contains("Data Source", StringComparison.OrdinalIgnoreCase) || connection.EndsWith(".db", StringComparison.OrdinalIgnoreCase);

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
