using Rekindle.App.Csv;
using Rekindle.App.Workspace;
using Rekindle.Policies;
using Rekindle.Reactivation;
using Rekindle.Storage;

namespace Rekindle.App.Reactivation;

/// <summary>
/// What planning a campaign in the workspace did: the stored plan, or why not: a refusal (the name is taken), the
/// problems that stopped the plan, or no account matching.
/// </summary>
public sealed record CampaignPlanOutcome
{
    public CampaignPlan? Plan { get; init; }
    public Campaign? Stored { get; init; }

    /// <summary>The name is taken (before planning, or by a concurrent plan): nothing was stored.</summary>
    public string? Refusal { get; init; }

    /// <summary>What stopped the plan (a placeholder without a value, a bad play or holdout): nothing was stored.</summary>
    public IReadOnlyList<PlanningProblem> Problems { get; init; } = [];

    /// <summary>Set when no lapsed account matched: nothing was stored.</summary>
    public string? NothingMatched { get; init; }
}

/// <summary>
/// Plans a campaign in the workspace, as <c>rekindle campaign plan</c> and POST /api/campaigns do: segment the book,
/// plan over it and store the plan (<see cref="CampaignMeasurer"/> measures it).
/// </summary>
public sealed class WorkspaceCampaigns(WorkspaceDb db, TimeProvider clock)
{
    /// <summary>
    /// Segments the book as of <paramref name="asOf"/> under <paramref name="policy"/>, plans
    /// <paramref name="request"/> (its currency defaulting to the workspace's) and stores it.
    /// </summary>
    public CampaignPlanOutcome Plan(CampaignRequest request, IReadOnlyList<string> segmentTexts, Policy policy, DateOnly asOf, string createdBy)
    {
        var store = new CampaignStore(db, clock);
        if (store.Exists(request.Name))
        {
            return new CampaignPlanOutcome { Refusal = $"a campaign named '{request.Name}' already exists in the workspace: choose another name" };
        }

        var segmentation = WorkspaceSegments.Segment(db, policy, asOf);
        var effective = request.Currency is { Length: > 0 } ? request : request with { Currency = segmentation.Currency };
        var result = CampaignPlanner.Plan(effective, segmentation.Segmented, segmentation.Directory);
        if (result.Plan is not { } plan)
        {
            return new CampaignPlanOutcome { Problems = result.Problems };
        }

        if (plan.Members.Count == 0)
        {
            return new CampaignPlanOutcome
            {
                Plan = plan,
                NothingMatched = NothingMatched(asOf, segmentation.Segmented.Accounts.Count, plan),
            };
        }

        var saved = store.Save(plan, effective, segmentTexts, createdBy);
        return saved.Refused ? new CampaignPlanOutcome { Plan = plan, Refusal = saved.Refusal } : new CampaignPlanOutcome { Plan = plan, Stored = saved.Campaign };
    }

    /// <summary>"no account selected as of D (40 lapsed account(s)); nothing was planned." and a line per skip reason, counted, most first.</summary>
    public static string NothingMatched(DateOnly asOf, int lapsed, CampaignPlan plan)
    {
        var reasons = plan.Skipped.GroupBy(s => s.Reason, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Count()} {g.Key}")
            .ToList();
        var outside = lapsed - plan.Skipped.Count - plan.Members.Count;
        if (outside > 0)
        {
            reasons.Add($"{outside} outside the --segment filters");
        }

        return $"no account selected as of {IsoDate.Format(asOf)} ({lapsed} lapsed account(s)); nothing was planned." +
            string.Concat(reasons.Select(r => Environment.NewLine + "  skipped " + r));
    }
}
