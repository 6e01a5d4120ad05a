using System.Globalization;

namespace Rekindle.Reactivation;

public enum OfferKind : byte
{
    /// <summary>A percentage off, e.g. 10 for 10%.</summary>
    Percent = 0,
    /// <summary>An amount off, in the workspace's reporting currency.</summary>
    Amount = 1,
}

/// <summary>What a play offers: a percentage or an amount off.</summary>
public sealed record Offer(OfferKind Kind, decimal Value)
{
    public static Offer PercentOff(decimal percent) => new(OfferKind.Percent, percent);

    public static Offer AmountOff(decimal amount) => new(OfferKind.Amount, amount);

    /// <summary>As the <c>{offer}</c> placeholder shows it: <c>10%</c>, <c>12.5%</c>, <c>50.00</c> or <c>50.00 EUR</c>.</summary>
    public string Display(string? currency = null) => Kind switch
    {
        OfferKind.Percent => Value.ToString("0.##", CultureInfo.InvariantCulture) + "%",
        _ => Value.ToString("0.00", CultureInfo.InvariantCulture) + (string.IsNullOrWhiteSpace(currency) ? "" : " " + currency.Trim()),
    };
}
