using System.CommandLine;
using System.Data.Common;
using Rekindle.Storage;

namespace Rekindle.Cli.Commands;

/// <summary>
/// The options that pick the workspace, shared by every workspace verb: <c>--db FILE</c> (SQLite, default
/// rekindle.db in the working folder), <c>--provider sqlite|postgres</c>, <c>--connection "..."</c>; the
/// environment variables REKINDLE_PROVIDER and REKINDLE_CONNECTION when the options are not given.
/// </summary>
public sealed class WorkspaceOptions
{
    private readonly Option<string?> db = new("--db") { Description = $"Workspace SQLite file (default: {WorkspaceLocation.DefaultFile} in the working folder)" };
    private readonly Option<string?> provider = new("--provider") { Description = $"sqlite (default) or postgres (or ${WorkspaceLocation.ProviderVariable})" };
    private readonly Option<string?> connection = new("--connection") { Description = $"PostgreSQL connection string, \"Host=...;Database=...;Username=...;Password=...\" (or ${WorkspaceLocation.ConnectionVariable})" };

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public WorkspaceOptions AddTo(Command command)
    {
        command.Add(db);
        command.Add(provider);
        command.Add(connection);
        return this;
    }

    /// <summary>Where the workspace is, by the options and then the environment.</summary>
    public WorkspaceLocation Location(ParseResult parse)
    {
        try
        {
            return WorkspaceLocation.Resolve(parse.GetValue(db), parse.GetValue(provider), parse.GetValue(connection), Environment.GetEnvironmentVariable);
        }
        catch (WorkspaceSelectionException e)
        {
            throw new UsageException(e.Message);
        }
    }

    /// <summary>
    /// Opens the workspace (created and migrated on first use) and runs <paramref name="action"/> on it. A database
    /// that cannot be reached or opened is exit code 1 with the reason.
    /// </summary>
    public int Run(ParseResult parse, CliConsole console, Func<WorkspaceDb, int> action)
    {
        var location = Location(parse);
        WorkspaceDb workspace;
        try
        {
            workspace = location.Open();
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or TimeoutException or ArgumentException)
        {
            console.Error.WriteLine($"error: cannot open the workspace {location.Display}: {Innermost(e).Message}");
            return ExitCodes.Failure;
        }

        using (workspace)
        {
            try
            {
                return action(workspace);
            }
            catch (Exception e) when (e is DbException or Microsoft.EntityFrameworkCore.DbUpdateException)
            {
                console.Error.WriteLine($"error: the workspace {location.Display} failed: {Innermost(e).Message}");
                return ExitCodes.Failure;
            }
        }
    }

    private static Exception Innermost(Exception e) => e.InnerException is null ? e : Innermost(e.InnerException);
}
