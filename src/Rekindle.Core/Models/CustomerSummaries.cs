namespace Rekindle.Models;

/// <summary>The time unit of a summary: days, or weeks of 7 days (the CDNOW convention).</summary>
public enum TimeUnit
{
    /// <summary>Calendar days.</summary>
    Days,

    /// <summary>Weeks: days / 7.</summary>
    Weeks,
}

/// <summary>
/// One customer's calibration summary in the notation of the papers: <paramref name="X"/> repeat purchases (purchase
/// days after the first), the last of them <paramref name="Tx"/> periods after the first purchase (0 when x = 0),
/// observed for <paramref name="T"/> periods from the first purchase to the calibration end, the mean spend of the
/// repeat purchases (0 when x = 0) and, when a holdout period was given, the purchases in it.
/// </summary>
public readonly record struct CustomerSummary(string Id, double X, double Tx, double T, double MeanSpend, double HoldoutPurchases);

/// <summary>
/// The summaries of a customer base as columns (x, t_x, T, mean spend, holdout purchases, ids), so that a million
/// customers are five arrays rather than a million objects. Times are in <see cref="Unit"/>.
/// </summary>
public sealed class CustomerSummaries
{
    /// <summary>Wraps the columns (not copied); they must have one entry per customer and 0 ≤ t_x ≤ T, x ≥ 0.</summary>
    public CustomerSummaries(double[] x, double[] tx, double[] T, double[]? meanSpend = null, double[]? holdoutPurchases = null, string[]? ids = null, TimeUnit unit = TimeUnit.Weeks)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(T);
        var n = x.Length;
        if (tx.Length != n || T.Length != n || (meanSpend?.Length ?? n) != n || (holdoutPurchases?.Length ?? n) != n || (ids?.Length ?? n) != n)
        {
            throw new ArgumentException("Every column of a summary set needs one entry per customer.");
        }

        for (var i = 0; i < n; i++)
        {
            if (!(x[i] >= 0) || !(tx[i] >= 0) || !(T[i] >= tx[i]) || double.IsInfinity(T[i]) || (x[i] > 0 && !(tx[i] > 0)))
            {
                throw new ArgumentException($"Customer {ids?[i] ?? i.ToString()} has an impossible summary (x={x[i]}, t_x={tx[i]}, T={T[i]}).");
            }
        }

        X = x;
        Tx = tx;
        this.T = T;
        MeanSpend = meanSpend;
        HoldoutPurchases = holdoutPurchases;
        Ids = ids;
        Unit = unit;
    }

    /// <summary>Repeat purchases in the calibration period.</summary>
    public double[] X { get; }

    /// <summary>Time of the last repeat purchase since the first purchase.</summary>
    public double[] Tx { get; }

    /// <summary>Time from the first purchase to the calibration end.</summary>
    public double[] T { get; }

    /// <summary>Mean spend per repeat purchase (0 when x = 0), when known.</summary>
    public double[]? MeanSpend { get; }

    /// <summary>Purchases in the holdout period, when one was given.</summary>
    public double[]? HoldoutPurchases { get; }

    /// <summary>Customer ids, when known.</summary>
    public string[]? Ids { get; }

    /// <summary>The time unit of t_x and T.</summary>
    public TimeUnit Unit { get; }

    /// <summary>Number of customers.</summary>
    public int Count => X.Length;

    /// <summary>One customer's summary.</summary>
    public CustomerSummary this[int index] => new(
        Ids?[index] ?? index.ToString(), X[index], Tx[index], T[index], MeanSpend?[index] ?? 0, HoldoutPurchases?[index] ?? 0);

    /// <summary>Total repeat purchases in the calibration period.</summary>
    public double TotalRepeatPurchases => X.Sum();
}
