using Rekindle.Lifecycle;

namespace Rekindle.Reactivation;

/// <summary>
/// One lapsed account's place on the three segment axes as of a date, with the figures behind it and the play the
/// policy's playbook gives it. <see cref="RevenueAtStake"/> is the account's value at stake
/// (<see cref="Common.ValueAtStake"/>: booked revenue of the 365 days up to its last booked order), the same figure the
/// pool shows; <see cref="AverageAnnualSpend"/> places it in a spend tier.
/// </summary>
public sealed record AccountSegment
{
    public required int AccountIndex { get; init; }
    public required string AccountId { get; init; }
    public required string AccountName { get; init; }
    public required string OwnerRepId { get; init; }
    public required LifecycleStatus Status { get; init; }
    public required bool Key { get; init; }
    public required DateOnly LastOrderOn { get; init; }

    /// <summary>Whole days from the last booked order to the as-of date.</summary>
    public required int DaysSinceLastOrder { get; init; }

    /// <summary>The account's buying cycle in days, as the lifecycle engine measured it.</summary>
    public required double CycleDays { get; init; }

    /// <summary>Booked revenue up to the as-of date.</summary>
    public required decimal LifetimeSpend { get; init; }

    /// <summary>
    /// Lifetime spend per year of buying: lifetime spend / max(1, days from first to last booked order / 365),
    /// rounded to cents. An account that bought for less than a year counts as one year, so its spend is its yearly
    /// spend; the downtime since the last order does not dilute it.
    /// </summary>
    public required decimal AverageAnnualSpend { get; init; }

    /// <summary>Booked revenue of the 365 days up to the last booked order (<see cref="Common.ValueAtStake"/>).</summary>
    public required decimal ValueAtStake { get; init; }

    public required int Band { get; init; }
    public required string BandLabel { get; init; }
    public required SpendTier Tier { get; init; }

    /// <summary>Channels on which at least one contact has an address and has not opted out.</summary>
    public required ChannelSet Channels { get; init; }

    /// <summary>The id of the first playbook rule that matches, or null when none does.</summary>
    public string? PlayId { get; init; }

    public decimal RevenueAtStake => ValueAtStake;

    /// <summary>The segment as a code: <c>band/tier/channels</c>, e.g. <c>181-365d/big/email+phone</c>.</summary>
    public string SegmentCode => $"{BandLabel}/{Tier.Code()}/{Channels.Code()}";
}
