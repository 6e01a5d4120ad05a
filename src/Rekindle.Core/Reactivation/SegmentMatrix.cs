using Rekindle.Lifecycle;

namespace Rekindle.Reactivation;

/// <summary>Which segment axes a matrix keeps apart; the others are summed over.</summary>
[Flags]
public enum SegmentAxes
{
    None = 0,
    Band = 1,
    Tier = 2,
    Channels = 4,
    All = Band | Tier | Channels,
}

/// <summary>
/// One cell of the segment matrix: the accounts in it and the revenue at stake (sum of their average annual spend).
/// An axis summed over is null in the cell and <c>*</c> in its code.
/// </summary>
public sealed record SegmentCell(
    int? Band,
    string? BandLabel,
    SpendTier? Tier,
    ChannelSet? Channels,
    int Accounts,
    int KeyAccounts,
    int Passive,
    int Inactive,
    int Dormant,
    decimal RevenueAtStake)
{
    public string Code => $"{BandLabel ?? "*"}/{Tier?.Code() ?? "*"}/{Channels?.Code() ?? "*"}";
}

/// <summary>The segment matrix: accounts and revenue at stake per (band, tier, channels) cell, non-empty cells only.</summary>
public sealed class SegmentMatrix
{
    private readonly IReadOnlyList<AccountSegment> accounts;
    private readonly DowntimeBands bands;

    private SegmentMatrix(IReadOnlyList<AccountSegment> accounts, DowntimeBands bands)
    {
        this.accounts = accounts;
        this.bands = bands;
        Cells = Rollup(SegmentAxes.All);
        Total = Rollup(SegmentAxes.None).SingleOrDefault() ?? new SegmentCell(null, null, null, null, 0, 0, 0, 0, 0, 0m);
    }

    /// <summary>Every non-empty full cell, by band, tier, then channels.</summary>
    public IReadOnlyList<SegmentCell> Cells { get; }

    public SegmentCell Total { get; }

    public static SegmentMatrix Of(IReadOnlyList<AccountSegment> accounts, DowntimeBands bands) => new(accounts, bands);

    /// <summary>
    /// The non-empty cells keeping <paramref name="axes"/> apart, summed over the others; e.g. Band | Tier is the
    /// two-way table a manager reads. Bands and tiers with no account are listed too when their axis is kept
    /// alone or with the other of the two, so a table shows every row and column.
    /// </summary>
    public IReadOnlyList<SegmentCell> Rollup(SegmentAxes axes)
    {
        var groups = new SortedDictionary<(int Band, int Tier, int Channels), List<AccountSegment>>();
        foreach (var s in accounts)
        {
            var key = (
                axes.HasFlag(SegmentAxes.Band) ? s.Band : -1,
                axes.HasFlag(SegmentAxes.Tier) ? (int)s.Tier : -1,
                axes.HasFlag(SegmentAxes.Channels) ? (int)s.Channels : -1);
            if (!groups.TryGetValue(key, out var list))
            {
                groups[key] = list = [];
            }

            list.Add(s);
        }

        if (!axes.HasFlag(SegmentAxes.Channels) && axes != SegmentAxes.None)
        {
            var bandKeys = axes.HasFlag(SegmentAxes.Band) ? Enumerable.Range(0, bands.Count) : [-1];
            var tierKeys = axes.HasFlag(SegmentAxes.Tier) ? SpendTiers.All.Select(t => (int)t) : [-1];
            foreach (var b in bandKeys)
            {
                foreach (var t in tierKeys)
                {
                    groups.TryAdd((b, t, -1), []);
                }
            }
        }

        return [.. groups.Select(g => Cell(g.Key, g.Value))];
    }

    private SegmentCell Cell((int Band, int Tier, int Channels) key, List<AccountSegment> members) => new(
        key.Band < 0 ? null : key.Band,
        key.Band < 0 ? null : bands.Label(key.Band),
        key.Tier < 0 ? null : (SpendTier)key.Tier,
        key.Channels < 0 ? null : (ChannelSet)key.Channels,
        members.Count,
        members.Count(m => m.Key),
        members.Count(m => m.Status == LifecycleStatus.Passive),
        members.Count(m => m.Status == LifecycleStatus.Inactive),
        members.Count(m => m.Status == LifecycleStatus.Dormant),
        members.Sum(m => m.RevenueAtStake));
}
