using Rekindle.Lifecycle;

namespace Rekindle.Reactivation;

/// <summary>
/// Chooses segmented accounts: every axis given must match (an empty list means any). Written on the command line as
/// <c>axis=value|value,axis=value</c>, e.g. <c>status=passive|inactive,tier=big,band=181-365d,channels=email,key=false</c>.
/// <c>channels=email+phone</c> needs both reachable, <c>channels=email|phone</c> either, <c>channels=none</c> no
/// reachable channel at all.
/// </summary>
public sealed record SegmentFilter
{
    public static SegmentFilter Any { get; } = new();

    public IReadOnlyList<LifecycleStatus> Statuses { get; init; } = [];
    public IReadOnlyList<string> Bands { get; init; } = [];
    public IReadOnlyList<SpendTier> Tiers { get; init; } = [];

    /// <summary>Alternatives: the account's reachable channels include all of one of them (None: reachable on none).</summary>
    public IReadOnlyList<ChannelSet> Channels { get; init; } = [];

    public bool? Key { get; init; }

    public bool Matches(AccountSegment s) =>
        (Statuses.Count == 0 || Statuses.Contains(s.Status))
        && (Bands.Count == 0 || Bands.Any(b => string.Equals(b, s.BandLabel, StringComparison.OrdinalIgnoreCase)))
        && (Tiers.Count == 0 || Tiers.Contains(s.Tier))
        && (Channels.Count == 0 || Channels.Any(c => c == ChannelSet.None ? s.Channels == ChannelSet.None : (s.Channels & c) == c))
        && (Key is null || Key == s.Key);

    /// <summary>Parses the command-line form; on failure <paramref name="error"/> says which part is wrong.</summary>
    public static bool TryParse(string text, out SegmentFilter filter, out string error)
    {
        filter = Any;
        error = "";
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                error = $"'{part}' is not axis=value (axes: status, band, tier, channels, key)";
                return false;
            }

            var axis = part[..eq].Trim().ToUpperInvariant();
            var values = part[(eq + 1)..].Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            switch (axis)
            {
                case "STATUS":
                    var statuses = new List<LifecycleStatus>();
                    foreach (var v in values)
                    {
                        if (!LifecycleStatusCodes.TryParse(v, out var st) || !st.IsLapsed())
                        {
                            error = $"unknown status '{v}' (lapsed statuses: passive, inactive, dormant)";
                            return false;
                        }

                        statuses.Add(st);
                    }

                    filter = filter with { Statuses = statuses };
                    break;
                case "BAND":
                    filter = filter with { Bands = values };
                    break;
                case "TIER":
                    var tiers = new List<SpendTier>();
                    foreach (var v in values)
                    {
                        if (!SpendTiers.TryParse(v, out var tier))
                        {
                            error = $"unknown tier '{v}' (big, medium, small)";
                            return false;
                        }

                        tiers.Add(tier);
                    }

                    filter = filter with { Tiers = tiers };
                    break;
                case "CHANNELS" or "CHANNEL":
                    var sets = new List<ChannelSet>();
                    foreach (var v in values)
                    {
                        if (!ChannelSets.TryParse(v, out var set, "+"))
                        {
                            error = $"unknown channels '{v}' (email, phone, social, postal joined by +, or none)";
                            return false;
                        }

                        sets.Add(set);
                    }

                    filter = filter with { Channels = sets };
                    break;
                case "KEY":
                    if (values.Length != 1 || !bool.TryParse(values[0], out var key))
                    {
                        error = $"key must be true or false, got '{part[(eq + 1)..]}'";
                        return false;
                    }

                    filter = filter with { Key = key };
                    break;
                default:
                    error = $"unknown axis '{part[..eq].Trim()}' (status, band, tier, channels, key)";
                    return false;
            }
        }

        return true;
    }
}
