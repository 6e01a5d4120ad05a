namespace Rekindle.Storage.Tests;

/// <summary>Which database a workspace command uses: options first, then REKINDLE_PROVIDER / REKINDLE_CONNECTION, then rekindle.db.</summary>
public class WorkspaceSelectionTests
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    [Fact]
    public void Resolve_Nothing_IsRekindleDbInTheWorkingFolder()
    {
        var location = WorkspaceLocation.Resolve(null, null, null, NoEnvironment);
        Assert.Equal(WorkspaceProvider.Sqlite, location.Provider);
        Assert.Equal(Path.GetFullPath("rekindle.db"), location.Display);
    }

    [Fact]
    public void Resolve_DbFile_IsThatSqliteFile()
    {
        var location = WorkspaceLocation.Resolve("books/acme.db", null, null, NoEnvironment);
        Assert.Equal(WorkspaceProvider.Sqlite, location.Provider);
        Assert.Equal(Path.GetFullPath("books/acme.db"), location.Display);
    }

    [Fact]
    public void Resolve_PostgresOptions_IsPostgres()
    {
        var location = WorkspaceLocation.Resolve(null, "postgres", "Host=db.example;Database=rekindle;Username=u;Password=p", NoEnvironment);
        Assert.Equal(WorkspaceProvider.Postgres, location.Provider);
        Assert.Equal("postgres://db.example:5432/rekindle", location.Display);
    }

    [Fact]
    public void Resolve_EnvironmentVariables_ArePostgres_AndOptionsWin()
    {
        var environment = new Dictionary<string, string?>
        {
            [WorkspaceLocation.ProviderVariable] = "postgres",
            [WorkspaceLocation.ConnectionVariable] = "Host=env.example;Database=w",
        };
        var fromEnvironment = WorkspaceLocation.Resolve(null, null, null, k => environment.GetValueOrDefault(k));
        Assert.Equal(WorkspaceProvider.Postgres, fromEnvironment.Provider);
        Assert.Contains("env.example", fromEnvironment.ConnectionString, StringComparison.Ordinal);

        var fromOption = WorkspaceLocation.Resolve(null, "sqlite", null, k => environment.GetValueOrDefault(k) is { } v && k == WorkspaceLocation.ProviderVariable ? v : null);
        Assert.Equal(WorkspaceProvider.Sqlite, fromOption.Provider);
    }

    [Theory]
    [InlineData("oracle", null, null, "unknown provider 'oracle'")]
    [InlineData("postgres", null, null, "--provider postgres needs --connection")]
    [InlineData("postgres", "Host=x", "w.db", "--db names a SQLite file")]
    public void Resolve_Conflicts_SayWhy(string provider, string? connection, string? db, string message)
    {
        var e = Assert.Throws<WorkspaceSelectionException>(() => WorkspaceLocation.Resolve(db, provider, connection, NoEnvironment));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cli_BadProvider_ExitsWithUsageError()
    {
        var result = Rk.Run("policy", "log", "--provider", "oracle");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unknown provider 'oracle'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Cli_UnreachablePostgres_ExitsWithTheReason()
    {
        var result = Rk.Run("policy", "log", "--provider", "postgres", "--connection", "Host=127.0.0.1;Port=1;Database=x;Username=u;Password=p;Timeout=2");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("cannot open the workspace postgres://127.0.0.1:1/x", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Cli_NoWorkspaceOption_CreatesRekindleDbInTheWorkingFolder()
    {
        using var folder = new TempFolder();
        using var process = Rk.Start(folder.Path, "policy", "log");
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        Assert.Contains("no policy version stored", output, StringComparison.Ordinal);
        Assert.True(File.Exists(folder.File("rekindle.db")));
    }
}
