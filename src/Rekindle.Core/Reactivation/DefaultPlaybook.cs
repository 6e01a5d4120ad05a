using Rekindle.Common;
using Rekindle.Lifecycle;

namespace Rekindle.Reactivation;

/// <summary>
/// The default playbook (PRODUCT.md "Reactivation"), first match wins:
/// <list type="number">
/// <item><c>personal_outreach</c>: a lapsing key account gets personal outreach by its owner (priority 1).</item>
/// <item><c>release_to_pool</c>: a dormant account goes to the pool (the pool sweep does it).</item>
/// <item><c>find_contact</c>: an account with no reachable channel gets a find-a-contact task for its owner.</item>
/// <item><c>favourite_product_offer</c>: a passive account gets 10% off the product it once bought most.</item>
/// <item><c>loyalty_invitation</c>: an inactive big spender is invited to the loyalty programme, 50 off as a welcome.</item>
/// <item><c>we_miss_you</c>: every other inactive account gets "we miss you" with 15% off.</item>
/// </list>
/// </summary>
public static class DefaultPlaybook
{
    public const decimal FavouriteProductPercent = 10m;
    public const decimal LoyaltyAmount = 50m;
    public const decimal WeMissYouPercent = 15m;

    private static readonly LifecycleStatus[] Lapsed = [LifecycleStatus.Passive, LifecycleStatus.Inactive, LifecycleStatus.Dormant];

    public static Playbook Value { get; } = new(
    [
        new PlayRule
        {
            Play = "personal_outreach",
            When = new PlayCondition { Statuses = Lapsed, Key = true },
            Action = PlayAction.OwnerTask,
            Channels = [Channel.Phone, Channel.Email, Channel.Social, Channel.Postal],
            Subject = "{account_name}: catching up",
            Body = "Hi {contact_first_name}, it's {rep_name}. It has been {days_since} days since your last order on {last_order_date}, "
                + "and I would like to hear how things are going at {account_name} and what we could do better. Could we talk this week?",
            Priority = 1,
        },
        new PlayRule
        {
            Play = "release_to_pool",
            When = new PlayCondition { Statuses = [LifecycleStatus.Dormant] },
            Action = PlayAction.Pool,
            Priority = 4,
        },
        new PlayRule
        {
            Play = "find_contact",
            When = new PlayCondition { Statuses = Lapsed, Reachable = false },
            Action = PlayAction.OwnerTask,
            Subject = "Find a contact at {account_name}",
            Body = "{account_name} has not ordered for {days_since} days (last order {last_order_date}) and we have no contact we may reach. "
                + "Find the person who buys, and add their details.",
            Priority = 2,
        },
        new PlayRule
        {
            Play = "favourite_product_offer",
            When = new PlayCondition { Statuses = [LifecycleStatus.Passive] },
            Action = PlayAction.Message,
            Channels = [Channel.Email, Channel.Phone, Channel.Postal, Channel.Social],
            Subject = "{contact_first_name}, {offer} off {favourite_product}",
            Body = "Hi {contact_first_name}, you have ordered {favourite_product} from us before, so we kept something for you: "
                + "{offer} off your next order of it with code {offer_code}. Best regards, {rep_name}",
            Offer = Offer.PercentOff(FavouriteProductPercent),
            Priority = 2,
        },
        new PlayRule
        {
            Play = "loyalty_invitation",
            When = new PlayCondition { Statuses = [LifecycleStatus.Inactive], Tiers = [SpendTier.Big] },
            Action = PlayAction.Message,
            Channels = [Channel.Email, Channel.Postal, Channel.Phone, Channel.Social],
            Subject = "{account_name}, an invitation to our loyalty programme",
            Body = "Hi {contact_first_name}, {account_name} has been one of our best customers, and we would like to invite you to our "
                + "loyalty programme. As a welcome, {offer} off your next order with code {offer_code}. Best regards, {rep_name}",
            Offer = Offer.AmountOff(LoyaltyAmount),
            Priority = 2,
        },
        new PlayRule
        {
            Play = "we_miss_you",
            When = new PlayCondition { Statuses = [LifecycleStatus.Inactive] },
            Action = PlayAction.Message,
            Channels = [Channel.Email, Channel.Postal, Channel.Social, Channel.Phone],
            Subject = "We miss you, {contact_first_name}",
            Body = "Hi {contact_first_name}, it has been {days_since} days since {account_name}'s last order, and we miss you. "
                + "Here is {offer} off your next order with code {offer_code}. Best regards, {rep_name}",
            Offer = Offer.PercentOff(WeMissYouPercent),
            Priority = 3,
        },
    ]);
}
