using System.Text.Json;
using Rekindle.Models;

namespace Rekindle.Policies;

/// <summary><c>signalModel</c>: "none" (default) or the purchase-count model whose signals classification adds.</summary>
internal sealed class SignalModelParameter()
    : PolicyParameter("signalModel", "model signals: none, bgnbd, mbgnbd or pareto-nbd (adds p_alive, p_no_purchase_next, expected orders and value)")
{
    private const string None = "none";

    public override Policy Read(Policy policy, JsonElement value, List<PolicyProblem> problems)
    {
        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Null => None,
            _ => null,
        };
        if (text == None)
        {
            return policy with { SignalModel = null };
        }

        if (text is not null && ModelKinds.TryParse(text, out var kind) && kind != ModelKind.GammaGamma)
        {
            return policy with { SignalModel = kind };
        }

        problems.Add(new(Key, $"must be none, bgnbd, mbgnbd or pareto-nbd, got {value.GetRawText()}"));
        return policy;
    }

    public override void Write(Policy policy, Utf8JsonWriter writer) => writer.WriteString(Key, Display(policy));

    public override void Check(Policy policy, List<PolicyProblem> problems)
    {
        if (policy.SignalModel == ModelKind.GammaGamma)
        {
            problems.Add(new(Key, "gamma-gamma is a spend model; choose bgnbd, mbgnbd or pareto-nbd"));
        }
    }

    public override string Display(Policy policy) => policy.SignalModel?.Name() ?? None;
}
