using System.Diagnostics;
using System.Globalization;
using Rekindle.App.Workspace;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Rekindle.Cli.Commands;

/// <summary>A progress bar with rows per second for each file over <see cref="ImportCommand.ProgressBarRows"/> rows; drawn only on a terminal.</summary>
internal static class ImportProgressView
{
    public static ImportReport Run(CliConsole console, Func<Action<ImportProgress>?, ImportReport> import)
    {
        var ansi = console.Ansi();
        if (!ansi.Profile.Capabilities.Interactive)
        {
            return import(Lines(console));
        }

        ImportReport? report = null;
        ansi.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RowsPerSecondColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var tasks = new Dictionary<string, ProgressTask>();
                report = import(p =>
                {
                    if (p.Total <= ImportCommand.ProgressBarRows && !tasks.ContainsKey(p.File))
                    {
                        return;
                    }

                    if (!tasks.TryGetValue(p.File, out var task))
                    {
                        tasks[p.File] = task = context.AddTask(Markup.Escape(p.File), maxValue: p.Total);
                        task.State.Update<long>("start", _ => Stopwatch.GetTimestamp());
                    }

                    task.MaxValue = Math.Max(p.Total, p.Done);
                    task.Value = p.Done;
                    task.State.Update<long>("rows", _ => p.Done);
                });
            });
        return report!;
    }

    /// <summary>Off a terminal (a log, a script): a line on standard error at each tenth of a large file.</summary>
    private static Action<ImportProgress> Lines(CliConsole console)
    {
        var started = new Dictionary<string, (long Start, long Tenth)>();
        return p =>
        {
            if (p.Total <= ImportCommand.ProgressBarRows)
            {
                return;
            }

            if (!started.TryGetValue(p.File, out var state))
            {
                started[p.File] = state = (Stopwatch.GetTimestamp(), -1);
            }

            var tenth = Math.Min(10, p.Done * 10 / p.Total);
            if (tenth == state.Tenth)
            {
                return;
            }

            started[p.File] = (state.Start, tenth);
            var seconds = Stopwatch.GetElapsedTime(state.Start).TotalSeconds;
            var rate = seconds > 0 ? p.Done / seconds : 0;
            console.Error.WriteLine($"{p.File}: {p.Done.ToString("#,0", CultureInfo.InvariantCulture)} of {p.Total.ToString("#,0", CultureInfo.InvariantCulture)} rows ({rate.ToString("#,0", CultureInfo.InvariantCulture)} rows/s)");
        };
    }

    /// <summary>Rows per second since the file started.</summary>
    private sealed class RowsPerSecondColumn : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
        {
            var seconds = Stopwatch.GetElapsedTime(task.State.Get<long>("start")).TotalSeconds;
            var rows = task.State.Get<long>("rows");
            var rate = seconds > 0 ? rows / seconds : 0;
            return new Text($"{rate.ToString("#,0", CultureInfo.InvariantCulture)} rows/s");
        }
    }
}
