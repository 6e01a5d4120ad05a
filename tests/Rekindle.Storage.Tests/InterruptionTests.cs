using Microsoft.Extensions.Time.Testing;
using Rekindle.App.Workspace;

namespace Rekindle.Storage.Tests;

/// <summary>An import stopped midway, by cancellation or by killing the process, leaves the workspace exactly as before.</summary>
public class InterruptionTests(GeneratedCompanies companies) : IClassFixture<GeneratedCompanies>
{
    [Theory]
    [InlineData(WorkspaceProvider.Sqlite)]
    [PostgresData]
    public void Import_CancelledMidway_LeavesTheWorkspaceAsBefore(WorkspaceProvider provider)
    {
        using var workspace = BadInputCorpusTests.Based(provider);
        var before = workspace.Fingerprint();
        using var cancel = new CancellationTokenSource();
        var seen = 0L;
        var options = new ImportOptions
        {
            Progress = p =>
            {
                seen = Math.Max(seen, p.Done);
                if (p.File == "orders.csv" && p.Done > 4_000)
                {
                    cancel.Cancel();
                }
            },
        };

        using (var db = workspace.Open())
        {
            var importer = new WorkspaceImporter(db, new FakeTimeProvider(Rk.Today));
            Assert.ThrowsAny<OperationCanceledException>(() => importer.Import(ImportFormat.Folder, companies.Of(300), options, cancel.Token));
        }

        Assert.True(seen > 4_000, "the import was cancelled after it had written rows");
        Assert.Equal(before, workspace.Fingerprint());
    }

    [Theory]
    [InlineData(WorkspaceProvider.Sqlite)]
    [PostgresData]
    public void Import_ProcessKilledMidway_LeavesTheWorkspaceAsBefore(WorkspaceProvider provider)
    {
        using var workspace = BadInputCorpusTests.Based(provider);
        var before = workspace.Fingerprint();
        using var folder = new TempFolder();

        // Off a terminal the import reports each tenth of a large file on stderr: kill it once the engagements
        // (the file after accounts, contacts, orders and order lines) are under way.
        using var process = Rk.Start(folder.Path, ["import", companies.Of(3_000), .. workspace.Args]);
        using var midway = new ManualResetEventSlim();
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.ErrorDataReceived += (_, e) =>
        {
            log.Enqueue(e.Data ?? "");
            if (e.Data?.StartsWith("engagements.csv: ", StringComparison.Ordinal) == true && !e.Data.Contains(" 0 of ", StringComparison.Ordinal))
            {
                midway.Set();
            }
        };
        process.BeginErrorReadLine();
        _ = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);

        Assert.True(midway.Wait(TimeSpan.FromSeconds(120)), "no progress on engagements.csv: " + string.Join('\n', log));
        Assert.False(process.HasExited, "the import finished before it could be killed");
        process.Kill(entireProcessTree: true);
        process.WaitForExit();

        Assert.NotEqual(0, process.ExitCode);
        Assert.Equal(before, workspace.Fingerprint());
    }
}
