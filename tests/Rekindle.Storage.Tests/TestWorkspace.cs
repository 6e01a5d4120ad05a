using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Xunit.Sdk;

namespace Rekindle.Storage.Tests;

/// <summary>
/// A fresh, empty workspace on a real database: a new SQLite file, or a new PostgreSQL database on the server of
/// <see cref="PostgresVariable"/> (created by the migrations, dropped afterwards).
/// </summary>
public sealed class TestWorkspace : IDisposable
{
    public const string PostgresVariable = "REKINDLE_TEST_POSTGRES";
    private readonly string? folder;
    private readonly string? database;

    public TestWorkspace(WorkspaceProvider provider)
    {
        Provider = provider;
        if (provider == WorkspaceProvider.Sqlite)
        {
            folder = Path.Combine(Path.GetTempPath(), "rekindle-storage-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            Location = WorkspaceLocation.Sqlite(Path.Combine(folder, "workspace.db"));
            Args = ["--db", Location.Display];
            return;
        }

        var server = ServerConnection();
        database = "rk_test_" + Guid.NewGuid().ToString("N")[..20];
        var builder = new NpgsqlConnectionStringBuilder(server) { Database = database };
        Location = WorkspaceLocation.Postgres(builder.ToString());
        Args = ["--provider", "postgres", "--connection", builder.ToString()];
    }

    public WorkspaceProvider Provider { get; }
    public WorkspaceLocation Location { get; }

    /// <summary>The CLI options that select this workspace.</summary>
    public string[] Args { get; }

    /// <summary>A context on the workspace, created and migrated on first use.</summary>
    public WorkspaceDb Open() => Location.Open();

    /// <summary>The PostgreSQL server's connection string; fails with the reason when it is not set.</summary>
    public static string ServerConnection() =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value
            ? value
            : throw new XunitException(
                $"{PostgresVariable} is not set: the PostgreSQL half of the storage tests needs a server. " +
                "Run bash scripts/test.sh (it installs and starts PostgreSQL), or export " +
                $"{PostgresVariable}=\"$(bash scripts/postgres.sh)\".");

    /// <summary>
    /// Row counts and a checksum of every table of the model, row order aside: equal fingerprints mean the workspace
    /// holds exactly the same data.
    /// </summary>
    public string Fingerprint()
    {
        using var db = Location.Open();
        db.Database.OpenConnection();
        var text = new StringBuilder();
        foreach (var table in db.Model.GetEntityTypes().Select(e => e.GetTableName()!).Distinct().Order(StringComparer.Ordinal))
        {
            using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = $"SELECT * FROM {table}";
            var rows = new List<string>();
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    rows.Add(string.Join('\u001f', Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
                }
            }

            rows.Sort(StringComparer.Ordinal);
            var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', rows))))[..16];
            text.Append(CultureInfo.InvariantCulture, $"{table}={rows.Count}:{hash}\n");
        }

        return text.ToString();
    }

    public void Dispose()
    {
        if (folder is not null)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }

            return;
        }

        NpgsqlConnection.ClearAllPools();
        using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ServerConnection()) { Database = "postgres" }.ToString());
        admin.Open();
        for (var attempt = 0; attempt < 10; attempt++)
        {
            try
            {
                using var drop = admin.CreateCommand();
                drop.CommandText = $"DROP DATABASE IF EXISTS {database} WITH (FORCE)";
                drop.ExecuteNonQuery();
                return;
            }
            catch (PostgresException)
            {
                Thread.Sleep(300); // a server process of another role (autovacuum) still on it: it goes soon
            }
        }
    }
}

/// <summary>
/// The PostgreSQL row of a storage theory. Skipped on a developer machine without <see cref="TestWorkspace.PostgresVariable"/>;
/// under CI (CI=true) it runs and fails with the reason instead.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class PostgresDataAttribute : DataAttribute
{
    public PostgresDataAttribute()
    {
        var missing = string.IsNullOrEmpty(Environment.GetEnvironmentVariable(TestWorkspace.PostgresVariable));
        var ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (missing && !ci)
        {
            Skip = $"{TestWorkspace.PostgresVariable} is not set (bash scripts/postgres.sh starts a server); CI runs this half";
        }
    }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[WorkspaceProvider.Postgres]];
}
