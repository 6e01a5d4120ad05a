using System.Globalization;

namespace Rekindle.Reactivation;

/// <summary>
/// Bands of downtime (whole days since the last booked order) cut at ascending edges. An edge is the last day
/// of its band ("within N days" is <c>&lt;= N</c>): band 0 holds days <c>&lt;= e0</c>, band i holds
/// <c>e(i-1) &lt; days &lt;= e(i)</c>, the last band holds days <c>&gt;</c> the last edge. Labels are codes
/// usable in filters: <c>0-90d</c>, <c>91-180d</c>, <c>181d+</c>.
/// </summary>
public sealed record DowntimeBands
{
    /// <summary>Auto edges are rounded to whole months of this many days.</summary>
    public const int MonthDays = 30;

    /// <summary>Auto aims at this many bands of equal head-count (quantiles at 1/6 ... 5/6).</summary>
    public const int MaxAutoBands = 6;

    /// <summary>Auto always gives at least this many bands.</summary>
    public const int MinAutoBands = 3;

    public DowntimeBands(IReadOnlyList<int> edgesDays, bool auto)
    {
        for (var i = 0; i < edgesDays.Count; i++)
        {
            if (edgesDays[i] < 1 || (i > 0 && edgesDays[i] <= edgesDays[i - 1]))
            {
                throw new ArgumentException("Band edges must be positive and strictly increasing.", nameof(edgesDays));
            }
        }

        EdgesDays = [.. edgesDays];
        Auto = auto;
    }

    public IReadOnlyList<int> EdgesDays { get; }

    /// <summary>True when the edges were derived from the data ("auto"), false when the policy set them.</summary>
    public bool Auto { get; }

    public int Count => EdgesDays.Count + 1;

    /// <summary>The index of the band holding <paramref name="days"/> since the last order.</summary>
    public int BandOf(int days)
    {
        for (var i = 0; i < EdgesDays.Count; i++)
        {
            if (days <= EdgesDays[i])
            {
                return i;
            }
        }

        return EdgesDays.Count;
    }

    public string Label(int band)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(band);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(band, Count);
        var from = band == 0 ? 0 : EdgesDays[band - 1] + 1;
        return band == EdgesDays.Count
            ? string.Create(CultureInfo.InvariantCulture, $"{from}d+")
            : string.Create(CultureInfo.InvariantCulture, $"{from}-{EdgesDays[band]}d");
    }

    public IReadOnlyList<string> Labels => [.. Enumerable.Range(0, Count).Select(Label)];

    /// <summary>The band with this label, or -1.</summary>
    public int IndexOfLabel(string label)
    {
        for (var i = 0; i < Count; i++)
        {
            if (string.Equals(Label(i), label.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The policy's edges, or (when it says "auto", i.e. null) edges derived from the data.</summary>
    public static DowntimeBands For(IReadOnlyList<int>? policyEdgesDays, ReadOnlySpan<int> daysSinceLastOrder) =>
        policyEdgesDays is null ? FromData(daysSinceLastOrder) : new DowntimeBands(policyEdgesDays, auto: false);

    /// <summary>
    /// "Auto" bands from the most common ranges of downtime. The algorithm:
    /// <list type="number">
    /// <item>Take the nearest-rank quantiles of the downtimes at 1/6, 2/6, ... 5/6 (the value below which at least
    /// that share of accounts lies): equal head-count bands, so a range where many accounts sit gets narrow bands
    /// and a sparse tail gets one wide band.</item>
    /// <item>Round each to the nearest whole month of 30 days (halves up), never below one month.</item>
    /// <item>Merge equal edges, and drop an edge below the smallest downtime or at or above the largest (it would
    /// leave the first or the last band empty). That gives between 1 and 6 bands.</item>
    /// <item>With fewer than 3 bands (downtimes bunched within a month or two, or fewer than 3 accounts), add
    /// edges one month apart above the largest (starting from the rounded median) until there are 3 bands; only in
    /// this degenerate case can a band be empty.</item>
    /// </list>
    /// The same downtimes in any order give the same edges.
    /// </summary>
    public static DowntimeBands FromData(ReadOnlySpan<int> daysSinceLastOrder)
    {
        var sorted = daysSinceLastOrder.ToArray();
        Array.Sort(sorted);
        var edges = new SortedSet<int>();
        if (sorted.Length > 0)
        {
            for (var i = 1; i < MaxAutoBands; i++)
            {
                var edge = RoundToMonth(NearestRank(sorted, i, MaxAutoBands));
                if (edge >= sorted[0] && edge < sorted[^1])
                {
                    edges.Add(edge);
                }
            }
        }

        var next = edges.Count > 0
            ? edges.Max + MonthDays
            : sorted.Length > 0 ? RoundToMonth(NearestRank(sorted, 1, 2)) : MonthDays;
        while (edges.Count < MinAutoBands - 1)
        {
            edges.Add(next);
            next += MonthDays;
        }

        return new DowntimeBands([.. edges], auto: true);
    }

    /// <summary>The nearest-rank quantile at <paramref name="numerator"/>/<paramref name="denominator"/> of sorted values.</summary>
    internal static int NearestRank(int[] sorted, int numerator, int denominator)
    {
        var rank = ((sorted.Length * numerator) + denominator - 1) / denominator;
        return sorted[Math.Max(rank, 1) - 1];
    }

    /// <summary>Rounds days to the nearest whole month of 30 days (15 rounds up), at least one month.</summary>
    public static int RoundToMonth(int days) => Math.Max(MonthDays, (days + (MonthDays / 2)) / MonthDays * MonthDays);
}
