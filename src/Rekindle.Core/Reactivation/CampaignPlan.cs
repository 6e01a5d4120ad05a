using Rekindle.Common;
using Rekindle.Lifecycle;

namespace Rekindle.Reactivation;

/// <summary>What to plan: a named campaign over the segmented accounts.</summary>
public sealed record CampaignRequest
{
    public required string Name { get; init; }

    /// <summary>The day messages go out and the attribution window opens; null is the segmentation's as-of date.</summary>
    public DateOnly? LaunchOn { get; init; }

    /// <summary>Accounts matching any of these filters; empty: every lapsed account.</summary>
    public IReadOnlyList<SegmentFilter> Segments { get; init; } = [];

    /// <summary>Play ids to run; empty: every play that sends or assigns something (not the pool release).</summary>
    public IReadOnlyList<string> Plays { get; init; } = [];

    /// <summary>Share held out as the control group, in [0, 1); null is the policy's <c>holdoutShare</c>.</summary>
    public decimal? HoldoutShare { get; init; }

    public int Seed { get; init; }

    public string OfferCodePrefix { get; init; } = OfferCodes.DefaultPrefix;

    /// <summary>Shown after an amount offer ("50.00 EUR"); null shows the bare amount.</summary>
    public string? Currency { get; init; }

    public FavouriteRanking FavouriteRanking { get; init; } = FavouriteRanking.MostOrders;
}

public enum CampaignGroup : byte
{
    /// <summary>Gets the play.</summary>
    Treatment = 0,
    /// <summary>The holdout: gets nothing, so the reactivation the campaign caused shows as uplift over it.</summary>
    Control = 1,
}

/// <summary>
/// One account in a campaign: its segment, play, group, and (treatment only) the channel, contact, rendered message and
/// offer code. A control member carries no message and no code, so nothing can be sent to it by mistake.
/// </summary>
public sealed record CampaignMember
{
    public required string AccountId { get; init; }
    public required string AccountName { get; init; }
    public required string OwnerRepId { get; init; }
    public string? RepName { get; init; }
    public required LifecycleStatus Status { get; init; }
    public required bool Key { get; init; }
    public required string SegmentCode { get; init; }
    public required SpendTier Tier { get; init; }
    public required string BandLabel { get; init; }
    public required int DaysSinceLastOrder { get; init; }
    public required DateOnly LastOrderOn { get; init; }
    public required decimal RevenueAtStake { get; init; }
    public required string Play { get; init; }
    public required PlayAction Action { get; init; }
    public required int Priority { get; init; }
    public required CampaignGroup Group { get; init; }
    public FavouriteProduct? Favourite { get; init; }
    public Channel? Channel { get; init; }
    public string? ContactId { get; init; }
    public string? ContactFirstName { get; init; }
    public string? ContactLastName { get; init; }

    /// <summary>The contact's address on <see cref="Channel"/>: an email, a phone number, a profile, a postal address.</summary>
    public string? Address { get; init; }

    public Offer? Offer { get; init; }
    public string? OfferCode { get; init; }
    public string? Subject { get; init; }
    public string? Body { get; init; }
}

/// <summary>An account the campaign chose but cannot plan, and why.</summary>
public sealed record SkippedAccount(string AccountId, string? Play, string Reason);

/// <summary>Skip reasons a person can act on, short enough to count by: the same text for the same cause.</summary>
public static class CampaignSkipReasons
{
    public const string NoOwner = "no owner (in the pool or unassigned): a campaign is sent in its owner's name; claim or assign it first";
    public const string LeftToPool = "dormant: left to the pool sweep, not to a campaign";
    public const string NoContact = "no contact on record";
    public const string OptedOutEverywhere = "no reachable channel: every contact opted out or has no address";
    public const string NoRule = "no playbook rule matches";
}

/// <summary>
/// A planned campaign. Members are in work order: priority, key accounts first, revenue at stake (largest first),
/// account id. <see cref="AttributionWindowDays"/> is fixed at planning, so later policy edits do not move the goalposts.
/// </summary>
public sealed record CampaignPlan
{
    public required string Name { get; init; }
    public required DateOnly AsOf { get; init; }
    public required DateOnly LaunchOn { get; init; }
    public required int Seed { get; init; }
    public required decimal HoldoutShare { get; init; }
    public required int AttributionWindowDays { get; init; }
    public required string PolicyVersion { get; init; }
    public required IReadOnlyList<CampaignMember> Members { get; init; }
    public IReadOnlyList<SkippedAccount> Skipped { get; init; } = [];

    public IEnumerable<CampaignMember> Treatment => Members.Where(m => m.Group == CampaignGroup.Treatment);

    public IEnumerable<CampaignMember> Control => Members.Where(m => m.Group == CampaignGroup.Control);
}

/// <summary>
/// Something that stops a campaign being planned: a request problem (no account) or, for an account, a placeholder
/// with no value, naming the play, the field (subject or body) and the placeholder.
/// </summary>
public sealed record PlanningProblem(string? AccountId, string? Play, string? Placeholder, string Message)
{
    public override string ToString() =>
        AccountId is null ? Message : $"account {AccountId} (play {Play}): {Message}";
}

/// <summary>A plan, or every problem that stopped it (then no plan at all: nothing half-planned).</summary>
public sealed record CampaignPlanResult(CampaignPlan? Plan, IReadOnlyList<PlanningProblem> Problems)
{
    public bool IsValid => Plan is not null;
}
