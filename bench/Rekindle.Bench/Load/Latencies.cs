using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Rekindle.Bench.Load;

/// <summary>What one scenario measured: each request's latency, its errors, and the wall-clock time of the whole.</summary>
internal sealed class Latencies(string scenario)
{
    private readonly ConcurrentBag<double> milliseconds = [];
    private readonly ConcurrentDictionary<string, int> outcomes = new(StringComparer.Ordinal);
    private int errors;

    public string Scenario => scenario;
    public TimeSpan Wall { get; set; }
    public int Errors => errors;
    public int Count => milliseconds.Count;

    /// <summary>Times <paramref name="call"/>; it returns an outcome label (e.g. granted, refused) or throws (an error).</summary>
    public async Task Measure(Func<Task<string>> call)
    {
        var clock = Stopwatch.StartNew();
        string outcome;
        try
        {
            outcome = await call();
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException or TaskCanceledException or IOException or System.Data.Common.DbException)
        {
            outcome = "error: " + e.GetType().Name;
        }

        milliseconds.Add(clock.Elapsed.TotalMilliseconds);
        if (outcome.StartsWith("error", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref errors);
        }

        outcomes.AddOrUpdate(outcome, 1, (_, n) => n + 1);
    }

    public double Percentile(double p)
    {
        var sorted = milliseconds.Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(p / 100 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }

    public double Throughput => Count / Wall.TotalSeconds;

    public string Outcomes => string.Join(", ", outcomes.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key} {o.Value}"));

    public string Row(string provider, int clients, string machine, string load) => string.Create(CultureInfo.InvariantCulture,
        $"| {scenario} | {provider} | {clients} | {Count:N0} | {Percentile(50):0} ms | {Percentile(95):0} ms | {Percentile(99):0} ms | {Throughput:0.0} | {Errors} | {machine} | {load} |");
}
