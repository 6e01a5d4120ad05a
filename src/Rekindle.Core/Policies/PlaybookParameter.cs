using System.Text.Json;
using Rekindle.Common;
using Rekindle.Lifecycle;
using Rekindle.Reactivation;

namespace Rekindle.Policies;

/// <summary>
/// <c>playbook</c>: the list of play rules, first match wins. Each rule is an object:
/// <code>
/// { "play": "we_miss_you", "action": "message" | "owner_task" | "pool", "priority": 3,
///   "when": { "statuses": ["inactive"], "key": false, "tiers": ["big"], "reachable": true,
///             "minDaysSinceLastOrder": 0, "maxDaysSinceLastOrder": 365 },
///   "channels": ["email", "postal"], "subject": "...", "body": "...", "offer": { "percent": 15 } | { "amount": 50 } | null }
/// </code>
/// <c>play</c>, <c>action</c> and <c>priority</c> are required; a condition left out means "any". Reading reports type
/// problems with their path (<c>playbook[2].offer.percent</c>); <see cref="Playbook.Validate()"/> the rules' sense.
/// </summary>
public sealed class PlaybookParameter()
    : PolicyParameter(Playbook.JsonKey, "reactivation: rules from (status, key, segment, channels) to a play: channels, message, offer, priority; first match wins")
{
    public override Policy Read(Policy policy, JsonElement value, List<PolicyProblem> problems)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            problems.Add(new(Key, $"must be a list of play rules, got {PolicyParameters.TypeName(value.ValueKind)} {value.GetRawText()}"));
            return policy;
        }

        var before = problems.Count;
        var rules = new List<PlayRule>();
        var index = 0;
        foreach (var element in value.EnumerateArray())
        {
            var reader = new PlayRuleReader(Playbook.Key(index), problems);
            if (reader.Rule(element) is { } rule)
            {
                rules.Add(rule);
                Playbook.Validate(rule, Playbook.Key(index), problems);
            }

            index++;
        }

        if (problems.Count > before)
        {
            return policy;
        }

        var playbook = new Playbook(rules);
        problems.AddRange(playbook.Validate());
        return policy with { Playbook = playbook };
    }

    public override void Write(Policy policy, Utf8JsonWriter writer)
    {
        writer.WriteStartArray(Key);
        foreach (var rule in policy.Playbook.Rules)
        {
            writer.WriteStartObject();
            writer.WriteString("play", rule.Play);
            writer.WriteString("action", ActionCode(rule.Action));
            writer.WriteNumber("priority", rule.Priority);
            writer.WriteStartObject("when");
            var w = rule.When;
            if (w.Statuses.Count > 0)
            {
                writer.WriteStartArray("statuses");
                w.Statuses.ToList().ForEach(s => writer.WriteStringValue(s.Code()));
                writer.WriteEndArray();
            }

            if (w.Key is { } key)
            {
                writer.WriteBoolean("key", key);
            }

            if (w.Tiers.Count > 0)
            {
                writer.WriteStartArray("tiers");
                w.Tiers.ToList().ForEach(t => writer.WriteStringValue(t.Code()));
                writer.WriteEndArray();
            }

            if (w.Reachable is { } reachable)
            {
                writer.WriteBoolean("reachable", reachable);
            }

            if (w.MinDaysSinceLastOrder is { } min)
            {
                writer.WriteNumber("minDaysSinceLastOrder", min);
            }

            if (w.MaxDaysSinceLastOrder is { } max)
            {
                writer.WriteNumber("maxDaysSinceLastOrder", max);
            }

            writer.WriteEndObject();
            writer.WriteStartArray("channels");
            rule.Channels.ToList().ForEach(c => writer.WriteStringValue(Codes.Of(c)));
            writer.WriteEndArray();
            writer.WriteString("subject", rule.Subject);
            writer.WriteString("body", rule.Body);
            if (rule.Offer is { } offer)
            {
                writer.WriteStartObject("offer");
                writer.WriteNumber(offer.Kind == OfferKind.Percent ? "percent" : "amount", offer.Value);
                writer.WriteEndObject();
            }
            else
            {
                writer.WriteNull("offer");
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    public override void Check(Policy policy, List<PolicyProblem> problems) => problems.AddRange(policy.Playbook.Validate());

    public override string Display(Policy policy) =>
        $"{policy.Playbook.Rules.Count} plays: {string.Join(", ", policy.Playbook.Rules.Select(r => r.Play))}";

    public static string ActionCode(PlayAction action) => action switch
    {
        PlayAction.Message => "message",
        PlayAction.OwnerTask => "owner_task",
        PlayAction.Pool => "pool",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };
}
