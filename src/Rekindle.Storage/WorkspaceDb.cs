using System.Text;
using Microsoft.EntityFrameworkCore;
using Rekindle.Common;
using Rekindle.Lifecycle;

namespace Rekindle.Storage;

/// <summary>
/// The workspace: one EF Core model for both providers. <see cref="SqliteWorkspaceDb"/> and
/// <see cref="PostgresWorkspaceDb"/> only choose the provider; each has its own migrations folder.
/// Tables and columns are snake_case; enums are stored as their codes; money as ten-thousandths (bigint).
/// To extend the model, add the entity here, then a migration for each provider (see the README).
/// </summary>
public abstract partial class WorkspaceDb(DbContextOptions options) : DbContext(options)
{
    public DbSet<Rep> Reps => Set<Rep>();
    public DbSet<Account> Accounts => Set<Account>();
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<Ownership> Ownerships => Set<Ownership>();
    public DbSet<Order> Orders => Set<Order>();
    public DbSet<OrderLine> OrderLines => Set<OrderLine>();
    public DbSet<Engagement> Engagements => Set<Engagement>();
    public DbSet<Opportunity> Opportunities => Set<Opportunity>();
    public DbSet<PolicyVersion> PolicyVersions => Set<PolicyVersion>();
    public DbSet<ClassificationSnapshot> Snapshots => Set<ClassificationSnapshot>();
    public DbSet<SnapshotAccount> SnapshotAccounts => Set<SnapshotAccount>();
    public DbSet<StatusChange> StatusChanges => Set<StatusChange>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    public DbSet<WorkspaceSetting> Settings => Set<WorkspaceSetting>();

    /// <summary>Which provider this context talks to.</summary>
    public abstract WorkspaceProvider Provider { get; }

    /// <summary>
    /// Refreshes the query planner's statistics after a bulk write (an import, a snapshot). SQLite keeps none until
    /// asked, and without them it reads a rep's accounts by scanning the whole snapshot instead of by owner; the
    /// analysis is sampled (analysis_limit) so it stays cheap on a large file. PostgreSQL samples anyway, and its
    /// autovacuum would only catch up later.
    /// </summary>
    public void RefreshStatistics() =>
        Database.ExecuteSqlRaw(Provider == WorkspaceProvider.Sqlite ? "PRAGMA analysis_limit=1000; ANALYZE;" : "ANALYZE;");

    /// <summary>
    /// Sets each account's <see cref="Account.NameKey"/> that differs from <see cref="Account.KeyOf"/> its name, and
    /// returns how many it set. The migration that added the keys filled them with SQL's upper(), which may case
    /// letters beyond ASCII otherwise (SQLite's cases none); every later write of a name keeps its key.
    /// </summary>
    public int RepairNameKeys()
    {
        var wrong = Accounts.AsNoTracking().Select(a => new { a.AccountId, a.Name, a.NameKey }).AsEnumerable()
            .Where(a => a.NameKey != Account.KeyOf(a.Name))
            .Select(a => (a.AccountId, Key: Account.KeyOf(a.Name)))
            .ToList();
        if (wrong.Count > 0)
        {
            using var transaction = Database.BeginTransaction();
            foreach (var (id, key) in wrong)
            {
                Accounts.Where(a => a.AccountId == id).ExecuteUpdate(set => set.SetProperty(a => a.NameKey, key));
            }

            transaction.Commit();
        }

        return wrong.Count;
    }

    /// <summary>Refuses to update or delete audit entries: the log is append-only (the database refuses too).</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        GuardAuditLog();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        GuardAuditLog();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<decimal>().HaveConversion<MoneyConverter>();
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcConverter>();
        configurationBuilder.Properties<OrderStatus>().HaveConversion<OrderStatusConverter>().HaveMaxLength(16);
        configurationBuilder.Properties<EngagementKind>().HaveConversion<EngagementKindConverter>().HaveMaxLength(16);
        configurationBuilder.Properties<Direction>().HaveConversion<DirectionConverter>().HaveMaxLength(16);
        configurationBuilder.Properties<LifecycleStatus>().HaveConversion<StatusConverter>().HaveMaxLength(16);
        configurationBuilder.Properties<CycleBasis>().HaveConversion<CycleBasisConverter>().HaveMaxLength(16);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Rep>(e =>
        {
            e.ToTable("reps").HasKey(x => x.RepId);
        });
        modelBuilder.Entity<Account>(e =>
        {
            e.ToTable("accounts").HasKey(x => x.AccountId);
            e.HasIndex(x => x.OwnerRepId);
        });
        modelBuilder.Entity<Contact>(e =>
        {
            e.ToTable("contacts").HasKey(x => x.ContactId);
            e.HasOne<Account>().WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<Ownership>(e =>
        {
            e.ToTable("ownerships").HasKey(x => x.Id);
            e.HasOne<Account>().WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.AccountId, x.FromDate });
            e.HasIndex(x => x.RepId);
        });
        modelBuilder.Entity<Order>(e =>
        {
            e.ToTable("orders").HasKey(x => x.OrderId);
            e.HasOne<Account>().WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.AccountId, x.OrderDate });
        });
        modelBuilder.Entity<OrderLine>(e =>
        {
            e.ToTable("order_lines").HasKey(x => new { x.OrderId, x.LineNo });
            e.Property(x => x.LineNo).ValueGeneratedNever();
            e.HasOne<Order>().WithMany().HasForeignKey(x => x.OrderId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<Engagement>(e =>
        {
            e.ToTable("engagements").HasKey(x => x.EngagementId);
            e.HasOne<Account>().WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.AccountId, x.Date });
        });
        modelBuilder.Entity<Opportunity>(e =>
        {
            e.ToTable("opportunities").HasKey(x => x.OpportunityId);
            e.HasOne<Account>().WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.AccountId, x.OpenedOn });
        });
        modelBuilder.Entity<PolicyVersion>(e =>
        {
            e.ToTable("policy_versions").HasKey(x => x.Number);
            e.Property(x => x.Number).ValueGeneratedNever();
            e.Property(x => x.VersionId).HasMaxLength(12);
            e.HasIndex(x => x.VersionId);
        });
        modelBuilder.Entity<ClassificationSnapshot>(e =>
        {
            e.ToTable("snapshots").HasKey(x => x.Id);
            e.HasIndex(x => x.AsOf).IsUnique();
            e.Property(x => x.PolicyVersionId).HasMaxLength(12);
            e.HasOne<PolicyVersion>().WithMany().HasForeignKey(x => x.PolicyNumber).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<SnapshotAccount>(e =>
        {
            e.ToTable("snapshot_accounts").HasKey(x => new { x.SnapshotId, x.AccountId });
            e.HasOne<ClassificationSnapshot>().WithMany().HasForeignKey(x => x.SnapshotId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Account>().WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => x.AccountId);
        });
        modelBuilder.Entity<StatusChange>(e =>
        {
            e.ToTable("status_changes").HasKey(x => x.Id);
            e.HasOne<ClassificationSnapshot>().WithMany().HasForeignKey(x => x.SnapshotId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Account>().WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.AccountId, x.ToDate });
        });
        modelBuilder.Entity<AuditEntry>(e =>
        {
            e.ToTable("audit_log").HasKey(x => x.Id);
            e.HasIndex(x => new { x.Entity, x.EntityId });
        });
        modelBuilder.Entity<WorkspaceSetting>(e =>
        {
            e.ToTable("settings").HasKey(x => x.Key);
        });
        ConfigurePool(modelBuilder);
        ConfigureCampaigns(modelBuilder);
        ConfigureWeb(modelBuilder);

        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(SnakeCase(property.Name));
            }
        }
    }

    private void GuardAuditLog()
    {
        foreach (var entry in ChangeTracker.Entries<AuditEntry>())
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted)
            {
                throw new InvalidOperationException("The audit log is append-only: an entry cannot be changed or deleted.");
            }
        }
    }

    /// <summary>"OrderDate" → "order_date", "Revenue12m" → "revenue12m".</summary>
    public static string SnakeCase(string name)
    {
        var text = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0 && !char.IsUpper(name[i - 1]))
            {
                text.Append('_');
            }

            text.Append(char.ToLowerInvariant(c));
        }

        return text.ToString();
    }
}

/// <summary>The database behind a workspace.</summary>
public enum WorkspaceProvider
{
    Sqlite,
    Postgres,
}
