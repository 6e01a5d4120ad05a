using System.Globalization;
using System.Text.Json;
using Rekindle.Common;

namespace Rekindle.Policies;

/// <summary>
/// The table of policy parameters: JSON key, how it is read, written and checked.
/// One place lists every parameter, so the document, its validation and <c>policy show</c> never drift apart.
/// </summary>
public abstract class PolicyParameter(string key, string meaning)
{
    public string Key { get; } = key;
    public string Meaning { get; } = meaning;

    /// <summary>Reads the JSON value into the policy, or adds a problem naming the key.</summary>
    public abstract Policy Read(Policy policy, JsonElement value, List<PolicyProblem> problems);

    public abstract void Write(Policy policy, Utf8JsonWriter writer);

    /// <summary>Adds a problem for each range rule the current value breaks.</summary>
    public abstract void Check(Policy policy, List<PolicyProblem> problems);

    /// <summary>The value as a person reads it in <c>policy show</c>.</summary>
    public abstract string Display(Policy policy);

    /// <summary>
    /// True when the two policies hold the same value for this parameter, compared as values, not text: 0.80 and 0.8
    /// are the same share.
    /// </summary>
    public bool SameValue(Policy a, Policy b) => JsonValues.Equal(Value(a), Value(b));

    private JsonElement Value(Policy policy)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            Write(policy, writer);
            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(stream.ToArray());
        return document.RootElement.TryGetProperty(Key, out var value) ? value.Clone() : default;
    }
}

/// <summary>Compares JSON values by value: numbers by their decimal value, objects by their properties in any order.</summary>
public static class JsonValues
{
    public static bool Equal(JsonElement a, JsonElement b)
    {
        if (a.ValueKind != b.ValueKind)
        {
            return false;
        }

        switch (a.ValueKind)
        {
            case JsonValueKind.Number:
                return a.TryGetDecimal(out var x) && b.TryGetDecimal(out var y) ? x == y : a.GetDouble().Equals(b.GetDouble());
            case JsonValueKind.String:
                return a.GetString() == b.GetString();
            case JsonValueKind.Array:
                return a.GetArrayLength() == b.GetArrayLength() && a.EnumerateArray().Zip(b.EnumerateArray()).All(p => Equal(p.First, p.Second));
            case JsonValueKind.Object:
                var left = a.EnumerateObject().ToList();
                var right = b.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
                return left.Count == right.Count && left.All(p => right.TryGetValue(p.Name, out var v) && Equal(p.Value, v));
            default:
                return true;
        }
    }
}

public static class PolicyParameters
{
    public static IReadOnlyList<PolicyParameter> All { get; } =
    [
        Days("newAccountDays", "first order within this many days: new", p => p.NewAccountDays, (p, v) => p with { NewAccountDays = v }),
        Number("inactiveAfterCycles", "lapsed when days since last order exceed this x the buying cycle", p => p.InactiveAfterCycles, (p, v) => p with { InactiveAfterCycles = v }),
        Count("regularMinOrders", "active (regular) needs this many orders in regularWindowDays; else occasional", p => p.RegularMinOrders, (p, v) => p with { RegularMinOrders = v }, 1),
        Days("regularWindowDays", "window for regularMinOrders", p => p.RegularWindowDays, (p, v) => p with { RegularWindowDays = v }, 1),
        Days("engagementWindowDays", "an engagement this recent keeps a lapsed account passive", p => p.EngagementWindowDays, (p, v) => p with { EngagementWindowDays = v }),
        new EngagementKindsParameter(),
        Days("dormantAfterDays", "days since last order before a lapsed account can be dormant", p => p.DormantAfterDays, (p, v) => p with { DormantAfterDays = v }),
        Days("dormantPipelineDays", "and no open opportunity, none closed within this many days", p => p.DormantPipelineDays, (p, v) => p with { DormantPipelineDays = v }),
        Days("cycleWindowDays", "trailing window of orders used for the buying cycle", p => p.CycleWindowDays, (p, v) => p with { CycleWindowDays = v }, 1),
        Count("minOrdersForOwnCycle", "distinct order dates needed to use the account's own cycle", p => p.MinOrdersForOwnCycle, (p, v) => p with { MinOrdersForOwnCycle = v }, 2),
        OptionalDays("fixedCycleDays", "pin the company cycle instead of measuring it (null: measure)", p => p.FixedCycleDays, (p, v) => p with { FixedCycleDays = v }),
        Days("companyCycleFallbackDays", "company cycle when no account has two order dates", p => p.CompanyCycleFallbackDays, (p, v) => p with { CompanyCycleFallbackDays = v }, 1),
        Days("revenueWindowDays", "trailing window of 12-month orders, revenue and the key cut", p => p.RevenueWindowDays, (p, v) => p with { RevenueWindowDays = v }, 1),
        Share("keyRevenueShare", "key accounts: the fewest accounts making this share of trailing revenue", p => p.KeyRevenueShare, (p, v) => p with { KeyRevenueShare = v }),
        OptionalDays("keyMaxAccounts", "cap on the number of key accounts (null: no cap)", p => p.KeyMaxAccounts, (p, v) => p with { KeyMaxAccounts = v }),
        Days("poolAfterDormantDays", "days dormant before the sweep releases an account to the pool", p => p.PoolAfterDormantDays, (p, v) => p with { PoolAfterDormantDays = v }),
        Days("poolNoticeDays", "warning to the owner before release", p => p.PoolNoticeDays, (p, v) => p with { PoolNoticeDays = v }),
        Count("maxClaimsPerRepPerDay", "claims a rep may make in one day", p => p.MaxClaimsPerRepPerDay, (p, v) => p with { MaxClaimsPerRepPerDay = v }, 1),
        Count("maxOpenClaimsPerRep", "claims a rep may hold with no sale yet", p => p.MaxOpenClaimsPerRep, (p, v) => p with { MaxOpenClaimsPerRep = v }, 1),
        Days("reclaimCooldownDays", "previous owner may not claim back before this, from release", p => p.ReclaimCooldownDays, (p, v) => p with { ReclaimCooldownDays = v }),
        Days("claimExpiryDays", "claim with no activity returns to the pool", p => p.ClaimExpiryDays, (p, v) => p with { ClaimExpiryDays = v }, 1),
        Rate("handoffBonusRate", "previous owner's bonus on the new owner's first sale", p => p.HandoffBonusRate, (p, v) => p with { HandoffBonusRate = v }),
        OptionalMoney("handoffBonusFixed", "fixed handoff bonus instead of the rate (null: use the rate)", p => p.HandoffBonusFixed, (p, v) => p with { HandoffBonusFixed = v }),
        Rate("acceleratorRate", "extra when that sale comes within acceleratorDays of the claim", p => p.AcceleratorRate, (p, v) => p with { AcceleratorRate = v }),
        Days("acceleratorDays", "window after the claim for the accelerator", p => p.AcceleratorDays, (p, v) => p with { AcceleratorDays = v }),
        Number("earlyReleaseBonusMultiplier", "bonus multiplier when the owner released early", p => p.EarlyReleaseBonusMultiplier, (p, v) => p with { EarlyReleaseBonusMultiplier = v }),
        Days("attributionWindowDays", "campaigns: an order within this many days of launch is a reactivation", p => p.AttributionWindowDays, (p, v) => p with { AttributionWindowDays = v }, 1),
        Share("holdoutShare", "campaigns: share of accounts held out as the control group", p => p.HoldoutShare, (p, v) => p with { HoldoutShare = v }),
        .. ReactivationParameters.All,
        new SignalModelParameter(),
        Days("modelHorizonDays", "model signals: horizon of p_no_purchase_next and expected_orders_next", p => p.ModelHorizonDays, (p, v) => p with { ModelHorizonDays = v }, 1),
        Share("slippingAliveBelow", "model signals: an active account with P(alive) below this is flagged slipping", p => p.SlippingAliveBelow, (p, v) => p with { SlippingAliveBelow = v }),
    ];

    public static PolicyParameter? Find(string key) => All.FirstOrDefault(p => p.Key == key);

    private static PolicyParameter Days(string key, string meaning, Func<Policy, int> get, Func<Policy, int, Policy> set, int min = 0) =>
        new IntParameter(key, meaning, get, set, min, min == 0 ? "days must not be negative" : $"must be at least {min} day(s)");

    private static PolicyParameter Count(string key, string meaning, Func<Policy, int> get, Func<Policy, int, Policy> set, int min) =>
        new IntParameter(key, meaning, get, set, min, $"must be at least {min}");

    private static PolicyParameter OptionalDays(string key, string meaning, Func<Policy, int?> get, Func<Policy, int?, Policy> set) =>
        new OptionalIntParameter(key, meaning, get, set);

    private static PolicyParameter Number(string key, string meaning, Func<Policy, double> get, Func<Policy, double, Policy> set) =>
        new MultiplierParameter(key, meaning, get, set);

    private static PolicyParameter Share(string key, string meaning, Func<Policy, decimal> get, Func<Policy, decimal, Policy> set) =>
        new DecimalParameter(key, meaning, get, set, v => v > 0m && v <= 1m, "a share must be in (0, 1]");

    private static PolicyParameter Rate(string key, string meaning, Func<Policy, decimal> get, Func<Policy, decimal, Policy> set) =>
        new DecimalParameter(key, meaning, get, set, v => v >= 0m && v <= 1m, "a rate must be in [0, 1]");

    private static PolicyParameter OptionalMoney(string key, string meaning, Func<Policy, decimal?> get, Func<Policy, decimal?, Policy> set) =>
        new OptionalMoneyParameter(key, meaning, get, set);

    internal static string TypeName(JsonValueKind kind) => kind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true/false",
        JsonValueKind.Array => "a list",
        JsonValueKind.Object => "an object",
        JsonValueKind.Null => "null",
        _ => kind.ToString(),
    };

    private sealed class IntParameter(string key, string meaning, Func<Policy, int> get, Func<Policy, int, Policy> set, int min, string rangeMessage)
        : PolicyParameter(key, meaning)
    {
        public override Policy Read(Policy policy, JsonElement value, List<PolicyProblem> problems)
        {
            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var v))
            {
                return set(policy, v);
            }

            problems.Add(new(Key, $"must be a whole number, got {TypeName(value.ValueKind)} {value.GetRawText()}"));
            return policy;
        }

        public override void Write(Policy policy, Utf8JsonWriter writer) => writer.WriteNumber(Key, get(policy));

        public override void Check(Policy policy, List<PolicyProblem> problems)
        {
            var v = get(policy);
            if (v < min)
            {
                problems.Add(new(Key, $"{rangeMessage}, got {v}"));
            }
        }

        public override string Display(Policy policy) => get(policy).ToString(CultureInfo.InvariantCulture);
    }

    private sealed class OptionalIntParameter(string key, string meaning, Func<Policy, int?> get, Func<Policy, int?, Policy> set)
        : PolicyParameter(key, meaning)
    {
        public override Policy Read(Policy policy, JsonElement value, List<PolicyProblem> problems)
        {
            if (value.ValueKind == JsonValueKind.Null)
            {
                return set(policy, null);
            }

            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var v))
            {
                return set(policy, v);
            }

            problems.Add(new(Key, $"must be a whole number or null, got {TypeName(value.ValueKind)} {value.GetRawText()}"));
            return policy;
        }

        public override void Write(Policy policy, Utf8JsonWriter writer)
        {
            if (get(policy) is { } v)
            {
                writer.WriteNumber(Key, v);
            }
            else
            {
                writer.WriteNull(Key);
            }
        }

        public override void Check(Policy policy, List<PolicyProblem> problems)
        {
            if (get(policy) is { } v && v < 1)
            {
                problems.Add(new(Key, $"must be at least 1 (or null), got {v}"));
            }
        }

        public override string Display(Policy policy) => get(policy)?.ToString(CultureInfo.InvariantCulture) ?? "none";
    }

    private sealed class MultiplierParameter(string key, string meaning, Func<Policy, double> get, Func<Policy, double, Policy> set)
        : PolicyParameter(key, meaning)
    {
        public override Policy Read(Policy policy, JsonElement value, List<PolicyProblem> problems)
        {
            if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var v) && double.IsFinite(v))
            {
                return set(policy, v);
            }

            problems.Add(new(Key, $"must be a number, got {TypeName(value.ValueKind)} {value.GetRawText()}"));
            return policy;
        }

        public override void Write(Policy policy, Utf8JsonWriter writer) => writer.WriteNumber(Key, get(policy));

        public override void Check(Policy policy, List<PolicyProblem> problems)
        {
            var v = get(policy);
            if (!(v > 0) || !double.IsFinite(v))
            {
                problems.Add(new(Key, $"a multiplier must be greater than 0, got {v.ToString(CultureInfo.InvariantCulture)}"));
            }
        }

        public override string Display(Policy policy) => get(policy).ToString("0.0###", CultureInfo.InvariantCulture);
    }

    private sealed class DecimalParameter(string key, string meaning, Func<Policy, decimal> get, Func<Policy, decimal, Policy> set, Func<decimal, bool> inRange, string rangeMessage)
        : PolicyParameter(key, meaning)
    {
        public override Policy Read(Policy policy, JsonElement value, List<PolicyProblem> problems)
        {
            if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var v))
            {
                return set(policy, v);
            }

            problems.Add(new(Key, $"must be a number, got {TypeName(value.ValueKind)} {value.GetRawText()}"));
            return policy;
        }

        public override void Write(Policy policy, Utf8JsonWriter writer) => writer.WriteNumber(Key, get(policy));

        public override void Check(Policy policy, List<PolicyProblem> problems)
        {
            var v = get(policy);
            if (!inRange(v))
            {
                problems.Add(new(Key, $"{rangeMessage}, got {v.ToString(CultureInfo.InvariantCulture)}"));
            }
        }

        public override string Display(Policy policy) => get(policy).ToString(CultureInfo.InvariantCulture);
    }

    private sealed class OptionalMoneyParameter(string key, string meaning, Func<Policy, decimal?> get, Func<Policy, decimal?, Policy> set)
        : PolicyParameter(key, meaning)
    {
        public override Policy Read(Policy policy, JsonElement value, List<PolicyProblem> problems)
        {
            if (value.ValueKind == JsonValueKind.Null)
            {
                return set(policy, null);
            }

            if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var v))
            {
                return set(policy, v);
            }

            problems.Add(new(Key, $"must be an amount or null, got {TypeName(value.ValueKind)} {value.GetRawText()}"));
            return policy;
        }

        public override void Write(Policy policy, Utf8JsonWriter writer)
        {
            if (get(policy) is { } v)
            {
                writer.WriteNumber(Key, v);
            }
            else
            {
                writer.WriteNull(Key);
            }
        }

        public override void Check(Policy policy, List<PolicyProblem> problems)
        {
            if (get(policy) is { } v && v < 0)
            {
                problems.Add(new(Key, $"an amount must not be negative, got {v.ToString(CultureInfo.InvariantCulture)}"));
            }
        }

        public override string Display(Policy policy) => get(policy)?.ToString(CultureInfo.InvariantCulture) ?? "none";
    }

    private sealed class EngagementKindsParameter()
        : PolicyParameter("engagementKinds", "what counts as engagement")
    {
        public override Policy Read(Policy policy, JsonElement value, List<PolicyProblem> problems)
        {
            if (value.ValueKind != JsonValueKind.Array)
            {
                problems.Add(new(Key, $"must be a list of engagement kinds, got {TypeName(value.ValueKind)} {value.GetRawText()}"));
                return policy;
            }

            var kinds = new List<EngagementKind>();
            var ok = true;
            foreach (var item in value.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String && Codes.TryParse(item.GetString(), out EngagementKind kind))
                {
                    if (!kinds.Contains(kind))
                    {
                        kinds.Add(kind);
                    }
                }
                else
                {
                    ok = false;
                    problems.Add(new(Key, $"unknown engagement kind {item.GetRawText()} (known: {string.Join(", ", Codes.AllEngagementKinds)})"));
                }
            }

            return ok ? policy with { EngagementKinds = kinds.Order().ToArray() } : policy;
        }

        public override void Write(Policy policy, Utf8JsonWriter writer)
        {
            writer.WriteStartArray(Key);
            foreach (var kind in policy.EngagementKinds.Order())
            {
                writer.WriteStringValue(Codes.Of(kind));
            }

            writer.WriteEndArray();
        }

        public override void Check(Policy policy, List<PolicyProblem> problems)
        {
        }

        public override string Display(Policy policy) => string.Join(", ", policy.EngagementKinds.Order().Select(Codes.Of));
    }
}
