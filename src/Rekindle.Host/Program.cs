using Rekindle.Cli;
using Rekindle.Host;

// The one place where "today" comes from the system clock: every verb receives it as an explicit date.
return RekindleCommand.Run(args, new CliConsole(Console.Out, Console.Error, TimeProvider.System));
