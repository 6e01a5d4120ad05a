namespace Rekindle.Models;

/// <summary>
/// Customer lifetime value over a finite horizon as a discounted sum over future periods (the discrete approach of
/// Fader, Hardie &amp; Lee 2005 "RFM and CLV" and of the lifetimes package, rather than the Pareto/NBD's closed-form DERT):
/// CLV = Σₖ₌₁ᴷ spend · (E[Y(kΔ)] - E[Y((k-1)Δ)]) / (1 + d)ᵏ, where E[Y(t)] is the model's conditional expected purchases
/// in the next t periods, Δ the period length in the summary's time unit, d the discount rate per period, and spend
/// the Gamma-Gamma expected spend per purchase. Purchases in period k are discounted as if they happened at its end.
/// </summary>
public static class Clv
{
    /// <summary>The discounted value of one customer's expected purchases over <paramref name="periods"/> periods.</summary>
    public static double Value(IPurchaseModel model, double x, double tx, double T, double spendPerPurchase, int periods, double periodLength, double discountRatePerPeriod)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfNegative(periods);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(periodLength);
        if (!(discountRatePerPeriod > -1))
        {
            throw new ArgumentOutOfRangeException(nameof(discountRatePerPeriod), discountRatePerPeriod, "The discount rate must be above -100%.");
        }

        double value = 0, previous = 0, discount = 1;
        for (var k = 1; k <= periods; k++)
        {
            var cumulative = model.ExpectedPurchases(x, tx, T, k * periodLength);
            discount /= 1 + discountRatePerPeriod;
            value += Math.Max(0, cumulative - previous) * discount;
            previous = cumulative;
        }

        return spendPerPurchase * value;
    }

    /// <summary>CLV of every customer of a summary set, with the Gamma-Gamma spend of each.</summary>
    public static double[] Values(IPurchaseModel model, GammaGamma spend, CustomerSummaries data, int periods, double periodLength, double discountRatePerPeriod)
    {
        var spends = ModelScoring.ExpectedSpend(spend, data);
        var result = new double[data.Count];
        Parallel.For(0, data.Count, i =>
            result[i] = Value(model, data.X[i], data.Tx[i], data.T[i], spends[i], periods, periodLength, discountRatePerPeriod));
        return result;
    }
}
