using Microsoft.EntityFrameworkCore;
using Rekindle.App.Csv;
using Rekindle.Storage;

namespace Rekindle.App.Workspace;

/// <summary>
/// One import run: the transaction, the errors (every one, each naming file, line, column and value), the
/// rejects file, the audit log, progress and cancellation. Nothing is committed unless the run ends with no
/// error (or with <see cref="ImportOptions.SkipInvalid"/> and only row errors); otherwise the transaction
/// is rolled back and the workspace is exactly as before.
/// </summary>
internal sealed class ImportRun : IDisposable
{
    private const int TickRows = 4096;
    private readonly List<InputError> pending = [];
    private readonly RejectsFile? rejects;
    private readonly List<FileCounts> files = [];
    private readonly BulkTable<AuditEntry> audit;
    private readonly CancellationToken cancellationToken;
    private long ticks;

    public ImportRun(WorkspaceDb db, TimeProvider clock, ImportOptions options, CancellationToken cancellationToken)
    {
        Db = db;
        Options = options;
        this.cancellationToken = cancellationToken;
        Now = clock.GetUtcNow().UtcDateTime;
        Today = DateOnly.FromDateTime(Now);
        Errors = new InputErrors { Added = pending.Add };
        rejects = options.SkipInvalid ? new RejectsFile(options.RejectsPath) : null;
        Transaction = db.Database.BeginTransaction();
        audit = new BulkTable<AuditEntry>(db);
        Currency = db.Settings.AsNoTracking().Where(s => s.Key == WorkspaceSetting.ReportingCurrency).Select(s => s.Value).FirstOrDefault();
        WorkspaceCurrency = Currency;
    }

    public WorkspaceDb Db { get; }

    /// <summary>What the run tells the user beside the counts: files it did not read, conversions it applied.</summary>
    public List<string> Notes { get; } = [];
    public ImportOptions Options { get; }
    public InputErrors Errors { get; }
    public DateTime Now { get; }
    public DateOnly Today { get; }
    public Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction Transaction { get; }

    /// <summary>The reporting currency: the workspace's, or set by this run's first order.</summary>
    public string? Currency { get; set; }

    /// <summary>The currency the workspace had before this run (null for a new workspace).</summary>
    public string? WorkspaceCurrency { get; }

    /// <summary>True once a row error makes the run fail (without --skip-invalid): rows are then only checked, not written.</summary>
    public bool CheckOnly => rejects is null && Errors.Any;

    /// <summary>An error no --skip-invalid can get past (a missing file or column, an unreadable file).</summary>
    public bool Fatal { get; private set; }

    public FileCounts Counts(string file)
    {
        var counts = new FileCounts(file);
        files.Add(counts);
        return counts;
    }

    /// <summary>Marks the errors added so far as fatal (header, file and encoding problems).</summary>
    public void FatalIfNew(int before)
    {
        if (Errors.Count > before)
        {
            Fatal = true;
        }

        pending.Clear();
    }

    /// <summary>Per row: progress every few thousand rows, and the cancellation check.</summary>
    public void Tick(string file, long done, long total)
    {
        if (++ticks % TickRows != 0)
        {
            return;
        }

        cancellationToken.ThrowIfCancellationRequested();
        Options.Progress?.Invoke(new ImportProgress(file, done, total));
    }

    public void Progress(string file, long done, long total) => Options.Progress?.Invoke(new ImportProgress(file, done, total));

    /// <summary>True when an error not yet handled is about the row at <paramref name="line"/>.</summary>
    public bool HasErrorsOn(int line) => pending.Exists(e => e.Line == line);

    /// <summary>The errors added since the last call, for the row at <paramref name="line"/> (its values in <paramref name="row"/>).</summary>
    public bool RowRejected(FileCounts counts, int line, Func<string>? row)
    {
        if (pending.Count == 0)
        {
            return false;
        }

        foreach (var e in pending)
        {
            if (e.Reason.StartsWith("cannot read the row", StringComparison.Ordinal))
            {
                Fatal = true;
            }
        }

        var rejected = pending.Any(e => e.Line == line);
        counts.Rejected += pending.Select(e => e.Line).Distinct().Count();
        rejects?.Write(pending, line, rejected ? row?.Invoke() ?? "" : "");
        pending.Clear();
        return rejected;
    }

    public void Audit(string action, string entity, string entityId, string details)
    {
        if (!CheckOnly)
        {
            audit.Insert(new AuditEntry { AtUtc = Now, Actor = Options.Actor, Action = action, Entity = entity, EntityId = entityId, Details = details });
        }
    }

    /// <summary>Stores the reporting currency when this run set it.</summary>
    public void SaveCurrency()
    {
        if (WorkspaceCurrency is null && Currency is not null && !CheckOnly)
        {
            Db.Settings.Add(new WorkspaceSetting { Key = WorkspaceSetting.ReportingCurrency, Value = Currency });
            Db.SaveChanges();
            Audit("set", "settings", WorkspaceSetting.ReportingCurrency, Currency);
        }
    }

    /// <summary>Commits when the run may (no error, or only row errors with --skip-invalid); else throws every error.</summary>
    public ImportReport Commit(string source, TimeSpan elapsed)
    {
        if (Errors.Any && (rejects is null || Fatal))
        {
            Errors.ThrowIfAny();
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (Options.DryRun)
        {
            Transaction.Rollback();
            return new ImportReport(source, Currency ?? "", files, null, elapsed) { Notes = Notes, DryRun = true };
        }

        if (files.Any(f => f.Inserted > 0 || f.Updated > 0))
        {
            // An import that changed nothing leaves no trace: the same files twice leave the workspace unchanged.
            Audit("import", "workspace", source, string.Join("; ", files.Select(f => f.ToString())));
        }

        audit.Flush();
        Transaction.Commit();
        rejects?.Complete();
        if (files.Any(f => f.Inserted > 0 || f.Updated > 0))
        {
            Db.RefreshStatistics();
        }

        return new ImportReport(source, Currency ?? "", files, rejects is null || Errors.Count == 0 ? null : rejects.Path, elapsed) { Notes = Notes };
    }

    public void Dispose()
    {
        audit.Dispose();
        Transaction.Dispose();
        rejects?.Dispose();
    }
}
