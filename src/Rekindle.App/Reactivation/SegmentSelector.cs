using Rekindle.Reactivation;

namespace Rekindle.App.Reactivation;

/// <summary>
/// Which segmented accounts a <c>segment</c> query asks for: either a matrix cell's code <c>band/tier/channels</c>
/// with <c>*</c> for an axis summed over (<c>181-365d/big/*</c>, as the segment matrix links), or a
/// <see cref="SegmentFilter"/> (<c>status=passive|inactive,tier=big</c>, as <c>campaign plan --segment</c> takes).
/// </summary>
public static class SegmentSelector
{
    public static bool TryParse(string text, out Func<AccountSegment, bool> matches, out string error)
    {
        matches = _ => true;
        error = "";
        if (text.Contains('=', StringComparison.Ordinal))
        {
            if (!SegmentFilter.TryParse(text, out var filter, out error))
            {
                return false;
            }

            matches = filter.Matches;
            return true;
        }

        var parts = text.Split('/', StringSplitOptions.TrimEntries);
        if (parts.Length != 3)
        {
            error = $"'{text}' is not a segment: band/tier/channels with * for any (181-365d/big/*), or a filter such as tier=big,status=dormant";
            return false;
        }

        var band = parts[0] is "*" or "" ? null : parts[0];
        SpendTier? tier = null;
        if (parts[1] is not ("*" or ""))
        {
            if (!SpendTiers.TryParse(parts[1], out var t))
            {
                error = $"unknown tier '{parts[1]}' (big, medium, small or *)";
                return false;
            }

            tier = t;
        }

        ChannelSet? channels = null;
        if (parts[2] is not ("*" or ""))
        {
            if (!ChannelSets.TryParse(parts[2], out var c, "+"))
            {
                error = $"unknown channels '{parts[2]}' (email, phone, social, postal joined by +, none, or *)";
                return false;
            }

            channels = c;
        }

        matches = s => (band is null || string.Equals(band, s.BandLabel, StringComparison.OrdinalIgnoreCase))
            && (tier is null || tier == s.Tier)
            && (channels is null || channels == s.Channels);
        return true;
    }
}
