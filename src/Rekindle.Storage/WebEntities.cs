using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Rekindle.Storage;

// The web app's rows: who may sign in, their personal API tokens, and the scheduled jobs' runs.
// Secrets are never stored: a password is kept as the framework's hash, a token as its SHA-256.

/// <summary>A person who signs in to the web app. Role is manager, rep or analyst; a rep is tied to a <see cref="Rep"/>.</summary>
public sealed class WebUser
{
    public long Id { get; set; }
    public required string Email { get; set; }
    public string DisplayName { get; set; } = "";
    public required string Role { get; set; }
    public string? RepId { get; set; }
    public required string PasswordHash { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public bool Disabled { get; set; }

    /// <summary>
    /// Changes whenever the user's sessions must end (sign-out, disabling, a new password); each session cookie carries
    /// the stamp it was issued with, and a cookie with an old stamp is refused.
    /// </summary>
    public string SecurityStamp { get; set; } = "";
}

/// <summary>A personal API token for an integration: only its hash is kept; the token is shown once.</summary>
public sealed class ApiToken
{
    public long Id { get; set; }
    public long UserId { get; set; }
    public required string Name { get; set; }

    /// <summary>The first characters of the token, shown in lists so its owner can tell tokens apart.</summary>
    public required string Prefix { get; set; }

    public required string Hash { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? LastUsedUtc { get; set; }
    public DateTime? RevokedAtUtc { get; set; }
}

/// <summary>One run of a scheduled job (nightly snapshot, pool sweep): when, for which date, and how it ended.</summary>
public sealed class JobRun
{
    public long Id { get; set; }
    public required string Job { get; set; }
    public DateOnly AsOf { get; set; }
    public DateTime StartedAtUtc { get; set; }
    public DateTime? FinishedAtUtc { get; set; }

    /// <summary>running, succeeded or failed.</summary>
    public required string Outcome { get; set; }

    public int Attempt { get; set; }
    public string Message { get; set; } = "";
}

/// <summary>The web tables of the workspace model.</summary>
public abstract partial class WorkspaceDb
{
    public DbSet<WebUser> WebUsers => Set<WebUser>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<JobRun> JobRuns => Set<JobRun>();

    private static void ConfigureWeb(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new WebUserConfiguration());
        modelBuilder.ApplyConfiguration(new ApiTokenConfiguration());
        modelBuilder.ApplyConfiguration(new JobRunConfiguration());
    }
}

internal sealed class WebUserConfiguration : IEntityTypeConfiguration<WebUser>
{
    public void Configure(EntityTypeBuilder<WebUser> e)
    {
        e.ToTable("web_users").HasKey(x => x.Id);
        e.Property(x => x.Email).HasMaxLength(320);
        e.HasIndex(x => x.Email).IsUnique();
        e.Property(x => x.DisplayName).HasMaxLength(200);
        e.Property(x => x.Role).HasMaxLength(16);
        e.Property(x => x.RepId).HasMaxLength(64);
        e.Property(x => x.PasswordHash).HasMaxLength(200);
        e.Property(x => x.SecurityStamp).HasMaxLength(64);
    }
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> e)
    {
        e.ToTable("api_tokens").HasKey(x => x.Id);
        e.Property(x => x.Name).HasMaxLength(100);
        e.Property(x => x.Prefix).HasMaxLength(16);
        e.Property(x => x.Hash).HasMaxLength(64);
        e.HasIndex(x => x.Hash).IsUnique();
        e.HasIndex(x => x.UserId);
        e.HasOne<WebUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> e)
    {
        e.ToTable("job_runs").HasKey(x => x.Id);
        e.Property(x => x.Job).HasMaxLength(32);
        e.Property(x => x.Outcome).HasMaxLength(16);
        e.Property(x => x.Message).HasMaxLength(2000);
        e.HasIndex(x => new { x.Job, x.StartedAtUtc });
    }
}
