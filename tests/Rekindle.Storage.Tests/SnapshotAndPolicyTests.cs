using Microsoft.EntityFrameworkCore;
using Rekindle.Lifecycle;

namespace Rekindle.Storage.Tests;

/// <summary>classify --save, policy set/log and the account view, on both providers.</summary>
public class SnapshotAndPolicyTests(GeneratedCompanies companies) : IClassFixture<GeneratedCompanies>
{
    [Theory]
    [InlineData(WorkspaceProvider.Sqlite)]
    [PostgresData]
    public void ClassifySave_TwoDates_StoresSnapshotsAndTheTransitionsBetweenThem(WorkspaceProvider provider)
    {
        using var workspace = new TestWorkspace(provider);
        Assert.Equal(0, Rk.Run(workspace, "import", companies.Of(300)).ExitCode);

        var first = Rk.Run(workspace, "classify", "--as-of", "2026-05-31", "--save", "--format", "csv");
        var second = Rk.Run(workspace, "classify", "--as-of", "2026-11-23", "--save", "--format", "csv");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("saved snapshot as of 2026-05-31 under the built-in default policy", first.Error, StringComparison.Ordinal);
        Assert.Contains("the first snapshot (no transitions yet)", first.Error, StringComparison.Ordinal);
        using var db = workspace.Open();
        var snapshots = db.Snapshots.AsNoTracking().ToList().OrderBy(s => s.AsOf).ToList();
        Assert.Equal([new DateOnly(2026, 5, 31), new DateOnly(2026, 11, 23)], snapshots.Select(s => s.AsOf));
        Assert.All(snapshots, s => Assert.Null(s.PolicyNumber));
        Assert.All(snapshots, s => Assert.Equal(Policies.PolicyJson.VersionId(Policies.Policy.Default), s.PolicyVersionId));
        Assert.Equal(snapshots[1].Accounts, db.SnapshotAccounts.Count(r => r.SnapshotId == snapshots[1].Id));

        // Every stored transition is a real change between the two saved statuses (or an account that appeared).
        var before = db.SnapshotAccounts.AsNoTracking().Where(r => r.SnapshotId == snapshots[0].Id).ToDictionary(r => r.AccountId, r => r.Status);
        var after = db.SnapshotAccounts.AsNoTracking().Where(r => r.SnapshotId == snapshots[1].Id).ToDictionary(r => r.AccountId, r => r.Status);
        var expected = after.Where(a => !before.TryGetValue(a.Key, out var b) || b != a.Value).Select(a => a.Key).Order(StringComparer.Ordinal).ToList();
        var changes = db.StatusChanges.AsNoTracking().Where(c => c.SnapshotId == snapshots[1].Id).ToList();
        Assert.NotEmpty(changes);
        Assert.Equal(expected, changes.Select(c => c.AccountId).Order(StringComparer.Ordinal));
        Assert.All(changes, c => Assert.Equal((before.TryGetValue(c.AccountId, out var b) ? b : (LifecycleStatus?)null, after[c.AccountId]), (c.Before, c.After)));
        Assert.Contains($"{changes.Count} transition(s) since the snapshot of 2026-05-31", second.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(WorkspaceProvider.Sqlite)]
    [PostgresData]
    public void ClassifySave_DateAfterToday_IsRefusedAndTodayStillSaves(WorkspaceProvider provider)
    {
        using var workspace = new TestWorkspace(provider);
        Assert.Equal(0, Rk.Run(workspace, "import", companies.Of(300)).ExitCode);
        var future = Rk.Run(workspace, "classify", "--as-of", "2026-11-24", "--save", "--format", "csv");
        Assert.Equal(3, future.ExitCode);
        Assert.Contains("2026-11-24 is after today (2026-11-23)", future.Error, StringComparison.Ordinal);
        Assert.Equal(0, Rk.Run(workspace, "classify", "--as-of", "2026-11-23", "--save", "--format", "csv").ExitCode);
    }

    [Theory]
    [InlineData(WorkspaceProvider.Sqlite)]
    [PostgresData]
    public void SnapshotsDelete_ASavedDate_RemovesItAndTheAuditLogRecordsIt(WorkspaceProvider provider)
    {
        using var workspace = new TestWorkspace(provider);
        Assert.Equal(0, Rk.Run(workspace, "import", companies.Of(300)).ExitCode);
        Assert.Equal(0, Rk.Run(workspace, "classify", "--as-of", "2026-05-31", "--save", "--format", "csv").ExitCode);
        Assert.Equal(0, Rk.Run(workspace, "classify", "--as-of", "2026-11-23", "--save", "--format", "csv").ExitCode);

        var deleted = Rk.Run(workspace, "snapshots", "delete", "2026-11-23", "--reason", "saved by mistake", "--by", "Maria");
        Assert.True(deleted.ExitCode == 0, deleted.ToString());
        Assert.Equal(3, Rk.Run(workspace, "snapshots", "delete", "2026-11-23", "--reason", "again").ExitCode);
        Assert.Equal(2, Rk.Run(workspace, "snapshots", "delete", "2026-11-23").ExitCode); // no reason

        using var db = workspace.Open();
        Assert.Equal([new DateOnly(2026, 5, 31)], db.Snapshots.AsNoTracking().Select(s => s.AsOf).ToList());
        Assert.Equal(0, db.StatusChanges.Count(c => c.ToDate == new DateOnly(2026, 11, 23)));
        var audit = Assert.Single(db.AuditLog.AsNoTracking().Where(a => a.Action == "snapshot.delete").ToList());
        Assert.Equal("Maria", audit.Actor);
        Assert.Contains("saved by mistake", audit.Details, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(WorkspaceProvider.Sqlite)]
    [PostgresData]
    public void ClassifySave_DateBeforeTheLatestSnapshot_IsRefused(WorkspaceProvider provider)
    {
        using var workspace = new TestWorkspace(provider);
        Assert.Equal(0, Rk.Run(workspace, "import", companies.Of(300)).ExitCode);
        Assert.Equal(0, Rk.Run(workspace, "classify", "--as-of", "2026-11-23", "--save", "--format", "csv").ExitCode);
        var before = workspace.Fingerprint();

        var earlier = Rk.Run(workspace, "classify", "--as-of", "2026-01-31", "--save", "--format", "csv");

        Assert.Equal(3, earlier.ExitCode);
        Assert.Contains("refused: a snapshot as of 2026-11-23 is already saved", earlier.Error, StringComparison.Ordinal);
        Assert.Equal(before, workspace.Fingerprint());
    }

    [Theory]
    [InlineData(WorkspaceProvider.Sqlite)]
    [PostgresData]
    public void PolicyShow_WithoutAFile_ShowsTheWorkspacesCurrentVersion(WorkspaceProvider provider)
    {
        using var workspace = new TestWorkspace(provider);
        using var folder = new TempFolder();
        var before = Rk.Run(workspace, "policy", "show", "--format", "json");
        Assert.Equal(0, Rk.Run("policy", "init", "--out", folder.File("policy.json")).ExitCode);
        File.WriteAllText(folder.File("policy.json"), File.ReadAllText(folder.File("policy.json")).Replace("\"dormantAfterDays\": 365", "\"dormantAfterDays\": 300", StringComparison.Ordinal));
        Assert.Equal(0, Rk.Run(workspace, "policy", "set", folder.File("policy.json"), "--reason", "Dormant sooner", "--by", "Ann").ExitCode);

        var after = Rk.Run(workspace, "policy", "show", "--format", "json");
        var fromFile = Rk.Run(workspace, "policy", "show", "--format", "json", "--policy", folder.File("policy.json"));

        Assert.Contains("\"dormantAfterDays\": 365", before.Out, StringComparison.Ordinal);
        Assert.Contains("built-in defaults", before.Error, StringComparison.Ordinal);
        Assert.Contains("\"dormantAfterDays\": 300", after.Out, StringComparison.Ordinal);
        Assert.Contains("version 1 of the workspace", after.Error, StringComparison.Ordinal);
        Assert.Contains("Dormant sooner", after.Error, StringComparison.Ordinal);
        Assert.Equal(after.Out, fromFile.Out);
    }

    [Fact]
    public void PolicyShow_WhereNoWorkspaceExists_ShowsTheDefaultsAndCreatesNoFile()
    {
        using var folder = new TempFolder();
        var db = folder.File("absent.db");
        var shown = Rk.Run("policy", "show", "--db", db);
        Assert.Equal(0, shown.ExitCode);
        Assert.Contains("built-in defaults (no workspace", shown.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(db));
    }

    [Theory]
    [InlineData(WorkspaceProvider.Sqlite)]
    [PostgresData]
    public void PolicySet_ThenClassifySave_RecordsTheVersionWhoWhenWhyAndWhatChanged(WorkspaceProvider provider)
    {
        using var workspace = new TestWorkspace(provider);
        using var folder = new TempFolder();
        Assert.Equal(0, Rk.Run(workspace, "import", companies.Of(300)).ExitCode);
        Assert.Equal(0, Rk.Run("policy", "init", "--out", folder.File("policy.json")).ExitCode);
        File.WriteAllText(folder.File("policy.json"), File.ReadAllText(folder.File("policy.json")).Replace("\"dormantAfterDays\": 365", "\"dormantAfterDays\": 300", StringComparison.Ordinal));

        var missingReason = Rk.Run(workspace, "policy", "set", folder.File("policy.json"));
        var set = Rk.Run(workspace, "policy", "set", folder.File("policy.json"), "--reason", "Dormant sooner: 300 days", "--by", "Ann Manager");
        var same = Rk.Run(workspace, "policy", "set", folder.File("policy.json"), "--reason", "again");
        var log = Rk.Run(workspace, "policy", "log");
        var save = Rk.Run(workspace, "classify", "--as-of", "2026-11-23", "--save", "--format", "csv");

        Assert.Equal(2, missingReason.ExitCode);
        Assert.Contains("--reason TEXT is required", missingReason.Error, StringComparison.Ordinal);
        Assert.True(set.ExitCode == 0, set.ToString());
        Assert.Contains("stored policy version 1", set.Out, StringComparison.Ordinal);
        Assert.Contains("dormantAfterDays: 365 -> 300", set.Out, StringComparison.Ordinal);
        Assert.Contains("policy unchanged: it is already version 1", same.Out, StringComparison.Ordinal);
        Assert.Contains("Ann Manager", log.Out, StringComparison.Ordinal);
        Assert.Contains("Dormant sooner: 300 days", log.Out, StringComparison.Ordinal);
        Assert.Contains("2026-11-23 09:00", log.Out, StringComparison.Ordinal);
        Assert.Contains("under policy version 1", save.Error, StringComparison.Ordinal);
        using var db = workspace.Open();
        var version = db.PolicyVersions.AsNoTracking().Single();
        Assert.Equal(new DateTime(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc), version.SetAtUtc);
        Assert.Equal("dormantAfterDays: 365 -> 300", version.Changes);
        var snapshot = db.Snapshots.AsNoTracking().Single();
        Assert.Equal((1, version.VersionId), (snapshot.PolicyNumber!.Value, snapshot.PolicyVersionId));
        Assert.Contains(db.AuditLog.AsNoTracking().ToList(), a => a.Action == "policy.set" && a.Actor == "Ann Manager");
        Assert.Contains(db.AuditLog.AsNoTracking().ToList(), a => a.Action == "snapshot.save");
    }

    [Theory]
    [InlineData(WorkspaceProvider.Sqlite)]
    [PostgresData]
    public void Account_ShowsStatusReasonsHistoryTimelineContactsAndOwners(WorkspaceProvider provider)
    {
        var folder = companies.Of(300);
        using var workspace = new TestWorkspace(provider);
        Assert.Equal(0, Rk.Run(workspace, "import", folder).ExitCode);
        Assert.Equal(0, Rk.Run(workspace, "classify", "--as-of", "2026-05-31", "--save", "--format", "csv").ExitCode);
        var id = File.ReadLines(Path.Combine(folder, "accounts.csv")).Skip(1).First().Split(',')[0];
        var owner = File.ReadLines(Path.Combine(folder, "accounts.csv")).Skip(1).First().Split(',')[5];
        var loaded = App.Csv.BookLoader.Load(folder);
        var expected = LifecycleEngine.Classify(loaded.Book, Policies.Policy.Default, new DateOnly(2026, 11, 23))[loaded.Book.IndexOf(id)];

        var result = Rk.Run(workspace, "account", id, "--as-of", "2026-11-23");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"As of 2026-11-23: {expected.Status.Code()}", result.Out, StringComparison.Ordinal);
        Assert.Contains("2026-05-31  ", result.Out, StringComparison.Ordinal);
        Assert.Contains("Timeline (", result.Out, StringComparison.Ordinal);
        Assert.Contains("order", result.Out, StringComparison.Ordinal);
        Assert.Contains("Contacts", result.Out, StringComparison.Ordinal);
        Assert.Contains($"to now  {owner}  (assigned)", result.Out, StringComparison.Ordinal);

        var missing = Rk.Run(workspace, "account", "NOPE");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("no account NOPE in the workspace", missing.Error, StringComparison.Ordinal);
    }
}
