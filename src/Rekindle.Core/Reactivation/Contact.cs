using Rekindle.Common;

namespace Rekindle.Reactivation;

/// <summary>
/// A person at an account and how to reach them. A channel is usable when its address is present (not blank)
/// and the contact has not opted out of it; an opted-out channel is never used, whatever else is true.
/// </summary>
public sealed record Contact(
    string Id,
    string AccountId,
    string Name,
    string Role,
    string? Email,
    string? Phone,
    string? Social,
    string? PostalAddress,
    ChannelSet OptedOut)
{
    /// <summary>The first word of <see cref="Name"/>, or null when the name is blank.</summary>
    public string? FirstName => Split().First;

    /// <summary>Everything after the first word of <see cref="Name"/> ("van der Berg"), or null for a one-word name.</summary>
    public string? LastName => Split().Last;

    /// <summary>The address on <paramref name="channel"/>, or null when blank.</summary>
    public string? Address(Channel channel)
    {
        var value = channel switch
        {
            Channel.Email => Email,
            Channel.Phone => Phone,
            Channel.Social => Social,
            Channel.Postal => PostalAddress,
            _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, null),
        };
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    /// <summary>True when the channel has an address and the contact has not opted out of it.</summary>
    public bool CanUse(Channel channel) => !OptedOut.Has(channel) && Address(channel) is not null;

    /// <summary>The channels this contact can be reached on.</summary>
    public ChannelSet Usable()
    {
        var set = ChannelSet.None;
        foreach (var channel in ChannelSets.AllChannels)
        {
            if (CanUse(channel))
            {
                set = set.With(channel);
            }
        }

        return set;
    }

    private (string? First, string? Last) Split()
    {
        var words = Name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return words.Length switch
        {
            0 => (null, null),
            1 => (words[0], null),
            _ => (words[0], string.Join(' ', words[1..])),
        };
    }
}

/// <summary>A sales rep, as templates and call lists need them.</summary>
public sealed record RepInfo(string Id, string Name, string Email, bool Active);

/// <summary>
/// One order line with its order's account, date and status (the edge joins <c>order_lines.csv</c> to
/// <c>orders.csv</c>). Only lines of booked orders are purchases.
/// </summary>
public readonly record struct OrderLine(
    string AccountId,
    string OrderId,
    DateOnly OrderDate,
    OrderStatus Status,
    string Sku,
    string ProductName,
    string Category,
    decimal Quantity,
    decimal UnitPrice)
{
    public decimal Amount => Quantity * UnitPrice;
}
