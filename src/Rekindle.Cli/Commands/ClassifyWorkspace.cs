using Rekindle.App.Csv;
using Rekindle.App.Policies;
using Rekindle.App.Workspace;
using Rekindle.Lifecycle;
using Rekindle.Policies;
using Rekindle.Storage;

namespace Rekindle.Cli.Commands;

/// <summary>
/// <c>classify</c> without <c>--data</c>: the workspace's book under the workspace's current policy (or --policy), and
/// with <c>--save</c> the snapshot and its transitions, recording the policy version used.
/// </summary>
internal static class ClassifyWorkspace
{
    public delegate int Classify(ClassifyInput input, Policy policy, Func<BookClassification, int>? save);

    public static int Run(WorkspaceDb db, CliConsole console, string? policyFile, bool save, Classify classify)
    {
        var policies = new WorkspacePolicies(db, console.Clock);
        Policy effective;
        int? number;
        if (policyFile is not null)
        {
            effective = PolicyFile.Load(policyFile);
            number = policies.Find(PolicyJson.VersionId(effective))?.Number;
        }
        else
        {
            (effective, number) = policies.CurrentPolicy();
        }

        if (!db.Accounts.Any())
        {
            console.Error.WriteLine("note: the workspace has no accounts yet (rekindle import DIR loads them)");
        }

        // One date under a policy with no model: streamed from the database, without loading the book.
        var input = new ClassifyInput(
            WorkspaceBook.ReportingCurrency(db) ?? "USD",
            () => WorkspaceBook.Load(db),
            (policy, date) => policy.SignalModel is null
                ? StreamedClassification.Classify(db, policy, date)
                : LifecycleEngine.Classify(WorkspaceBook.Load(db).Book, policy, date));
        return classify(input, effective, save ? result => Save(db, console, result, number, effective) : null);
    }

    private static int Save(WorkspaceDb db, CliConsole console, BookClassification result, int? number, Policy effective)
    {
        if (number is null && PolicyJson.VersionId(effective) != PolicyJson.VersionId(Policy.Default))
        {
            console.Error.WriteLine($"refused: policy {result.PolicyVersion} is not a version of the workspace; a saved snapshot records its version: store it first with rekindle policy set FILE --reason TEXT");
            return ExitCodes.Refused;
        }

        var saved = new Snapshots(db, console.Clock).Save(result, number, Environment.UserName);
        if (saved.Refused)
        {
            console.Error.WriteLine($"refused: {saved.Refusal}");
            return ExitCodes.Refused;
        }

        var policy = number is { } n ? $"policy version {n} ({result.PolicyVersion})" : $"the built-in default policy ({result.PolicyVersion})";
        var since = saved.Previous is { } p ? $"{saved.Transitions} transition(s) since the snapshot of {IsoDate.Format(p)}" : "the first snapshot (no transitions yet)";
        console.Error.WriteLine($"{(saved.Replaced ? "replaced" : "saved")} snapshot as of {IsoDate.Format(result.AsOf)} under {policy}: {saved.Snapshot!.Accounts} accounts, {since}");
        return ExitCodes.Ok;
    }
}

/// <summary>What classify works on: the reporting currency, the whole book (for histories), and one date's classification.</summary>
internal sealed record ClassifyInput(string Currency, Func<LoadedBook> Load, Func<Policy, DateOnly, BookClassification> ClassifyAt)
{
    /// <summary>A book already in memory (read from files).</summary>
    public static ClassifyInput Of(LoadedBook loaded) =>
        new(loaded.Currency, () => loaded, (policy, date) => LifecycleEngine.Classify(loaded.Book, policy, date));
}
