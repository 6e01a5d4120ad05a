using System.Runtime.CompilerServices;

namespace Rekindle.Models;

/// <summary>
/// Distinct (x, t_x, T) rows with how many customers share each: the likelihood is a weighted sum over them, which
/// for a cohort such as CDNOW (2,357 customers) is about half as many terms, and for a million customers far fewer.
/// Groups are sorted by x so that those sharing x form one block (terms of x alone are computed once per block);
/// the distinct values of t_x and of T are listed too, so that log(α + T) and the like are computed once per value.
/// Sums run in fixed chunks, in parallel when large, and add the chunks in order, so results are deterministic.
/// </summary>
internal sealed class SummaryGroups
{
    private const int Chunk = 1024;

    private SummaryGroups((double X, double Tx, double T)[] keys, double[] weight)
    {
        X = [.. keys.Select(k => k.X)];
        Tx = [.. keys.Select(k => k.Tx)];
        T = [.. keys.Select(k => k.T)];
        Weight = weight;
        var distinct = new List<double>();
        var starts = new List<int>();
        XIndex = new int[X.Length];
        for (var i = 0; i < X.Length; i++)
        {
            if (distinct.Count == 0 || distinct[^1] != X[i])
            {
                distinct.Add(X[i]);
                starts.Add(i);
            }

            XIndex[i] = distinct.Count - 1;
        }

        starts.Add(X.Length);
        DistinctX = [.. distinct];
        XStart = [.. starts];
        (DistinctTx, TxIndex) = Distinct(Tx);
        (DistinctT, TIndex) = Distinct(T);
        Customers = weight.Sum();
    }

    /// <summary>The distinct values of x, ascending: terms that depend on x only are computed once per value.</summary>
    public double[] DistinctX { get; }

    /// <summary>Groups XStart[j] to XStart[j+1]-1 have x = DistinctX[j] (one more entry than <see cref="DistinctX"/>).</summary>
    public int[] XStart { get; }

    /// <summary>For each group, the index of its x in <see cref="DistinctX"/>.</summary>
    public int[] XIndex { get; }

    /// <summary>The distinct values of t_x, ascending.</summary>
    public double[] DistinctTx { get; }

    /// <summary>For each group, the index of its t_x in <see cref="DistinctTx"/>.</summary>
    public int[] TxIndex { get; }

    /// <summary>The distinct values of T, ascending.</summary>
    public double[] DistinctT { get; }

    /// <summary>For each group, the index of its T in <see cref="DistinctT"/>.</summary>
    public int[] TIndex { get; }

    public double[] X { get; }

    public double[] Tx { get; }

    public double[] T { get; }

    public double[] Weight { get; }

    /// <summary>The customers the groups stand for (the sum of the weights).</summary>
    public double Customers { get; }

    public int Count => X.Length;

    /// <summary>Sorts the rows by (x, t_x, T) and merges equal ones; fully optimised at once (a fit calls it once).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static SummaryGroups From(ReadOnlySpan<double> x, ReadOnlySpan<double> tx, ReadOnlySpan<double> T)
    {
        var rows = new Key[x.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = new Key(x[i], tx[i], T[i]);
        }

        Array.Sort(rows);
        var keys = new List<(double, double, double)>();
        var weights = new List<double>();
        for (var i = 0; i < rows.Length; i++)
        {
            if (i > 0 && rows[i].Equals(rows[i - 1]))
            {
                weights[^1]++;
            }
            else
            {
                keys.Add((rows[i].X, rows[i].Tx, rows[i].T));
                weights.Add(1);
            }
        }

        return new SummaryGroups([.. keys], [.. weights]);
    }

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

    private readonly record struct Key(double X, double Tx, double T) : IComparable<Key>
    {
        public int CompareTo(Key other)
        {
            var c = X.CompareTo(other.X);
            if (c != 0)
            {
                return c;
            }

            c = Tx.CompareTo(other.Tx);
            return c != 0 ? c : T.CompareTo(other.T);
        }
    }

    private static (double[] Values, int[] Index) Distinct(double[] column)
    {
        var values = column.Distinct().Order().ToArray();
        var position = new Dictionary<double, int>(values.Length);
        for (var k = 0; k < values.Length; k++)
        {
            position.Add(values[k], k);
        }

        return (values, [.. column.Select(v => position[v])]);
    }
}
