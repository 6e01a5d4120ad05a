using System.Globalization;
using System.Text.Json;
using Rekindle.Reactivation;

namespace Rekindle.Policies;

/// <summary>
/// The reactivation parameters of the policy document: downtime band edges, spend tiers and the playbook
/// (<see cref="PlaybookParameter"/>). Listed in <see cref="PolicyParameters.All"/> after the lifecycle ones.
/// </summary>
public static class ReactivationParameters
{
    public const string Auto = "auto";

    public static IReadOnlyList<PolicyParameter> All { get; } =
        [new DowntimeEdgesParameter(), new SpendTierSharesParameter(), new SpendTierCutPointsParameter(), new PlaybookParameter()];

    /// <summary><c>segmentDowntimeEdgesDays</c>: "auto" or a list of strictly increasing whole days.</summary>
    private sealed class DowntimeEdgesParameter()
        : PolicyParameter("segmentDowntimeEdgesDays", "reactivation: downtime band edges in days (each the last day of its band), or \"auto\" (3-6 bands from the data, in whole months)")
    {
        public override Policy Read(Policy policy, JsonElement value, List<PolicyProblem> problems)
        {
            if (value.ValueKind == JsonValueKind.String && value.GetString() == Auto)
            {
                return policy with { SegmentDowntimeEdgesDays = null };
            }

            if (value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out _)))
            {
                return policy with { SegmentDowntimeEdgesDays = [.. value.EnumerateArray().Select(e => e.GetInt32())] };
            }

            problems.Add(new(Key, $"must be \"auto\" or a list of whole days, got {PolicyParameters.TypeName(value.ValueKind)} {value.GetRawText()}"));
            return policy;
        }

        public override void Write(Policy policy, Utf8JsonWriter writer)
        {
            if (policy.SegmentDowntimeEdgesDays is not { } edges)
            {
                writer.WriteString(Key, Auto);
                return;
            }

            writer.WriteStartArray(Key);
            foreach (var edge in edges)
            {
                writer.WriteNumberValue(edge);
            }

            writer.WriteEndArray();
        }

        public override void Check(Policy policy, List<PolicyProblem> problems)
        {
            if (policy.SegmentDowntimeEdgesDays is not { } edges)
            {
                return;
            }

            if (edges.Count is < 1 or > 9)
            {
                problems.Add(new(Key, $"needs 1 to 9 edges (2 to 10 bands), got {edges.Count}"));
            }

            for (var i = 0; i < edges.Count; i++)
            {
                if (edges[i] < 1 || (i > 0 && edges[i] <= edges[i - 1]))
                {
                    problems.Add(new(Key, $"edges must be positive and strictly increasing, got [{string.Join(", ", edges)}]"));
                    break;
                }
            }
        }

        public override string Display(Policy policy) =>
            policy.SegmentDowntimeEdgesDays is { } edges ? string.Join(", ", edges) : Auto;
    }

    /// <summary><c>spendTierShares</c>: <c>{ "big": 0.20, "medium": 0.30 }</c>, head-count shares; the rest is small.</summary>
    private sealed class SpendTierSharesParameter()
        : PolicyParameter("spendTierShares", "reactivation: spend tiers by share of lapsed accounts ranked by average annual spend (big, medium; the rest small)")
    {
        public override Policy Read(Policy policy, JsonElement value, List<PolicyProblem> problems) =>
            ReadPair(Key, value, problems) is { } pair ? policy with { SpendTierShares = new SpendTierShares(pair.Big, pair.Medium) } : policy;

        public override void Write(Policy policy, Utf8JsonWriter writer) =>
            WritePair(writer, Key, policy.SpendTierShares.Big, policy.SpendTierShares.Medium);

        public override void Check(Policy policy, List<PolicyProblem> problems)
        {
            var s = policy.SpendTierShares;
            if (s.Big is <= 0m or >= 1m)
            {
                problems.Add(new($"{Key}.big", $"a share must be in (0, 1), got {Text(s.Big)}"));
            }

            if (s.Medium is < 0m or >= 1m)
            {
                problems.Add(new($"{Key}.medium", $"a share must be in [0, 1), got {Text(s.Medium)}"));
            }
            else if (s.Big + s.Medium > 1m)
            {
                problems.Add(new($"{Key}.medium", $"big + medium must not exceed 1, got {Text(s.Big + s.Medium)}"));
            }
        }

        public override string Display(Policy policy) =>
            $"big {Text(policy.SpendTierShares.Big)}, medium {Text(policy.SpendTierShares.Medium)}";
    }

    /// <summary><c>spendTierCutPoints</c>: null (use the shares) or <c>{ "big": 50000, "medium": 10000 }</c> in average annual spend.</summary>
    private sealed class SpendTierCutPointsParameter()
        : PolicyParameter("spendTierCutPoints", "reactivation: fixed average annual spend from which an account is big / medium (null: use spendTierShares)")
    {
        public override Policy Read(Policy policy, JsonElement value, List<PolicyProblem> problems)
        {
            if (value.ValueKind == JsonValueKind.Null)
            {
                return policy with { SpendTierCutPoints = null };
            }

            return ReadPair(Key, value, problems) is { } pair ? policy with { SpendTierCutPoints = new SpendTierCutPoints(pair.Big, pair.Medium) } : policy;
        }

        public override void Write(Policy policy, Utf8JsonWriter writer)
        {
            if (policy.SpendTierCutPoints is { } cuts)
            {
                WritePair(writer, Key, cuts.Big, cuts.Medium);
            }
            else
            {
                writer.WriteNull(Key);
            }
        }

        public override void Check(Policy policy, List<PolicyProblem> problems)
        {
            if (policy.SpendTierCutPoints is not { } cuts)
            {
                return;
            }

            if (cuts.Medium < 0m)
            {
                problems.Add(new($"{Key}.medium", $"an amount must not be negative, got {Text(cuts.Medium)}"));
            }

            if (cuts.Big <= cuts.Medium)
            {
                problems.Add(new($"{Key}.big", $"must be greater than medium ({Text(cuts.Medium)}), got {Text(cuts.Big)}"));
            }
        }

        public override string Display(Policy policy) =>
            policy.SpendTierCutPoints is { } c ? $"big from {Text(c.Big)}, medium from {Text(c.Medium)}" : "none";
    }

    private static (decimal Big, decimal Medium)? ReadPair(string key, JsonElement value, List<PolicyProblem> problems)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new(key, $"must be an object {{ \"big\": ..., \"medium\": ... }}, got {PolicyParameters.TypeName(value.ValueKind)} {value.GetRawText()}"));
            return null;
        }

        decimal? big = null, medium = null;
        var ok = true;
        foreach (var property in value.EnumerateObject())
        {
            if (property.Name is not ("big" or "medium"))
            {
                problems.Add(new($"{key}.{property.Name}", "unknown key (big, medium)"));
                ok = false;
            }
            else if (property.Value.ValueKind != JsonValueKind.Number || !property.Value.TryGetDecimal(out var number))
            {
                problems.Add(new($"{key}.{property.Name}", $"must be a number, got {PolicyParameters.TypeName(property.Value.ValueKind)} {property.Value.GetRawText()}"));
                ok = false;
            }
            else if (property.Name == "big")
            {
                big = number;
            }
            else
            {
                medium = number;
            }
        }

        foreach (var (name, given) in new[] { ("big", big), ("medium", medium) })
        {
            if (ok && given is null)
            {
                problems.Add(new($"{key}.{name}", "is missing"));
                ok = false;
            }
        }

        return ok ? (big!.Value, medium!.Value) : null;
    }

    private static void WritePair(Utf8JsonWriter writer, string key, decimal big, decimal medium)
    {
        writer.WriteStartObject(key);
        writer.WriteNumber("big", big);
        writer.WriteNumber("medium", medium);
        writer.WriteEndObject();
    }

    internal static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
