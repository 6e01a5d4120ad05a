using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Rekindle.Storage;

/// <summary>The workspace in a SQLite file: nothing to install. Migrations in Migrations/Sqlite.</summary>
public sealed class SqliteWorkspaceDb(DbContextOptions<SqliteWorkspaceDb> options) : WorkspaceDb(options)
{
    public override WorkspaceProvider Provider => WorkspaceProvider.Sqlite;

    public static DbContextOptions<SqliteWorkspaceDb> Options(string connectionString) =>
        new DbContextOptionsBuilder<SqliteWorkspaceDb>()
            .UseSqlite(connectionString, o => o.CommandTimeout(600))
            .AddInterceptors(new SqliteConnectionStringBuilder(connectionString).Pooling ? SqlitePragmas.Pooled : SqlitePragmas.OwnConnection)
            .Options;
}

/// <summary>The workspace in PostgreSQL, for production. Migrations in Migrations/Postgres.</summary>
public sealed class PostgresWorkspaceDb(DbContextOptions<PostgresWorkspaceDb> options) : WorkspaceDb(options)
{
    public override WorkspaceProvider Provider => WorkspaceProvider.Postgres;

    public static DbContextOptions<PostgresWorkspaceDb> Options(string connectionString) =>
        new DbContextOptionsBuilder<PostgresWorkspaceDb>()
            .UseNpgsql(connectionString, o => o.CommandTimeout(600))
            .Options;
}

/// <summary>
/// Sets each SQLite connection up when it opens: write-ahead log (a killed writer leaves the file as of the last
/// commit), foreign keys enforced, and a page cache: 64 MiB for a connection of its own (a command, an import, the
/// nightly job), 16 MiB for each of a server's pooled connections, which keep theirs between requests.
/// </summary>
internal sealed class SqlitePragmas(int cacheKiB) : DbConnectionInterceptor
{
    public static readonly SqlitePragmas OwnConnection = new(65_536);
    public static readonly SqlitePragmas Pooled = new(16_384);

    private readonly string sql =
        $"PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA cache_size=-{cacheKiB}; PRAGMA temp_store=MEMORY;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

/// <summary>Used by <c>dotnet ef migrations add --context SqliteWorkspaceDb</c>.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteWorkspaceDb>
{
    public SqliteWorkspaceDb CreateDbContext(string[] args) => new(SqliteWorkspaceDb.Options("Data Source=design-time.db"));
}

/// <summary>Used by <c>dotnet ef migrations add --context PostgresWorkspaceDb</c>; no server is needed to add a migration.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresWorkspaceDb>
{
    public PostgresWorkspaceDb CreateDbContext(string[] args) => new(PostgresWorkspaceDb.Options("Host=localhost;Database=rekindle_design"));
}
