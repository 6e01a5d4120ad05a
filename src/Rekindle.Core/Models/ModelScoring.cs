namespace Rekindle.Models;

/// <summary>Per-customer model scores as columns, aligned with the summary set they came from.</summary>
/// <param name="ProbabilityAlive">P(alive) at the calibration end.</param>
/// <param name="ExpectedPurchases">Expected purchases in the next <paramref name="Horizon"/> periods.</param>
/// <param name="ProbabilityNoPurchase">P(no purchase in the next <paramref name="Horizon"/> periods).</param>
/// <param name="Horizon">The horizon, in the summary's time unit.</param>
public sealed record ModelScores(double[] ProbabilityAlive, double[] ExpectedPurchases, double[] ProbabilityNoPurchase, double Horizon);

/// <summary>
/// Scores whole customer bases with a fitted model. The three count models go through <see cref="GroupedScoring"/>
/// (the costly terms once per distinct (x, T), a few logarithms per customer); any other model through plain loops
/// over the summary columns, split in chunks across cores, one <see cref="IPurchaseModel.Score"/> per customer.
/// </summary>
public static class ModelScoring
{
    private const int Chunk = 4096;

    /// <summary>P(alive), expected purchases and P(no purchase) over <paramref name="horizon"/> for every customer.</summary>
    public static ModelScores Score(IPurchaseModel model, CustomerSummaries data, double horizon)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfNegative(horizon);
        return model switch
        {
            BgNbd m => GroupedScoring.BetaGeometric(m.R, m.Alpha, m.A, m.B, 0, data, horizon),
            MbgNbd m => GroupedScoring.BetaGeometric(m.R, m.Alpha, m.A, m.B, 1, data, horizon),
            ParetoNbd m => GroupedScoring.Pareto(m, data, horizon),
            _ => Score<IPurchaseModel>(model, data, horizon),
        };
    }

    /// <summary>The same for a known model type, without interface dispatch in the loop.</summary>
    public static ModelScores Score<TModel>(TModel model, CustomerSummaries data, double horizon)
        where TModel : IPurchaseModel
    {
        ArgumentNullException.ThrowIfNull(data);
        var n = data.Count;
        double[] alive = new double[n], expected = new double[n], none = new double[n];
        var x = data.X;
        var tx = data.Tx;
        var T = data.T;
        Parallel.For(0, (n + Chunk - 1) / Chunk, c =>
        {
            var end = Math.Min(n, (c + 1) * Chunk);
            for (var i = c * Chunk; i < end; i++)
            {
                (alive[i], expected[i], none[i]) = model.Score(x[i], tx[i], T[i], horizon);
            }
        });
        return new ModelScores(alive, expected, none, horizon);
    }

    /// <summary>Expected spend per future purchase for every customer (Gamma-Gamma conditional expectation).</summary>
    public static double[] ExpectedSpend(GammaGamma spend, CustomerSummaries data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var m = data.MeanSpend ?? throw new ArgumentException("Expected spend needs the mean spend column.", nameof(data));
        var result = new double[data.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = spend.ExpectedSpend(data.X[i], m[i]);
        }

        return result;
    }
}
