namespace Rekindle.Reactivation;

/// <summary>How big a customer a lapsed account was, by its average annual spend.</summary>
public enum SpendTier : byte
{
    Big = 0,
    Medium = 1,
    Small = 2,
}

/// <summary>Tier shares by head-count: the top <see cref="Big"/> share of lapsed accounts by average annual spend
/// are big, the next <see cref="Medium"/> share medium, the rest small.</summary>
public sealed record SpendTierShares(decimal Big, decimal Medium)
{
    public const decimal DefaultBig = 0.20m;
    public const decimal DefaultMedium = 0.30m;

    public static SpendTierShares Default { get; } = new(DefaultBig, DefaultMedium);
}

/// <summary>Fixed tier cut points in average annual spend: from <see cref="Big"/> up is big, from
/// <see cref="Medium"/> up (below big) medium, below that small.</summary>
public sealed record SpendTierCutPoints(decimal Big, decimal Medium);

public static class SpendTiers
{
    public static IReadOnlyList<SpendTier> All { get; } = [SpendTier.Big, SpendTier.Medium, SpendTier.Small];

    public static string Code(this SpendTier tier) => tier switch
    {
        SpendTier.Big => "big",
        SpendTier.Medium => "medium",
        SpendTier.Small => "small",
        _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, null),
    };

    public static bool TryParse(string? text, out SpendTier tier)
    {
        foreach (var t in All)
        {
            if (string.Equals(t.Code(), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                tier = t;
                return true;
            }
        }

        tier = default;
        return false;
    }

    /// <summary>The tier of a spend under cut points: <c>spend &gt;= Big</c> is big, <c>spend &gt;= Medium</c> medium.</summary>
    public static SpendTier TierOf(decimal averageAnnualSpend, SpendTierCutPoints cuts) =>
        averageAnnualSpend >= cuts.Big ? SpendTier.Big
        : averageAnnualSpend >= cuts.Medium ? SpendTier.Medium
        : SpendTier.Small;

    /// <summary>
    /// Cut points from head-count shares over the segmented accounts' spends. With n accounts ranked by spend,
    /// largest first, the big cut is the spend of the account at rank <c>ceil(Big x n)</c> and the medium cut that
    /// at rank <c>ceil((Big + Medium) x n)</c> (1-based): the fewest accounts that make up at least each share.
    /// Accounts tied with the one at a cut share its tier, so the tier never depends on the order of ties (a tier can
    /// then hold a little more than its share). A share that takes no account (rank 0) gives a cut above every spend.
    /// </summary>
    public static SpendTierCutPoints CutsFromShares(ReadOnlySpan<decimal> spends, SpendTierShares shares)
    {
        var sorted = spends.ToArray();
        Array.Sort(sorted, (a, b) => b.CompareTo(a));
        return new SpendTierCutPoints(CutAt(sorted, shares.Big), CutAt(sorted, shares.Big + shares.Medium));
    }

    private static decimal CutAt(decimal[] descending, decimal share)
    {
        var rank = (int)Math.Min(descending.Length, Math.Ceiling(share * descending.Length));
        return rank == 0 ? decimal.MaxValue : descending[rank - 1];
    }
}
