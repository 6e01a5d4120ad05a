using Rekindle.Common;

namespace Rekindle.Reactivation;

/// <summary>Whether a favourite is a product (by SKU) or, when products are sparse, a category.</summary>
public enum FavouriteLevel : byte
{
    Product = 0,
    Category = 1,
}

/// <summary>How favourites are ranked: by the number of orders they were in, or by the money spent on them.</summary>
public enum FavouriteRanking : byte
{
    MostOrders = 0,
    MostSpend = 1,
}

/// <summary>What an account once bought most and has not bought lately: the basis of "an offer on the product they loved".</summary>
public sealed record FavouriteProduct(
    FavouriteLevel Level,
    string Key,
    string Name,
    int Orders,
    decimal Spend,
    DateOnly LastBoughtOn);

/// <summary>
/// Finds an account's favourite lapsed product from its order lines. Only lines of booked orders dated on or before the
/// as-of date count. Per product (by SKU; by product name when the SKU is blank): the distinct orders it was in, the
/// money spent (quantity x unit price) and the last date bought. A product is lapsed when it was not bought within the
/// account's cycle: <c>asOf - lastBought &gt; cycleDays</c> ("within N days" is <c>&lt;= N</c>). The favourite is the
/// lapsed product ranked first (most orders, then most spend, then most recent, then SKU; or most spend first).
/// <para>
/// <b>Sparse products.</b> When that product was in fewer than <see cref="MinRepeatOrders"/> orders, no product was ever
/// bought again, so no single product is something the account "loved"; the same ranking is then made over categories,
/// and the favourite is the lapsed category ranked first (falling back to the product when no category is lapsed).
/// </para>
/// </summary>
public static class FavouriteProducts
{
    /// <summary>A product bought in fewer orders than this is not a favourite; the category is used instead.</summary>
    public const int MinRepeatOrders = 2;

    public static FavouriteProduct? Find(ReadOnlySpan<OrderLine> lines, DateOnly asOf, double cycleDays, FavouriteRanking ranking = FavouriteRanking.MostOrders)
    {
        var products = new Dictionary<string, Tally>(StringComparer.Ordinal);
        var categories = new Dictionary<string, Tally>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            if (line.Status != OrderStatus.Booked || line.OrderDate > asOf)
            {
                continue;
            }

            var sku = Clean(line.Sku) ?? Clean(line.ProductName);
            if (sku is not null)
            {
                Add(products, sku, Clean(line.ProductName) ?? sku, line);
            }

            if (Clean(line.Category) is { } category)
            {
                Add(categories, category, category, line);
            }
        }

        var product = Best(products, FavouriteLevel.Product, asOf, cycleDays, ranking);
        if (product is not null && product.Orders >= MinRepeatOrders)
        {
            return product;
        }

        return Best(categories, FavouriteLevel.Category, asOf, cycleDays, ranking) ?? product;
    }

    private static FavouriteProduct? Best(Dictionary<string, Tally> tallies, FavouriteLevel level, DateOnly asOf, double cycleDays, FavouriteRanking ranking)
    {
        FavouriteProduct? best = null;
        foreach (var (key, t) in tallies)
        {
            if (asOf.DayNumber - t.LastBought.DayNumber <= cycleDays)
            {
                continue;
            }

            var candidate = new FavouriteProduct(level, key, t.Name, t.OrderIds.Count, t.Spend, t.LastBought);
            if (best is null || Compare(candidate, best, ranking) < 0)
            {
                best = candidate;
            }
        }

        return best;
    }

    /// <summary>Negative when <paramref name="a"/> ranks before <paramref name="b"/>.</summary>
    private static int Compare(FavouriteProduct a, FavouriteProduct b, FavouriteRanking ranking)
    {
        var byOrders = b.Orders.CompareTo(a.Orders);
        var bySpend = b.Spend.CompareTo(a.Spend);
        var first = ranking == FavouriteRanking.MostOrders ? byOrders : bySpend;
        var second = ranking == FavouriteRanking.MostOrders ? bySpend : byOrders;
        if (first != 0)
        {
            return first;
        }

        if (second != 0)
        {
            return second;
        }

        var byRecency = b.LastBoughtOn.CompareTo(a.LastBoughtOn);
        return byRecency != 0 ? byRecency : string.CompareOrdinal(a.Key, b.Key);
    }

    private static void Add(Dictionary<string, Tally> tallies, string key, string name, in OrderLine line)
    {
        if (!tallies.TryGetValue(key, out var t))
        {
            tallies[key] = t = new Tally();
        }

        t.OrderIds.Add(line.OrderId);
        t.Spend += line.Amount;
        if (line.OrderDate >= t.LastBought)
        {
            t.LastBought = line.OrderDate;
            t.Name = name;
        }
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private sealed class Tally
    {
        public HashSet<string> OrderIds { get; } = new(StringComparer.Ordinal);
        public decimal Spend { get; set; }
        public DateOnly LastBought { get; set; } = DateOnly.MinValue;
        public string Name { get; set; } = "";
    }
}
