namespace Rekindle.Models;

/// <summary>
/// Distinct (x, t_x, T) rows with how many customers share each: the likelihood is a weighted sum over them, which
/// for a cohort such as CDNOW (2,357 customers) is about half as many terms, and for a million customers far fewer.
/// Sums run in fixed chunks, in parallel when large, and add the chunks in order, so results are deterministic.
/// </summary>
internal sealed class SummaryGroups
{
    private const int Chunk = 1024;

    private SummaryGroups(double[] x, double[] tx, double[] T, double[] weight)
    {
        X = x;
        Tx = tx;
        this.T = T;
        Weight = weight;
        var distinct = new List<double>();
        XIndex = new int[x.Length];
        for (var i = 0; i < x.Length; i++)
        {
            if (distinct.Count == 0 || distinct[^1] != x[i])
            {
                distinct.Add(x[i]);
            }

            XIndex[i] = distinct.Count - 1;
        }

        DistinctX = [.. distinct];
    }

    /// <summary>The distinct values of x, ascending: terms that depend on x only are computed once per value.</summary>
    public double[] DistinctX { get; }

    /// <summary>For each group, the index of its x in <see cref="DistinctX"/>.</summary>
    public int[] XIndex { get; }

    public double[] X { get; }

    public double[] Tx { get; }

    public double[] T { get; }

    public double[] Weight { get; }

    public int Count => X.Length;

    public static SummaryGroups From(ReadOnlySpan<double> x, ReadOnlySpan<double> tx, ReadOnlySpan<double> T)
    {
        var index = new Dictionary<(double, double, double), int>();
        var weights = new List<double>();
        for (var i = 0; i < x.Length; i++)
        {
            var key = (x[i], tx[i], T[i]);
            if (index.TryGetValue(key, out var g))
            {
                weights[g]++;
            }
            else
            {
                index.Add(key, weights.Count);
                weights.Add(1);
            }
        }

        // Sorted by x (then t_x, T) so that groups sharing x are contiguous.
        var keys = index.Keys.ToArray();
        Array.Sort(keys);
        return new SummaryGroups(
            [.. keys.Select(k => k.Item1)], [.. keys.Select(k => k.Item2)], [.. keys.Select(k => k.Item3)], [.. keys.Select(k => weights[index[k]])]);
    }

    /// <summary>Σ weight × f(x, t_x, T).</summary>
    public double WeightedSum(Func<double, double, double, double> f) => WeightedSum(i => f(X[i], Tx[i], T[i]));

    /// <summary>Σ weight × f(group index).</summary>
    public double WeightedSum(Func<int, double> f)
    {
        var chunks = (Count + Chunk - 1) / Chunk;
        var partial = new double[chunks];
        void Run(int c)
        {
            var sum = 0.0;
            var end = Math.Min(Count, (c + 1) * Chunk);
            for (var i = c * Chunk; i < end; i++)
            {
                sum += Weight[i] * f(i);
            }

            partial[c] = sum;
        }

        if (chunks > 2)
        {
            Parallel.For(0, chunks, Run);
        }
        else
        {
            for (var c = 0; c < chunks; c++)
            {
                Run(c);
            }
        }

        var total = 0.0;
        foreach (var p in partial)
        {
            total += p;
        }

        return total;
    }
}
