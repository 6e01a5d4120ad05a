using Rekindle.Common;
using Rekindle.Lifecycle;

namespace Rekindle.Reactivation;

/// <summary>What carrying out a play means.</summary>
public enum PlayAction : byte
{
    /// <summary>A message to a contact on the first preferred channel that is reachable.</summary>
    Message = 0,
    /// <summary>A task for the account's owner (a call, a personal note, finding a contact), with a drafted text.</summary>
    OwnerTask = 1,
    /// <summary>Release to the dormant-account pool; the pool sweep carries it out, no campaign sends anything.</summary>
    Pool = 2,
}

/// <summary>
/// When a playbook rule applies. Every condition given must hold; an empty list or null means "any".
/// Downtime is bounded in days (inclusive) rather than by band label, so a rule holds whether bands are auto or fixed.
/// </summary>
public sealed record PlayCondition
{
    /// <summary>Lapsed statuses the rule applies to; empty: all three.</summary>
    public IReadOnlyList<LifecycleStatus> Statuses { get; init; } = [];

    public bool? Key { get; init; }

    public IReadOnlyList<SpendTier> Tiers { get; init; } = [];

    /// <summary>True: some channel is reachable; false: none is (find a contact); null: either.</summary>
    public bool? Reachable { get; init; }

    /// <summary>Applies when days since the last order are at least this many.</summary>
    public int? MinDaysSinceLastOrder { get; init; }

    /// <summary>Applies when days since the last order are at most this many ("within N days").</summary>
    public int? MaxDaysSinceLastOrder { get; init; }

    public bool Matches(AccountSegment s) =>
        (Statuses.Count == 0 || Statuses.Contains(s.Status))
        && (Key is null || Key == s.Key)
        && (Tiers.Count == 0 || Tiers.Contains(s.Tier))
        && (Reachable is null || Reachable == (s.Channels != ChannelSet.None))
        && (MinDaysSinceLastOrder is null || s.DaysSinceLastOrder >= MinDaysSinceLastOrder)
        && (MaxDaysSinceLastOrder is null || s.DaysSinceLastOrder <= MaxDaysSinceLastOrder);
}

/// <summary>
/// One playbook rule: when it applies, and the play: its action, channel preference order, message template
/// (subject and body), offer and priority (1 first; it orders the work: call lists, exports, a rep's day).
/// A rule with channels applies only when one of them is reachable, so an account nobody can be reached on falls
/// through to a later rule (find a contact).
/// </summary>
public sealed record PlayRule
{
    public required string Play { get; init; }
    public PlayCondition When { get; init; } = new();
    public PlayAction Action { get; init; } = PlayAction.Message;
    public IReadOnlyList<Channel> Channels { get; init; } = [];
    public string Subject { get; init; } = "";
    public string Body { get; init; } = "";
    public Offer? Offer { get; init; }
    public int Priority { get; init; } = 1;

    public bool Matches(AccountSegment s) =>
        When.Matches(s) && (Channels.Count == 0 || Channels.Any(c => s.Channels.Has(c)));

    /// <summary>The first preferred channel in <paramref name="reachable"/>, or null (no channels, or none reachable).</summary>
    public Channel? ChooseChannel(ChannelSet reachable)
    {
        foreach (var channel in Channels)
        {
            if (reachable.Has(channel))
            {
                return channel;
            }
        }

        return null;
    }
}
