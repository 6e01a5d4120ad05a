using Rekindle.Common;
using Rekindle.Models;
using Rekindle.Reactivation;

namespace Rekindle.Policies;

/// <summary>
/// The team's one dormancy policy: every number the rules use, with its documented default.
/// Immutable; build variants with <c>with</c>. <see cref="Validate"/> reports every problem at once;
/// <see cref="PolicyJson"/> reads and writes the JSON document and gives the version id.
/// </summary>
public sealed record Policy
{
    public const int DefaultNewAccountDays = 90;
    public const double DefaultInactiveAfterCycles = 2.0;
    public const int DefaultRegularMinOrders = 3;
    public const int DefaultRegularWindowDays = 365;
    public const int DefaultEngagementWindowDays = 90;
    public const int DefaultDormantAfterDays = 365;
    public const int DefaultDormantPipelineDays = 180;
    public const int DefaultCycleWindowDays = 1095;
    public const int DefaultMinOrdersForOwnCycle = 3;
    public const int DefaultCompanyCycleFallbackDays = 365;
    public const int DefaultRevenueWindowDays = 365;
    public const decimal DefaultKeyRevenueShare = 0.80m;
    public const int DefaultPoolAfterDormantDays = 30;
    public const int DefaultPoolNoticeDays = 14;
    public const int DefaultMaxClaimsPerRepPerDay = 5;
    public const int DefaultMaxOpenClaimsPerRep = 20;
    public const int DefaultReclaimCooldownDays = 180;
    public const int DefaultClaimExpiryDays = 90;
    public const decimal DefaultHandoffBonusRate = 0.05m;
    public const decimal DefaultAcceleratorRate = 0.02m;
    public const int DefaultAcceleratorDays = 90;
    public const double DefaultEarlyReleaseBonusMultiplier = 1.5;
    public const int DefaultAttributionWindowDays = 60;
    public const decimal DefaultHoldoutShare = 0.10m;
    public const int DefaultModelHorizonDays = 90;
    public const decimal DefaultSlippingAliveBelow = 0.5m;

    /// <summary>Engagement kinds that keep a lapsed account passive (not email_open, not call_unanswered).</summary>
    /// <summary>
    /// Downtime band edges by default: 0-90d, 91-180d, 181-365d, 366-730d, 731d+. Fixed edges, so an account's band
    /// does not drift with the as-of date or with the rest of the book ("auto" derives them from the data instead).
    /// </summary>
    public static readonly IReadOnlyList<int> DefaultSegmentDowntimeEdgesDays = [90, 180, 365, 730];

    public static readonly IReadOnlyList<EngagementKind> DefaultEngagementKinds =
    [
        EngagementKind.WebVisit, EngagementKind.EmailClick, EngagementKind.CallAnswered,
        EngagementKind.Meeting, EngagementKind.SupportTicket, EngagementKind.Event,
    ];

    public static Policy Default { get; } = new();

    /// <summary>First booked order within this many days of the as-of date: new.</summary>
    public int NewAccountDays { get; init; } = DefaultNewAccountDays;

    /// <summary>Lapsed when days since the last order exceed this many buying cycles.</summary>
    public double InactiveAfterCycles { get; init; } = DefaultInactiveAfterCycles;

    /// <summary>Active (regular) needs at least this many booked orders in <see cref="RegularWindowDays"/>.</summary>
    public int RegularMinOrders { get; init; } = DefaultRegularMinOrders;

    public int RegularWindowDays { get; init; } = DefaultRegularWindowDays;

    /// <summary>An engagement this recent keeps a lapsed account passive.</summary>
    public int EngagementWindowDays { get; init; } = DefaultEngagementWindowDays;

    /// <summary>What counts as engagement.</summary>
    public IReadOnlyList<EngagementKind> EngagementKinds { get; init; } = DefaultEngagementKinds;

    /// <summary>Days since the last order before a lapsed account can be dormant (strictly more).</summary>
    public int DormantAfterDays { get; init; } = DefaultDormantAfterDays;

    /// <summary>Dormant also needs no open opportunity and none closed within this many days.</summary>
    public int DormantPipelineDays { get; init; } = DefaultDormantPipelineDays;

    /// <summary>Trailing window of order dates used to measure buying cycles.</summary>
    public int CycleWindowDays { get; init; } = DefaultCycleWindowDays;

    /// <summary>Distinct order dates an account needs to use its own cycle; below it uses the company's.</summary>
    public int MinOrdersForOwnCycle { get; init; } = DefaultMinOrdersForOwnCycle;

    /// <summary>Pins the company cycle instead of measuring it; null measures it.</summary>
    public int? FixedCycleDays { get; init; }

    /// <summary>Company cycle used when no account has two order dates to measure one.</summary>
    public int CompanyCycleFallbackDays { get; init; } = DefaultCompanyCycleFallbackDays;

    /// <summary>Trailing window of "12-month" orders and revenue, and of the key-account cut.</summary>
    public int RevenueWindowDays { get; init; } = DefaultRevenueWindowDays;

    /// <summary>Key accounts: the fewest accounts whose trailing revenue makes up this share of the total.</summary>
    public decimal KeyRevenueShare { get; init; } = DefaultKeyRevenueShare;

    /// <summary>Optional cap on the number of key accounts; null means no cap.</summary>
    public int? KeyMaxAccounts { get; init; }

    public int PoolAfterDormantDays { get; init; } = DefaultPoolAfterDormantDays;
    public int PoolNoticeDays { get; init; } = DefaultPoolNoticeDays;
    public int MaxClaimsPerRepPerDay { get; init; } = DefaultMaxClaimsPerRepPerDay;
    public int MaxOpenClaimsPerRep { get; init; } = DefaultMaxOpenClaimsPerRep;
    public int ReclaimCooldownDays { get; init; } = DefaultReclaimCooldownDays;
    public int ClaimExpiryDays { get; init; } = DefaultClaimExpiryDays;
    public decimal HandoffBonusRate { get; init; } = DefaultHandoffBonusRate;

    /// <summary>A fixed handoff bonus instead of the rate; null uses <see cref="HandoffBonusRate"/>.</summary>
    public decimal? HandoffBonusFixed { get; init; }

    public decimal AcceleratorRate { get; init; } = DefaultAcceleratorRate;
    public int AcceleratorDays { get; init; } = DefaultAcceleratorDays;
    public double EarlyReleaseBonusMultiplier { get; init; } = DefaultEarlyReleaseBonusMultiplier;
    public int AttributionWindowDays { get; init; } = DefaultAttributionWindowDays;
    public decimal HoldoutShare { get; init; } = DefaultHoldoutShare;

    /// <summary>Reactivation: downtime band edges in days, each the last day of its band; null is "auto" (<see cref="DowntimeBands.FromData"/>).</summary>
    public IReadOnlyList<int>? SegmentDowntimeEdgesDays { get; init; } = DefaultSegmentDowntimeEdgesDays;

    /// <summary>Reactivation: spend tiers by share of lapsed accounts (default top 20% big, next 30% medium, the rest small).</summary>
    public SpendTierShares SpendTierShares { get; init; } = SpendTierShares.Default;

    /// <summary>Reactivation: fixed spend cut points in average annual spend; null uses <see cref="SpendTierShares"/>.</summary>
    public SpendTierCutPoints? SpendTierCutPoints { get; init; }

    /// <summary>Reactivation: the playbook, rules from (status, key, segment, channels) to a play (<see cref="DefaultPlaybook"/>).</summary>
    public Playbook Playbook { get; init; } = Playbook.Default;

    /// <summary>Model signals: the customer-base model fitted at each classification; null (the default) fits none.</summary>
    public ModelKind? SignalModel { get; init; }

    /// <summary>Model signals: the horizon of "no purchase next" and "expected orders next", in days.</summary>
    public int ModelHorizonDays { get; init; } = DefaultModelHorizonDays;

    /// <summary>Model signals: an account the rules call active is flagged slipping when its P(alive) is below this.</summary>
    public decimal SlippingAliveBelow { get; init; } = DefaultSlippingAliveBelow;

    /// <summary>True when <paramref name="kind"/> counts as engagement under this policy.</summary>
    public bool CountsAsEngagement(EngagementKind kind)
    {
        foreach (var k in EngagementKinds)
        {
            if (k == kind)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Every problem with this policy, each naming its key. Empty when the policy is usable.</summary>
    public IReadOnlyList<PolicyProblem> Validate()
    {
        var problems = new List<PolicyProblem>();
        foreach (var parameter in PolicyParameters.All)
        {
            parameter.Check(this, problems);
        }

        return problems;
    }

    public bool Equals(Policy? other) =>
        other is not null && PolicyJson.Canonical(this) == PolicyJson.Canonical(other);

    public override int GetHashCode() => PolicyJson.Canonical(this).GetHashCode(StringComparison.Ordinal);
}

/// <summary>One thing wrong with a policy document, naming the key that caused it.</summary>
public sealed record PolicyProblem(string Key, string Message)
{
    public override string ToString() => $"{Key}: {Message}";
}
