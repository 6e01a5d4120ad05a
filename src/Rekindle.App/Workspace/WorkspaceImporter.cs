using System.Diagnostics;
using Rekindle.App.Csv;
using Rekindle.Storage;

namespace Rekindle.App.Workspace;

/// <summary>
/// <c>rekindle import</c>: loads a CSV folder or an order log into the workspace in one transaction. Rows are
/// upserted by id (the same files twice change nothing; a changed row is updated and audited). Any bad row and
/// the run throws <see cref="InputException"/> with every error, leaving the workspace exactly as before, unless
/// <see cref="ImportOptions.SkipInvalid"/> is set; cancellation leaves it as before too.
/// </summary>
public sealed class WorkspaceImporter(WorkspaceDb db, TimeProvider clock)
{
    public ImportReport Import(ImportFormat format, string path, ImportOptions options, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        db.ChangeTracker.Clear();
        using var run = new ImportRun(db, clock, options, cancellationToken);
        if (run.WorkspaceCurrency is { } have && options.Currency is { } want && !string.Equals(have, want, StringComparison.OrdinalIgnoreCase))
        {
            throw new InputException("--currency", $"the workspace's reporting currency is {have}; it cannot be changed to {want.ToUpperInvariant()}");
        }

        if (format == ImportFormat.Folder)
        {
            new FolderImport(run, path, cancellationToken).Run();
        }
        else if (format is ImportFormat.Salesforce or ImportFormat.HubSpot or ImportFormat.Shopify or ImportFormat.Mapped)
        {
            // An export: a folder, or its .zip as downloaded, unpacked for the run.
            using var export = Sources.ExportArchive.Open(path);
            switch (format)
            {
                case ImportFormat.Salesforce: new Sources.SalesforceImport(run, export.Folder, cancellationToken).Run(); break;
                case ImportFormat.HubSpot: new Sources.HubSpotImport(run, export.Folder, cancellationToken).Run(); break;
                case ImportFormat.Shopify: new Sources.ShopifyImport(run, export.Folder, cancellationToken).Run(); break;
                default: new Sources.MappedImport(run, export.Folder, options.Mapping ?? throw new ArgumentException("a mapped import needs a mapping", nameof(options)), cancellationToken).Run(); break;
            }
        }
        else if (format == ImportFormat.Reps)
        {
            new FolderImport(run, Path.GetDirectoryName(Path.GetFullPath(path))!, cancellationToken).RunReps(Path.GetFileName(path));
        }
        else
        {
            new ExternalImport(run, format, path, cancellationToken).Run();
        }

        return run.Commit(Path.GetFullPath(path), watch.Elapsed);
    }
}
