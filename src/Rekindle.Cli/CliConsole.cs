using Spectre.Console;

namespace Rekindle.Cli;

/// <summary>Where a command writes (standard output and error) and the clock that decides "today".</summary>
public sealed class CliConsole(TextWriter output, TextWriter error, TimeProvider clock)
{
    public TextWriter Out { get; } = output;
    public TextWriter Error { get; } = error;
    public TimeProvider Clock { get; } = clock;

    /// <summary>Today's date by the injected clock, in UTC.</summary>
    public DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    /// <summary>A Spectre console drawing on <see cref="Out"/> (no colour when it is not a terminal).</summary>
    public IAnsiConsole Ansi()
    {
        var isTerminal = ReferenceEquals(Out, Console.Out) && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Out),
            Ansi = isTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = isTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = isTerminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!isTerminal)
        {
            // Redirected output is read in files and logs: wide tables rather than wrapped cells.
            console.Profile.Width = 160;
        }

        return console;
    }
}
