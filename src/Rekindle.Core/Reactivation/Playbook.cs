using System.Globalization;
using Rekindle.Lifecycle;
using Rekindle.Policies;

namespace Rekindle.Reactivation;

/// <summary>
/// The team's playbook, part of the policy document (key <c>playbook</c>): rules in order, the first that matches an
/// account gives its play (like the lifecycle rules, first match wins). Defaults in <see cref="DefaultPlaybook"/>.
/// </summary>
public sealed record Playbook(IReadOnlyList<PlayRule> Rules)
{
    public const string JsonKey = "playbook";

    public static Playbook Default => DefaultPlaybook.Value;

    /// <summary>The first rule that applies to the account, or null.</summary>
    public PlayRule? Match(AccountSegment segment)
    {
        foreach (var rule in Rules)
        {
            if (rule.Matches(segment))
            {
                return rule;
            }
        }

        return null;
    }

    public PlayRule? Find(string play) => Rules.FirstOrDefault(r => string.Equals(r.Play, play, StringComparison.Ordinal));

    /// <summary>Every problem, each naming its key (<c>playbook[2].offer.percent</c>). Empty when usable.</summary>
    public IReadOnlyList<PolicyProblem> Validate()
    {
        var problems = new List<PolicyProblem>();
        if (Rules.Count == 0)
        {
            problems.Add(new(JsonKey, "needs at least one play"));
        }

        for (var i = 0; i < Rules.Count; i++)
        {
            Validate(Rules[i], Key(i), problems);
            for (var j = 0; j < i; j++)
            {
                if (string.Equals(Rules[j].Play, Rules[i].Play, StringComparison.Ordinal))
                {
                    problems.Add(new($"{Key(i)}.play", $"play '{Rules[i].Play}' is already defined at {Key(j)}"));
                    break;
                }
            }
        }

        return problems;
    }

    public static string Key(int index) => string.Create(CultureInfo.InvariantCulture, $"{JsonKey}[{index}]");

    /// <summary>Checks one rule; <paramref name="key"/> is its path, e.g. <c>playbook[2]</c>.</summary>
    public static void Validate(PlayRule rule, string key, List<PolicyProblem> problems)
    {
        if (!IsPlayId(rule.Play))
        {
            problems.Add(new($"{key}.play", $"a play id is lower-case letters, digits and _ starting with a letter, got '{rule.Play}'"));
        }

        var when = rule.When;
        if (when.Statuses.Any(s => !s.IsLapsed()))
        {
            problems.Add(new($"{key}.when.statuses", "only lapsed statuses (passive, inactive, dormant) have plays"));
        }

        if (when.MinDaysSinceLastOrder < 0)
        {
            problems.Add(new($"{key}.when.minDaysSinceLastOrder", $"days must not be negative, got {when.MinDaysSinceLastOrder}"));
        }

        if (when.MaxDaysSinceLastOrder < (when.MinDaysSinceLastOrder ?? 0))
        {
            problems.Add(new($"{key}.when.maxDaysSinceLastOrder", $"must be at least minDaysSinceLastOrder ({when.MinDaysSinceLastOrder ?? 0}), got {when.MaxDaysSinceLastOrder}"));
        }

        if (rule.Channels.Distinct().Count() != rule.Channels.Count)
        {
            problems.Add(new($"{key}.channels", "a channel is listed twice"));
        }

        switch (rule.Action)
        {
            case PlayAction.Message when rule.Channels.Count == 0:
                problems.Add(new($"{key}.channels", "a message play needs at least one channel"));
                break;
            case PlayAction.Pool when rule.Channels.Count > 0:
                problems.Add(new($"{key}.channels", "a pool play sends nothing, so it has no channels"));
                break;
            case PlayAction.Pool when rule.Offer is not null:
                problems.Add(new($"{key}.offer", "a pool play sends nothing, so it has no offer"));
                break;
        }

        if (when.Reachable == false && rule.Channels.Count > 0)
        {
            problems.Add(new($"{key}.channels", "the play is for accounts with no reachable channel, so it cannot use channels"));
        }

        if (rule.Action != PlayAction.Pool && string.IsNullOrWhiteSpace(rule.Body))
        {
            problems.Add(new($"{key}.body", "needs a text"));
        }

        if (rule.Action == PlayAction.Message && string.IsNullOrWhiteSpace(rule.Subject))
        {
            problems.Add(new($"{key}.subject", "a message needs a subject"));
        }

        CheckTemplate(rule, rule.Subject, $"{key}.subject", problems);
        CheckTemplate(rule, rule.Body, $"{key}.body", problems);

        if (rule.Offer is { Kind: OfferKind.Percent, Value: var percent } && (percent <= 0 || percent > 100))
        {
            problems.Add(new($"{key}.offer.percent", $"a percent must be in (0, 100], got {percent.ToString(CultureInfo.InvariantCulture)}"));
        }

        if (rule.Offer is { Kind: OfferKind.Amount, Value: var amount } && amount <= 0)
        {
            problems.Add(new($"{key}.offer.amount", $"an amount must be greater than 0, got {amount.ToString(CultureInfo.InvariantCulture)}"));
        }

        if (rule.Priority < 1)
        {
            problems.Add(new($"{key}.priority", $"must be at least 1 (1 comes first), got {rule.Priority}"));
        }
    }

    private static void CheckTemplate(PlayRule rule, string text, string key, List<PolicyProblem> problems)
    {
        var template = MessageTemplate.Parse(text, out var parseProblems);
        problems.AddRange(parseProblems.Select(p => new PolicyProblem(key, p)));
        foreach (var name in template.Placeholders)
        {
            if (rule.Offer is null && Placeholders.NeedingOffer.Contains(name))
            {
                problems.Add(new(key, $"{{{name}}} needs an offer, but the play has none"));
            }

            if (rule.Channels.Count == 0 && Placeholders.NeedingContact.Contains(name))
            {
                problems.Add(new(key, $"{{{name}}} needs a contact, but the play has no channels"));
            }
        }
    }

    private static bool IsPlayId(string id) =>
        id.Length > 0 && id[0] is >= 'a' and <= 'z' && id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_');

    public bool Equals(Playbook? other) =>
        other is not null && Rules.Count == other.Rules.Count && Rules.Zip(other.Rules).All(p => RuleEquals(p.First, p.Second));

    public override int GetHashCode() => Rules.Count;

    private static bool RuleEquals(PlayRule a, PlayRule b) =>
        a.Play == b.Play && a.Action == b.Action && a.Subject == b.Subject && a.Body == b.Body && a.Offer == b.Offer
        && a.Priority == b.Priority && a.Channels.SequenceEqual(b.Channels)
        && a.When.Statuses.SequenceEqual(b.When.Statuses) && a.When.Tiers.SequenceEqual(b.When.Tiers)
        && a.When.Key == b.When.Key && a.When.Reachable == b.When.Reachable
        && a.When.MinDaysSinceLastOrder == b.When.MinDaysSinceLastOrder && a.When.MaxDaysSinceLastOrder == b.When.MaxDaysSinceLastOrder;
}
