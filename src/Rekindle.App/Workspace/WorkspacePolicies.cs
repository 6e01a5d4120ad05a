using Microsoft.EntityFrameworkCore;
using Rekindle.Policies;
using Rekindle.Storage;

namespace Rekindle.App.Workspace;

/// <summary>The outcome of <see cref="WorkspacePolicies.Set"/>: the version stored, or the current one when nothing changed.</summary>
public sealed record PolicySetResult(PolicyVersion Version, bool Stored);

/// <summary>
/// The team's policy, versioned in the workspace: each version records its content, who set it, when, why and what
/// changed from the previous one. The latest version is the workspace's current policy (the defaults before any).
/// </summary>
public sealed class WorkspacePolicies(WorkspaceDb db, TimeProvider clock)
{
    /// <summary>The latest stored version, or null when the workspace still uses the built-in defaults.</summary>
    public PolicyVersion? Current() => db.PolicyVersions.AsNoTracking().OrderByDescending(v => v.Number).FirstOrDefault();

    /// <summary>The current policy and its stored version number (null: the defaults, never stored).</summary>
    public (Policy Policy, int? Number) CurrentPolicy()
    {
        var current = Current();
        return current is null ? (Policy.Default, null) : (Parse(current), current.Number);
    }

    /// <summary>The stored version with this content id, if any.</summary>
    public PolicyVersion? Find(string versionId) =>
        db.PolicyVersions.AsNoTracking().Where(v => v.VersionId == versionId).OrderByDescending(v => v.Number).FirstOrDefault();

    /// <summary>Every version, newest first.</summary>
    public IReadOnlyList<PolicyVersion> Log() => db.PolicyVersions.AsNoTracking().OrderByDescending(v => v.Number).ToList();

    /// <summary>
    /// Stores <paramref name="policy"/> as the next version, with the reason and who set it; when it equals the current
    /// version nothing is stored. The change goes to the audit log.
    /// </summary>
    public PolicySetResult Set(Policy policy, string reason, string setBy)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ArgumentException("A policy change needs a reason.", nameof(reason));
        }

        using var transaction = db.Database.BeginTransaction();
        var current = Current();
        var previous = current is null ? Policy.Default : Parse(current);
        var versionId = PolicyJson.VersionId(policy);
        var changes = Diff(previous, policy);
        if (current is not null && (current.VersionId == versionId || changes.Count == 0))
        {
            // The same values written differently (0.80 and 0.8) are the same policy: nothing to store.
            return new PolicySetResult(current, false);
        }

        var version = new PolicyVersion
        {
            Number = (current?.Number ?? 0) + 1,
            VersionId = versionId,
            Content = PolicyJson.Write(policy),
            SetBy = setBy,
            SetAtUtc = clock.GetUtcNow().UtcDateTime,
            Reason = reason.Trim(),
            Changes = changes.Count == 0 ? "(the built-in defaults)" : string.Join("\n", changes),
        };
        db.PolicyVersions.Add(version);
        db.AuditLog.Add(new AuditEntry
        {
            AtUtc = version.SetAtUtc,
            Actor = setBy,
            Action = "policy.set",
            Entity = "policy_versions",
            EntityId = version.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Details = $"version {versionId}: {version.Reason}; {version.Changes.Replace("\n", "; ", StringComparison.Ordinal)}",
        });
        db.SaveChanges();
        transaction.Commit();
        db.ChangeTracker.Clear();
        return new PolicySetResult(version, true);
    }

    /// <summary>"key: old -> new" for each parameter whose value differs (compared as values, not text), in the policy table's order.</summary>
    public static IReadOnlyList<string> Diff(Policy before, Policy after) =>
        PolicyParameters.All
            .Where(p => !p.SameValue(before, after))
            .Select(p => $"{p.Key}: {p.Display(before)} -> {p.Display(after)}")
            .ToList();

    public static Policy Parse(PolicyVersion version) =>
        PolicyJson.Parse(version.Content).Policy
        ?? throw new InvalidOperationException($"Stored policy version {version.Number} no longer parses.");
}
