using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Rekindle.App.Generation;
using Rekindle.App.Workspace;
using Rekindle.Storage;

namespace Rekindle.Web.Tests.Jobs;

/// <summary>
/// Workspaces of their own for tests that run the nightly job: a small generated company imported once (as of
/// <see cref="Today"/>, no snapshot saved, no sweep run), copied fresh for each test so no test sees another's runs.
/// </summary>
public sealed class JobWorkspaces : IAsyncLifetime
{
    public static readonly DateOnly Today = new(2026, 6, 30);
    private readonly string folder = Path.Combine(Path.GetTempPath(), "rekindle-jobs-" + Guid.NewGuid().ToString("N"));
    private string template = "";

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        template = Path.Combine(folder, "template.db");
        var generated = Path.Combine(folder, "company");
        CompanyGenerator.Generate(new GeneratorOptions(Today, 150), generated);
        using (var db = WorkspaceLocation.Sqlite(template).Open())
        {
            new WorkspaceImporter(db, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Start(Today))).Import(ImportFormat.Folder, generated, new ImportOptions { Actor = "tests" });
        }

        SqliteConnection.ClearAllPools();
        return Task.CompletedTask;
    }

    /// <summary>A fresh copy of the imported company.</summary>
    public WorkspaceLocation Fresh()
    {
        var file = Path.Combine(folder, Guid.NewGuid().ToString("N") + ".db");
        using (var connection = new SqliteConnection($"Data Source={template};Pooling=False"))
        {
            connection.Open();
            using var vacuum = connection.CreateCommand();
            vacuum.CommandText = "VACUUM INTO $file";
            vacuum.Parameters.AddWithValue("$file", file);
            vacuum.ExecuteNonQuery();
        }

        // VACUUM INTO writes a rollback-journal file; the workspace runs in WAL mode like the template.
        using (var connection = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            connection.Open();
            using var wal = connection.CreateCommand();
            wal.CommandText = "PRAGMA journal_mode=WAL";
            wal.ExecuteNonQuery();
        }

        return WorkspaceLocation.Sqlite(file);
    }

    /// <summary>Runs SQL on a workspace (to inject a failure with a trigger).</summary>
    public static void Execute(WorkspaceLocation location, string sql)
    {
        using var connection = new SqliteConnection(location.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public static DateTimeOffset Start(DateOnly day) => new(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left to the temp folder's cleaner.
        }

        return Task.CompletedTask;
    }
}

/// <summary>A logger that keeps what it was told, so tests can see a failure was logged.</summary>
public sealed class ListLogger<T> : ILogger<T>
{
    private readonly List<(LogLevel Level, string Message)> entries = [];

    public IReadOnlyList<(LogLevel Level, string Message)> Entries
    {
        get
        {
            lock (entries)
            {
                return [.. entries];
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (entries)
        {
            entries.Add((logLevel, formatter(state, exception)));
        }
    }
}
