using System.CommandLine;
using Rekindle.App.Csv;
using Rekindle.App.Policies;
using Rekindle.Cli.Commands;

namespace Rekindle.Cli;

/// <summary>The <c>rekindle</c> command: its verbs, and one place that turns errors into messages and exit codes.</summary>
public static class CliApp
{
    /// <summary>Runs the command; <paramref name="more"/> adds verbs from outside the CLI project (the host's serve and users).</summary>
    public static int Run(string[] args, CliConsole console, IReadOnlyList<Func<CliConsole, Command>>? more = null)
    {
        var root = new RootCommand("Rekindle: find the customers you are quietly losing, say why, and win them back.");
        root.Add(DemoCommand.Create(console));
        root.Add(GenerateCommand.Create(console));
        root.Add(ClassifyCommand.Create(console));
        root.Add(PolicyCommands.Create(console));
        root.Add(ImportCommand.Create(console));
        root.Add(AccountCommand.Create(console));
        root.Add(BenchCommand.Create(console));
        root.Add(BacktestCommand.Create(console));
        root.Add(PoolCommand.Create(console));
        root.Add(IncentivesCommand.Create(console));
        root.Add(RepsCommand.Create(console));
        root.Add(SegmentsCommand.Create(console));
        root.Add(CampaignCommands.Create(console));
        root.Add(FitCommand.Create(console));
        root.Add(SnapshotsCommand.Create(console));
        foreach (var create in more ?? [])
        {
            root.Add(create(console));
        }

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0 && parsed.UnmatchedTokens.Count == 0 && parsed.CommandResult.Command is { Action: null, Subcommands.Count: > 0 })
        {
            // "rekindle" or "rekindle pool" alone: nothing was mistyped, the person wants to see the verbs.
            parsed = root.Parse([.. args, "--help"]);
        }

        if (parsed.Errors.Count > 0)
        {
            // The error first, with a "did you mean" and the help command to run: not the whole help, then the error.
            UsageErrors.Write(parsed, console.Error);
            return ExitCodes.BadInput;
        }

        try
        {
            return parsed.Invoke(new InvocationConfiguration
            {
                Output = console.Out,
                Error = console.Error,
                EnableDefaultExceptionHandler = false,
            }) switch
            {
                // The parser reports usage errors with exit code 1: they are bad input.
                1 when parsed.Errors.Count > 0 => ExitCodes.BadInput,
                var code => code,
            };
        }
        catch (InputException e)
        {
            foreach (var line in e.Errors.Describe())
            {
                console.Error.WriteLine($"error: {line}");
            }

            console.Error.WriteLine($"{e.Errors.Count} error(s); nothing was written.");
            return ExitCodes.BadInput;
        }
        catch (PolicyException e)
        {
            console.Error.WriteLine($"error: the policy {e.File} has {e.Problems.Count} problem(s):");
            foreach (var problem in e.Problems)
            {
                console.Error.WriteLine($"  {problem.Key}: {problem.Message}");
            }

            return ExitCodes.BadInput;
        }
        catch (UsageException e)
        {
            console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (IOException e)
        {
            console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.Failure;
        }
        catch (UnauthorizedAccessException e)
        {
            console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.Failure;
        }
    }
}

/// <summary>A command used wrongly (a bad option value): exit code 2 with the message.</summary>
public sealed class UsageException(string message) : Exception(message)
{
    public UsageException()
        : this("bad usage")
    {
    }

    public UsageException(string message, Exception inner)
        : this(message + ": " + inner.Message)
    {
    }
}
