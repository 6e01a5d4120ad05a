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
}
