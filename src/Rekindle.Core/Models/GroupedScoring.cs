using System.Runtime.CompilerServices;

namespace Rekindle.Models;

/// <summary>
/// Scores a whole customer base with the terms that do not depend on t_x computed once per distinct (x, T): the
/// expected purchases and the chance of buying of an alive customer (a hypergeometric series or a Pareto integral
/// each), and for the Pareto/NBD the integral's tail at t_x once per distinct (x, t_x). Each customer then costs a
/// few logarithms for P(alive). Summaries at day resolution repeat these pairs many times over, so a million customers
/// need far fewer series. Per-customer work runs in fixed chunks across cores into preallocated columns; results are
/// the same, to rounding, as the models' own <c>Score</c>, whatever the number of cores.
/// </summary>
internal static class GroupedScoring
{
    private const int Chunk = 8192;

    /// <summary>BG/NBD (shift 0) or MBG/NBD (shift 1).</summary>
    public static ModelScores BetaGeometric(double r, double alpha, double a, double b, int shift, CustomerSummaries data, double horizon)
    {
        var (pairOf, pairX, pairT) = Pairs(data.X, data.T);
        var k = pairX.Length;
        double[] logOdds = new double[k], expectedIfAlive = new double[k], buyIfAlive = new double[k];
        Parallel.For(0, (k + Chunk - 1) / Chunk, c =>
        {
            for (var j = c * Chunk; j < Math.Min(k, (c + 1) * Chunk); j++)
            {
                var (x, T) = (pairX[j], pairT[j]);
                logOdds[j] = x + shift > 0 ? Math.Log(a) - Math.Log(b + x + shift - 1) : double.NaN;
                expectedIfAlive[j] = AliveExpectation.Expected(r + x, alpha + T, a, b + x + shift, horizon);
                buyIfAlive[j] = -LogMath.ExpM1(-(r + x) * LogMath.Log1p(horizon / (alpha + T)));
            }
        });

        var (xs, txs, ts) = (data.X, data.Tx, data.T);
        return Customers(data.Count, horizon, (i, j) =>
        {
            var x = xs[i];
            var alive = x + shift <= 0 ? 1 : LogMath.InverseOnePlusExp(logOdds[j] + ((r + x) * LogMath.Log1p((ts[i] - txs[i]) / (alpha + txs[i]))));
            return (alive, alive * expectedIfAlive[j], 1 - (alive * buyIfAlive[j]));
        }, pairOf);
    }

    public static ModelScores Pareto(ParetoNbd m, CustomerSummaries data, double horizon)
    {
        var (r, alpha, s, beta) = (m.R, m.Alpha, m.S, m.Beta);
        var (pairOf, pairX, pairT) = Pairs(data.X, data.T);
        var (lastOf, lastX, lastTx) = Pairs(data.X, data.Tx);
        var k = pairX.Length;
        double[] aliveTerm = new double[k], tailAtT = new double[k], expectedIfAlive = new double[k], buyIfAlive = new double[k];
        var tailAtTx = new double[lastX.Length];
        Parallel.For(0, (k + Chunk - 1) / Chunk, c =>
        {
            for (var j = c * Chunk; j < Math.Min(k, (c + 1) * Chunk); j++)
            {
                var (x, T) = (pairX[j], pairT[j]);
                aliveTerm[j] = (-(r + x) * Math.Log(alpha + T)) - (s * Math.Log(beta + T));
                tailAtT[j] = ParetoIntegral.Tail(alpha, r + x, beta, s + 1, T);
                expectedIfAlive[j] = m.ExpectedIfAlive(x, T, horizon);
                buyIfAlive[j] = m.BuyIfAlive(x, T, horizon);
            }
        });
        Parallel.For(0, (lastX.Length + Chunk - 1) / Chunk, c =>
        {
            for (var j = c * Chunk; j < Math.Min(lastX.Length, (c + 1) * Chunk); j++)
            {
                tailAtTx[j] = ParetoIntegral.Tail(alpha, r + lastX[j], beta, s + 1, lastTx[j]);
            }
        });

        var logS = Math.Log(s);
        var (txs, ts) = (data.Tx, data.T);
        return Customers(data.Count, horizon, (i, j) =>
        {
            var integral = ts[i] > txs[i] ? LogMath.LogDiffExp(tailAtTx[lastOf[i]], tailAtT[j]) : double.NegativeInfinity;
            var alive = LogMath.InverseOnePlusExp(logS + integral - aliveTerm[j]);
            return (alive, alive * expectedIfAlive[j], 1 - (alive * buyIfAlive[j]));
        }, pairOf);
    }

    private static ModelScores Customers(int n, double horizon, Func<int, int, (double, double, double)> score, int[] pairOf)
    {
        double[] alive = new double[n], expected = new double[n], none = new double[n];
        Parallel.For(0, (n + Chunk - 1) / Chunk, c =>
        {
            for (var i = c * Chunk; i < Math.Min(n, (c + 1) * Chunk); i++)
            {
                (alive[i], expected[i], none[i]) = score(i, pairOf[i]);
            }
        });
        return new ModelScores(alive, expected, none, horizon);
    }

    /// <summary>The distinct (first, second) pairs in order of first appearance, and each row's pair.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (int[] Of, double[] First, double[] Second) Pairs(double[] first, double[] second)
    {
        var index = new Dictionary<(double, double), int>(1024, PairComparer.Instance);
        var of = new int[first.Length];
        var firsts = new List<double>();
        var seconds = new List<double>();
        for (var i = 0; i < first.Length; i++)
        {
            var key = (first[i], second[i]);
            if (!index.TryGetValue(key, out var j))
            {
                j = firsts.Count;
                index.Add(key, j);
                firsts.Add(first[i]);
                seconds.Add(second[i]);
            }

            of[i] = j;
        }

        return (of, [.. firsts], [.. seconds]);
    }

    /// <summary>Equality of both values, hashed from their bits (zero's sign made positive first).</summary>
    private sealed class PairComparer : IEqualityComparer<(double, double)>
    {
        public static readonly PairComparer Instance = new();

        public bool Equals((double, double) a, (double, double) b) => a.Item1 == b.Item1 && a.Item2 == b.Item2;

        public int GetHashCode((double, double) pair)
        {
            var h = ((ulong)BitConverter.DoubleToInt64Bits(pair.Item1 + 0.0) * 0x9E3779B97F4A7C15UL) ^ (ulong)BitConverter.DoubleToInt64Bits(pair.Item2 + 0.0);
            return (int)((h * 0xBF58476D1CE4E5B9UL) >> 32);
        }
    }
}
