using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace Rekindle.Storage.Tests;

/// <summary>
/// A server's requests use <see cref="WorkspaceLocation.Pooled"/>: the same database, SQLite's connections pooled with
/// a smaller page cache each, PostgreSQL's without parallel workers; a command's own connection keeps the large cache.
/// </summary>
public class PooledLocationTests
{
    [Fact]
    public void Pooled_Sqlite_SameFile_PooledConnections_With16MiBPageCacheEach()
    {
        using var workspace = new TestWorkspace(WorkspaceProvider.Sqlite);
        var pooled = workspace.Location.Pooled();

        Assert.Equal(workspace.Location.Display, pooled.Display);
        Assert.Contains("Pooling=True", pooled.ConnectionString, StringComparison.Ordinal);
        Assert.Contains("Pooling=False", workspace.Location.ConnectionString, StringComparison.Ordinal);
        Assert.Equal(-65_536, Setting(workspace.Location, "PRAGMA cache_size"));
        Assert.Equal(-16_384, Setting(pooled, "PRAGMA cache_size"));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    [Fact]
    public void Pooled_Postgres_AddsSerialQueries_BeforeTheUsersOwnOptions()
    {
        var plain = WorkspaceLocation.Postgres("Host=db.example;Database=rekindle;Username=u;Password=p");
        var withOptions = WorkspaceLocation.Postgres("Host=db.example;Database=rekindle;Options=-c statement_timeout=5000");

        Assert.Contains("Options=\"-c max_parallel_workers_per_gather=0\"", plain.Pooled().ConnectionString, StringComparison.Ordinal);
        Assert.Contains("Options=\"-c max_parallel_workers_per_gather=0 -c statement_timeout=5000\"", withOptions.Pooled().ConnectionString, StringComparison.Ordinal);
        Assert.Equal(plain.Display, plain.Pooled().Display);
    }

    [Theory]
    [PostgresData]
    public void Pooled_Postgres_RunsWithoutParallelWorkers(WorkspaceProvider provider)
    {
        using var workspace = new TestWorkspace(provider);
        using (workspace.Open())
        {
        }

        Assert.Equal(0, Setting(workspace.Location.Pooled(), "SHOW max_parallel_workers_per_gather"));
        Assert.NotEqual(0, Setting(workspace.Location, "SHOW max_parallel_workers_per_gather"));
    }

    private static long Setting(WorkspaceLocation location, string sql)
    {
        using var db = location.CreateContext();
        db.Database.OpenConnection();
        using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
