namespace Rekindle.Reactivation;

/// <summary>
/// The random control group of a campaign, stratified and reproducible. Given members with a stratum each, a share
/// and a seed:
/// <list type="number">
/// <item>The control size is <c>round(share x N)</c> (halves up). Each stratum gets <c>floor(share x n)</c>, and the
/// accounts still missing go one each to the strata with the largest remainders <c>share x n - floor(share x n)</c>
/// (ties in the order of a seeded hash of the stratum), so every stratum holds its share to within one account and
/// the total is exact even with many small strata.</item>
/// <item>Within a stratum, accounts are ranked by a seeded 64-bit hash of their id (ties by id); the first ones
/// form the control.</item>
/// </list>
/// Nothing depends on the order of the input: the same accounts, strata, share and seed give the same groups.
/// </summary>
public static class Holdout
{
    /// <summary>True at each index that goes to the control group.</summary>
    public static bool[] Assign(IReadOnlyList<string> accountIds, IReadOnlyList<string> strata, decimal share, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(share);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(share, 1m);
        if (accountIds.Count != strata.Count)
        {
            throw new ArgumentException("One stratum per account.", nameof(strata));
        }

        var control = new bool[accountIds.Count];
        var groups = Enumerable.Range(0, accountIds.Count)
            .GroupBy(i => strata[i], StringComparer.Ordinal)
            .Select(g => (Stratum: g.Key, Members: g
                .OrderBy(i => StableHash.Of(seed, accountIds[i]))
                .ThenBy(i => accountIds[i], StringComparer.Ordinal)
                .ToArray()))
            .OrderBy(g => g.Stratum, StringComparer.Ordinal)
            .ToArray();

        var total = (int)Math.Round(share * accountIds.Count, MidpointRounding.AwayFromZero);
        var counts = groups.Select(g => (int)Math.Floor(share * g.Members.Length)).ToArray();
        var missing = total - counts.Sum();
        var byRemainder = Enumerable.Range(0, groups.Length)
            .OrderByDescending(s => (share * groups[s].Members.Length) - counts[s])
            .ThenBy(s => StableHash.Of(seed, groups[s].Stratum))
            .ThenBy(s => groups[s].Stratum, StringComparer.Ordinal)
            .Take(missing);
        foreach (var s in byRemainder)
        {
            counts[s]++;
        }

        for (var s = 0; s < groups.Length; s++)
        {
            for (var k = 0; k < counts[s]; k++)
            {
                control[groups[s].Members[k]] = true;
            }
        }

        return control;
    }
}

/// <summary>A seeded 64-bit hash of a string: FNV-1a over its UTF-16 code units, finished with SplitMix64.</summary>
internal static class StableHash
{
    public static ulong Of(int seed, string text)
    {
        var h = 14695981039346656037UL;
        foreach (var c in text)
        {
            h ^= c;
            h *= 1099511628211UL;
        }

        return Mix(h ^ Mix((ulong)(uint)seed + 0x9E3779B97F4A7C15UL));
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
