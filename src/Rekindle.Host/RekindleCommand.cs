using Rekindle.Cli;

namespace Rekindle.Host;

/// <summary>The whole <c>rekindle</c> command: the CLI's verbs and the web's (serve, users).</summary>
public static class RekindleCommand
{
    public static int Run(string[] args, CliConsole console) =>
        CliApp.Run(args, console, [ServeCommand.Create, UsersCommand.Create]);
}
