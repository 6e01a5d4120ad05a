using Rekindle.App.Workspace;
using Rekindle.Reactivation;
using Rekindle.Storage;

namespace Rekindle.App.Reactivation;

/// <summary>
/// Measures a stored campaign as of a date, as <c>rekindle campaign results</c> and the dashboard do: under the policy
/// it was planned with (the current one when that version is no longer stored), against the workspace's orders and
/// engagements. Nothing is written; <see cref="CampaignStore.SaveOutcomes"/> stores a measurement.
/// </summary>
public sealed class CampaignMeasurer(WorkspaceDb db, TimeProvider clock)
{
    /// <summary>The results and the reporting currency their revenue is in.</summary>
    public (CampaignResults Results, string Currency) Measure(StoredCampaign stored, DateOnly asOf)
    {
        var policies = new WorkspacePolicies(db, clock);
        var policy = policies.Find(stored.Campaign.PolicyVersionId) is { } version ? WorkspacePolicies.Parse(version) : policies.CurrentPolicy().Policy;
        var loaded = WorkspaceBook.Load(db);
        return (CampaignMeasurement.Measure(stored.Plan, loaded.Book, policy, asOf), loaded.Currency);
    }
}
