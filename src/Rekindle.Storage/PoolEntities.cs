using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Rekindle.Storage;

// The dormant-account pool and the incentive ledger. Ownership tenures are the existing Ownership rows (reasons
// assigned, claimed, reassigned); a pool stay is a PoolRelease, a claim a PoolClaim. Handoff notes, ledger lines
// and pool events are append-only: a newer note is a new row, a correction a reversal line, and nothing updates or
// deletes a ledger line or an event (AppendOnlyGuard in the context, triggers in the database).

/// <summary>One stay of an account in the pool, from its release. Codes of <c>ReleaseReason</c> (dormant_sweep, ...).</summary>
public sealed class PoolRelease
{
    public long Id { get; set; }
    public required string AccountId { get; set; }
    public DateOnly ReleasedOn { get; set; }
    public string? PreviousOwnerRepId { get; set; }
    public required string Reason { get; set; }
    public required string Actor { get; set; }
    public string? Why { get; set; }
}

/// <summary>
/// A rep's claim of an account, keyed by the domain's claim id (<c>ACME#2</c>). Held while <see cref="EndedOn"/> is
/// null: at most one held claim per account (unique index), and one claim per account and sequence number.
/// </summary>
public sealed class PoolClaim
{
    public required string ClaimId { get; set; }
    public required string AccountId { get; set; }
    public int Sequence { get; set; }
    public required string RepId { get; set; }
    public DateOnly ClaimedOn { get; set; }

    /// <summary>The pool stay the claim ended.</summary>
    public long ReleaseId { get; set; }

    public DateOnly? LastActivityOn { get; set; }
    public string? FirstSaleOrderId { get; set; }
    public DateOnly? FirstSaleOn { get; set; }
    public DateOnly? EndedOn { get; set; }
}

/// <summary>A handoff note as written; the latest row of an author is their note. Append-only.</summary>
public sealed class PoolNote
{
    public long Id { get; set; }
    public required string AccountId { get; set; }
    public required string AuthorRepId { get; set; }
    public DateOnly WrittenOn { get; set; }
    public required string Players { get; set; }
    public required string Policies { get; set; }
    public required string Politics { get; set; }
    public string? FreeText { get; set; }
}

/// <summary>One line of the incentive ledger (commission, handoff_bonus, accelerator, reversal). Append-only.</summary>
public sealed class LedgerEntry
{
    public long Id { get; set; }
    public required string RepId { get; set; }
    public required string OrderId { get; set; }
    public required string AccountId { get; set; }
    public required string Kind { get; set; }

    /// <summary>For a reversal, the kind it cancels.</summary>
    public string? Reverses { get; set; }

    /// <summary>sales_commission or incentive_overlay.</summary>
    public required string Budget { get; set; }

    public decimal Amount { get; set; }
    public decimal Basis { get; set; }

    /// <summary>The order date for credits, the refund date for reversals.</summary>
    public DateOnly BookedOn { get; set; }

    public string? ClaimId { get; set; }
    public string Detail { get; set; } = "";
    public DateTime RecordedAtUtc { get; set; }
}

/// <summary>One event of the pool's append-only audit log: who, when, what, why, and the ids it concerns.</summary>
public sealed class PoolEvent
{
    public long Id { get; set; }
    public DateOnly OccurredOn { get; set; }
    public DateTime RecordedAtUtc { get; set; }
    public required string Actor { get; set; }
    public required string Action { get; set; }
    public required string What { get; set; }
    public string? Why { get; set; }
    public string? AccountId { get; set; }
    public string? RepId { get; set; }
    public string? OtherRepId { get; set; }
    public string? ClaimId { get; set; }
    public string? OrderId { get; set; }
    public decimal? Amount { get; set; }
    public string? Code { get; set; }
}

/// <summary>Ownership reasons the pool adds to <see cref="OwnershipReasons"/>.</summary>
public static class PoolOwnershipReasons
{
    public const string Reassigned = "reassigned";
}

internal sealed class PoolReleaseConfiguration : IEntityTypeConfiguration<PoolRelease>
{
    public void Configure(EntityTypeBuilder<PoolRelease> e)
    {
        e.ToTable("pool_releases").HasKey(x => x.Id);
        e.Property(x => x.Reason).HasMaxLength(32);
        e.HasOne<Account>().WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.AccountId, x.ReleasedOn });
    }
}

internal sealed class PoolClaimConfiguration : IEntityTypeConfiguration<PoolClaim>
{
    public void Configure(EntityTypeBuilder<PoolClaim> e)
    {
        e.ToTable("pool_claims").HasKey(x => x.ClaimId);
        e.HasOne<Account>().WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<PoolRelease>().WithMany().HasForeignKey(x => x.ReleaseId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.AccountId, x.Sequence }).IsUnique();

        // Exactly one holder: a second held claim of the same account cannot be stored, whatever the code does.
        e.HasIndex(x => x.AccountId).IsUnique().HasFilter("ended_on IS NULL").HasDatabaseName("ix_pool_claims_one_held_per_account");
        e.HasIndex(x => new { x.RepId, x.ClaimedOn });
        e.HasIndex(x => x.ReleaseId);
    }
}

internal sealed class PoolNoteConfiguration : IEntityTypeConfiguration<PoolNote>
{
    public void Configure(EntityTypeBuilder<PoolNote> e)
    {
        e.ToTable("pool_notes").HasKey(x => x.Id);
        e.HasOne<Account>().WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.AccountId, x.AuthorRepId });
    }
}

internal sealed class LedgerEntryConfiguration : IEntityTypeConfiguration<LedgerEntry>
{
    public void Configure(EntityTypeBuilder<LedgerEntry> e)
    {
        e.ToTable("ledger_lines").HasKey(x => x.Id);
        e.Property(x => x.Kind).HasMaxLength(16);
        e.Property(x => x.Reverses).HasMaxLength(16);
        e.Property(x => x.Budget).HasMaxLength(20);
        e.HasIndex(x => x.OrderId);
        e.HasIndex(x => new { x.RepId, x.BookedOn });
    }
}

internal sealed class PoolEventConfiguration : IEntityTypeConfiguration<PoolEvent>
{
    public void Configure(EntityTypeBuilder<PoolEvent> e)
    {
        e.ToTable("pool_events").HasKey(x => x.Id);
        e.Property(x => x.Action).HasMaxLength(32);
        e.Property(x => x.Code).HasMaxLength(32);
        e.HasIndex(x => x.OccurredOn);
        e.HasIndex(x => x.AccountId);
    }
}

/// <summary>
/// Refuses to save a change or a deletion of an append-only row (pool events, ledger lines, handoff notes, and the
/// audit log): there is no code path that rewrites history. The database refuses too (triggers of the Pool migration).
/// </summary>
public sealed class AppendOnlyGuard : SaveChangesInterceptor
{
    public static readonly AppendOnlyGuard Instance = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Check(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Check(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted
                && entry.Entity is PoolEvent or LedgerEntry or PoolNote or AuditEntry)
            {
                throw new InvalidOperationException(
                    $"{entry.Metadata.GetTableName()} is append-only: a row cannot be changed or deleted (append a correction instead).");
            }
        }
    }
}

/// <summary>The pool's part of the workspace model.</summary>
public abstract partial class WorkspaceDb
{
    public DbSet<PoolRelease> PoolReleases => Set<PoolRelease>();
    public DbSet<PoolClaim> PoolClaims => Set<PoolClaim>();
    public DbSet<PoolNote> PoolNotes => Set<PoolNote>();
    public DbSet<LedgerEntry> LedgerLines => Set<LedgerEntry>();
    public DbSet<PoolEvent> PoolEvents => Set<PoolEvent>();

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) => optionsBuilder.AddInterceptors(AppendOnlyGuard.Instance);

    private static void ConfigurePool(ModelBuilder modelBuilder) => modelBuilder
        .ApplyConfiguration(new PoolReleaseConfiguration())
        .ApplyConfiguration(new PoolClaimConfiguration())
        .ApplyConfiguration(new PoolNoteConfiguration())
        .ApplyConfiguration(new LedgerEntryConfiguration())
        .ApplyConfiguration(new PoolEventConfiguration());
}
