using System.Diagnostics;

namespace Rekindle.Bench;

/// <summary>How the bench times a step it repeats: the median of its runs' wall-clock times.</summary>
internal static class Timing
{
    public static TimeSpan Median(int runs, Action action)
    {
        var times = new List<TimeSpan>();
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            action();
            times.Add(clock.Elapsed);
        }

        times.Sort();
        return times[runs / 2];
    }

    /// <summary>
    /// The medians of wall-clock time and of the process's CPU time over the runs: on a machine shared with other
    /// work the wall clock includes waiting for a core, while the CPU time of a single-threaded step does not.
    /// </summary>
    public static (TimeSpan Wall, TimeSpan Cpu) MedianWithCpu(int runs, Action action)
    {
        var walls = new List<TimeSpan>();
        var cpus = new List<TimeSpan>();
        using var process = Process.GetCurrentProcess();
        for (var i = 0; i < runs; i++)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            action();
            walls.Add(clock.Elapsed);
            process.Refresh();
            cpus.Add(process.TotalProcessorTime - cpu);
        }

        walls.Sort();
        cpus.Sort();
        return (walls[runs / 2], cpus[runs / 2]);
    }
}
