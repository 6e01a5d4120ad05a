using System.Text.Json;
using Rekindle.Common;
using Rekindle.Lifecycle;
using Rekindle.Reactivation;

namespace Rekindle.Policies;

/// <summary>Reads one rule, adding a problem (with its path) for every field of the wrong type or unknown.</summary>
internal sealed class PlayRuleReader(string path, List<PolicyProblem> problems)
{
    private static readonly string[] RuleKeys = ["play", "action", "priority", "when", "channels", "subject", "body", "offer"];
    private static readonly string[] WhenKeys = ["statuses", "key", "tiers", "reachable", "minDaysSinceLastOrder", "maxDaysSinceLastOrder"];

    private bool ok = true;

    public PlayRule? Rule(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            return Fail<PlayRule>(path, "must be an object with play, action, priority", e);
        }

        UnknownKeys(e, path, RuleKeys);
        var play = Required(e, "play", v => v.ValueKind == JsonValueKind.String ? v.GetString() : null, "a string");
        var action = Required(e, "action", v => ParseAction(v.ValueKind == JsonValueKind.String ? v.GetString() : null), "one of message, owner_task, pool");
        var priority = Required(e, "priority", v => v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var p) ? p : (int?)null, "a whole number");
        var when = e.TryGetProperty("when", out var w) ? When(w, $"{path}.when") : new PlayCondition();
        var channels = e.TryGetProperty("channels", out var c) ? ListOf<Channel>(c, $"{path}.channels", t => Codes.TryParse(t, out Channel ch) ? ch : null, "channel (email, phone, social, postal)") : [];
        var subject = Optional(e, "subject", v => v.ValueKind == JsonValueKind.String ? v.GetString() : null, "a string") ?? "";
        var body = Optional(e, "body", v => v.ValueKind == JsonValueKind.String ? v.GetString() : null, "a string") ?? "";
        var offer = e.TryGetProperty("offer", out var o) ? ReadOffer(o, $"{path}.offer") : null;
        if (!ok || play is null || action is null || priority is null)
        {
            return null;
        }

        return new PlayRule
        {
            Play = play,
            Action = action.Value,
            Priority = priority.Value,
            When = when,
            Channels = channels,
            Subject = subject,
            Body = body,
            Offer = offer,
        };
    }

    private PlayCondition When(JsonElement e, string at)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            Fail(at, "must be an object of conditions", e);
            return new PlayCondition();
        }

        UnknownKeys(e, at, WhenKeys);
        return new PlayCondition
        {
            Statuses = e.TryGetProperty("statuses", out var s)
                ? ListOf<LifecycleStatus>(s, $"{at}.statuses", t => t is not null && LifecycleStatusCodes.TryParse(t, out var st) ? st : null, "status (passive, inactive, dormant)")
                : [],
            Tiers = e.TryGetProperty("tiers", out var t)
                ? ListOf<SpendTier>(t, $"{at}.tiers", x => SpendTiers.TryParse(x, out var tier) ? tier : null, "tier (big, medium, small)")
                : [],
            Key = Optional(e, "key", Bool, "true, false or null", at),
            Reachable = Optional(e, "reachable", Bool, "true, false or null", at),
            MinDaysSinceLastOrder = Optional(e, "minDaysSinceLastOrder", Int, "a whole number or null", at),
            MaxDaysSinceLastOrder = Optional(e, "maxDaysSinceLastOrder", Int, "a whole number or null", at),
        };
    }

    private Offer? ReadOffer(JsonElement e, string at)
    {
        if (e.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (e.ValueKind != JsonValueKind.Object)
        {
            return Fail<Offer>(at, "must be { \"percent\": n }, { \"amount\": n } or null", e);
        }

        UnknownKeys(e, at, ["percent", "amount"]);
        var percent = Optional(e, "percent", Decimal, "a number", at);
        var amount = Optional(e, "amount", Decimal, "a number", at);
        if (percent is not null && amount is not null)
        {
            problems.Add(new(at, "give either percent or amount, not both"));
            ok = false;
        }
        else if (percent is null && amount is null && ok)
        {
            problems.Add(new(at, "give percent or amount (or null for no offer)"));
            ok = false;
        }

        return percent is { } p ? Offer.PercentOff(p) : amount is { } a ? Offer.AmountOff(a) : null;
    }

    private T[] ListOf<T>(JsonElement e, string at, Func<string?, T?> parse, string what)
        where T : struct
    {
        if (e.ValueKind != JsonValueKind.Array)
        {
            Fail(at, $"must be a list of {what}s", e);
            return [];
        }

        var items = new List<T>();
        foreach (var item in e.EnumerateArray())
        {
            if (parse(item.ValueKind == JsonValueKind.String ? item.GetString() : null) is { } v)
            {
                items.Add(v);
            }
            else
            {
                problems.Add(new(at, $"unknown {what}: {item.GetRawText()}"));
                ok = false;
            }
        }

        return [.. items];
    }

    private T? Required<T>(JsonElement e, string name, Func<JsonElement, T?> read, string what)
    {
        if (!e.TryGetProperty(name, out var v))
        {
            problems.Add(new($"{path}.{name}", "is missing"));
            ok = false;
            return default;
        }

        return Check(read(v), v, $"{path}.{name}", what);
    }

    private T? Optional<T>(JsonElement e, string name, Func<JsonElement, T?> read, string what, string? at = null) =>
        !e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null ? default : Check(read(v), v, $"{at ?? path}.{name}", what);

    private T? Check<T>(T? value, JsonElement v, string at, string what)
    {
        if (value is null)
        {
            Fail(at, $"must be {what}", v);
        }

        return value;
    }

    private void UnknownKeys(JsonElement e, string at, string[] known)
    {
        foreach (var property in e.EnumerateObject().Where(p => !known.Contains(p.Name)))
        {
            problems.Add(new($"{at}.{property.Name}", $"unknown key ({string.Join(", ", known)})"));
            ok = false;
        }
    }

    private T? Fail<T>(string at, string message, JsonElement got)
        where T : class
    {
        Fail(at, message, got);
        return null;
    }

    private void Fail(string at, string message, JsonElement got)
    {
        problems.Add(new(at, $"{message}, got {PolicyParameters.TypeName(got.ValueKind)} {got.GetRawText()}"));
        ok = false;
    }

    private static bool? Bool(JsonElement v) => v.ValueKind switch { JsonValueKind.True => true, JsonValueKind.False => false, _ => null };

    private static int? Int(JsonElement v) => v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) ? i : null;

    private static decimal? Decimal(JsonElement v) => v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out var d) ? d : null;

    private static PlayAction? ParseAction(string? code) => code switch
    {
        "message" => PlayAction.Message,
        "owner_task" => PlayAction.OwnerTask,
        "pool" => PlayAction.Pool,
        _ => null,
    };
}
