using Rekindle.Common;
using Rekindle.Lifecycle;
using Rekindle.Policies;

namespace Rekindle.Reactivation;

/// <summary>
/// Segments the lapsed accounts (passive, inactive, dormant) of a classified book on three axes: downtime band,
/// spend tier and reachable channels. Pure: the classification (book, policy, as-of date) and the directory in,
/// the segments out; the same inputs give the same segments.
/// </summary>
public static class Segmentation
{
    public static SegmentedBook Segment(BookClassification classification, ReactivationDirectory directory)
    {
        var book = classification.Book;
        var policy = classification.Policy;
        var asOf = classification.AsOf.DayNumber;

        var lapsed = new List<int>();
        for (var a = 0; a < book.AccountCount; a++)
        {
            var c = classification[a];
            if (c.Exists && c.Status.IsLapsed() && c.Measures.HasBookedOrder)
            {
                lapsed.Add(a);
            }
        }

        var days = new int[lapsed.Count];
        var lifetime = new decimal[lapsed.Count];
        var annual = new decimal[lapsed.Count];
        for (var i = 0; i < lapsed.Count; i++)
        {
            var a = lapsed[i];
            days[i] = asOf - classification[a].Measures.LastOrderDay;
            (lifetime[i], annual[i]) = Spend(book.Facts(a), asOf);
        }

        var bands = DowntimeBands.For(policy.SegmentDowntimeEdgesDays, days);
        var cuts = policy.SpendTierCutPoints ?? SpendTiers.CutsFromShares(annual, policy.SpendTierShares);

        var segments = new AccountSegment[lapsed.Count];
        for (var i = 0; i < lapsed.Count; i++)
        {
            var a = lapsed[i];
            var c = classification[a];
            var info = book.Accounts[a];
            var band = bands.BandOf(days[i]);
            var segment = new AccountSegment
            {
                AccountIndex = a,
                AccountId = info.Id,
                AccountName = info.Name,
                OwnerRepId = info.OwnerRepId,
                Status = c.Status,
                Key = c.Key,
                LastOrderOn = DateOnly.FromDayNumber(c.Measures.LastOrderDay),
                DaysSinceLastOrder = days[i],
                CycleDays = c.CycleDays,
                LifetimeSpend = lifetime[i],
                AverageAnnualSpend = annual[i],
                ValueAtStake = Common.ValueAtStake.Of(book.Facts(a).OrderDays, book.Facts(a).OrderAmounts, book.Facts(a).OrderStatuses, asOf),
                Band = band,
                BandLabel = bands.Label(band),
                Tier = SpendTiers.TierOf(annual[i], cuts),
                Channels = directory.ReachableChannels(info.Id),
            };
            segments[i] = segment with { PlayId = policy.Playbook.Match(segment)?.Play };
        }

        return new SegmentedBook(classification.AsOf, policy, bands, cuts, policy.SpendTierCutPoints is not null, segments);
    }

    /// <summary>Booked revenue up to <paramref name="asOf"/>, and that per year of buying (see <see cref="AccountSegment.AverageAnnualSpend"/>).</summary>
    public static (decimal Lifetime, decimal AverageAnnual) Spend(AccountFacts facts, int asOf)
    {
        var total = 0m;
        int first = AccountBook.NoDay, last = AccountBook.NoDay;
        for (var i = 0; i < facts.OrderDays.Length && facts.OrderDays[i] <= asOf; i++)
        {
            if (facts.OrderStatuses[i] != OrderStatus.Booked)
            {
                continue;
            }

            total += facts.OrderAmounts[i];
            first = Math.Min(first, facts.OrderDays[i]);
            last = facts.OrderDays[i];
        }

        if (first == AccountBook.NoDay)
        {
            return (0m, 0m);
        }

        var years = Math.Max(1m, (last - first) / 365m);
        return (total, Math.Round(total / years, 2, MidpointRounding.AwayFromZero));
    }
}

/// <summary>The lapsed accounts of a book segmented as of a date, the axes used and the segment matrix.</summary>
public sealed class SegmentedBook(
    DateOnly asOf, Policy policy, DowntimeBands bands, SpendTierCutPoints tierCuts, bool tierCutsFromPolicy, AccountSegment[] accounts)
{
    private readonly Lazy<Dictionary<string, AccountSegment>> byId = new(() => accounts.ToDictionary(s => s.AccountId, StringComparer.Ordinal));
    private SegmentMatrix? matrix;

    public DateOnly AsOf { get; } = asOf;
    public Policy Policy { get; } = policy;
    public string PolicyVersion { get; } = PolicyJson.VersionId(policy);
    public DowntimeBands Bands { get; } = bands;

    /// <summary>The spend cut points used: the policy's, or those computed from its tier shares.</summary>
    public SpendTierCutPoints TierCuts { get; } = tierCuts;

    public bool TierCutsFromPolicy { get; } = tierCutsFromPolicy;

    /// <summary>Every lapsed account, in book order.</summary>
    public IReadOnlyList<AccountSegment> Accounts { get; } = accounts;

    public SegmentMatrix Matrix => matrix ??= SegmentMatrix.Of(Accounts, Bands);

    public AccountSegment? Find(string accountId) => byId.Value.GetValueOrDefault(accountId);
}
