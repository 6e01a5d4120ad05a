using Rekindle.Common;

namespace Rekindle.Reactivation;

/// <summary>A set of contact channels: the channels an account can be reached on, or a contact opted out of.</summary>
[Flags]
public enum ChannelSet : byte
{
    None = 0,
    Email = 1 << Channel.Email,
    Phone = 1 << Channel.Phone,
    Social = 1 << Channel.Social,
    Postal = 1 << Channel.Postal,
}

public static class ChannelSets
{
    /// <summary>Every channel, in the order of <see cref="Channel"/> (email, phone, social, postal).</summary>
    public static IReadOnlyList<Channel> AllChannels { get; } = [Channel.Email, Channel.Phone, Channel.Social, Channel.Postal];

    public static ChannelSet Of(Channel channel) => (ChannelSet)(1 << (int)channel);

    public static bool Has(this ChannelSet set, Channel channel) => (set & Of(channel)) != 0;

    public static ChannelSet With(this ChannelSet set, Channel channel) => set | Of(channel);

    /// <summary>The channels joined by <c>+</c> in channel order ("email+phone"), or "none".</summary>
    public static string Code(this ChannelSet set)
    {
        if (set == ChannelSet.None)
        {
            return "none";
        }

        return string.Join('+', AllChannels.Where(c => set.Has(c)).Select(Codes.Of));
    }

    /// <summary>
    /// Parses channel codes joined by any of <paramref name="separators"/> (the CSV <c>opt_out</c> column uses
    /// <c>;</c>, segment codes <c>+</c>). Blank text and "none" are the empty set. False on an unknown code.
    /// </summary>
    public static bool TryParse(string? text, out ChannelSet set, string separators = ";+")
    {
        set = ChannelSet.None;
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (var part in text.Split(separators.ToCharArray(), StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Codes.TryParse(part, out Channel channel))
            {
                set = ChannelSet.None;
                return false;
            }

            set = set.With(channel);
        }

        return true;
    }
}
