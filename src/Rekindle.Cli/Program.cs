using Rekindle.Cli;

// The one place where "today" comes from the system clock: every verb receives it as an explicit date.
return CliApp.Run(args, new CliConsole(Console.Out, Console.Error, TimeProvider.System));
