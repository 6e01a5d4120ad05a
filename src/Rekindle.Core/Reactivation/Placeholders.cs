namespace Rekindle.Reactivation;

/// <summary>The placeholders a message template may use.</summary>
public static class Placeholders
{
    public const string AccountName = "account_name";
    public const string ContactFirstName = "contact_first_name";
    public const string ContactLastName = "contact_last_name";
    public const string FavouriteProduct = "favourite_product";
    public const string LastOrderDate = "last_order_date";
    public const string DaysSince = "days_since";
    public const string RepName = "rep_name";
    public const string Offer = "offer";
    public const string OfferCode = "offer_code";

    public static IReadOnlyList<string> All { get; } =
        [AccountName, ContactFirstName, ContactLastName, FavouriteProduct, LastOrderDate, DaysSince, RepName, Offer, OfferCode];

    /// <summary>Placeholders that need a contact, so a play without channels cannot use them.</summary>
    public static IReadOnlyList<string> NeedingContact { get; } = [ContactFirstName, ContactLastName];

    /// <summary>Placeholders that need the play to have an offer.</summary>
    public static IReadOnlyList<string> NeedingOffer { get; } = [Offer, OfferCode];

    public static bool IsKnown(string name) => All.Contains(name, StringComparer.Ordinal);
}

/// <summary>
/// The values of the placeholders for one account; null means "no value" (and rendering a template that uses it fails).
/// Dates are ISO (<c>yyyy-MM-dd</c>).
/// </summary>
public sealed record PlaceholderValues
{
    public string? AccountName { get; init; }
    public string? ContactFirstName { get; init; }
    public string? ContactLastName { get; init; }
    public string? FavouriteProduct { get; init; }
    public string? LastOrderDate { get; init; }
    public string? DaysSince { get; init; }
    public string? RepName { get; init; }
    public string? Offer { get; init; }
    public string? OfferCode { get; init; }

    public string? Get(string placeholder) => placeholder switch
    {
        Placeholders.AccountName => AccountName,
        Placeholders.ContactFirstName => ContactFirstName,
        Placeholders.ContactLastName => ContactLastName,
        Placeholders.FavouriteProduct => FavouriteProduct,
        Placeholders.LastOrderDate => LastOrderDate,
        Placeholders.DaysSince => DaysSince,
        Placeholders.RepName => RepName,
        Placeholders.Offer => Offer,
        Placeholders.OfferCode => OfferCode,
        _ => null,
    };
}
