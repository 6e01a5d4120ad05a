using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rekindle.Lifecycle;

namespace Rekindle.Storage;

// Reactivation campaigns: the plan (campaign, members with their group, play and segment, messages of the treatment
// group) and the measured outcome of each member. Codes are stored as text: group treatment|control, action
// message|owner_task, tier big|medium|small, channel email|phone|social|postal, offer percent|amount,
// favourite level product|category. A control member has no message row: nothing can be sent to it.

/// <summary>A planned campaign, by its unique name, with what it was planned on.</summary>
public sealed class Campaign
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public DateOnly AsOf { get; set; }
    public DateOnly LaunchOn { get; set; }
    public int Seed { get; set; }
    public decimal HoldoutShare { get; set; }

    /// <summary>Fixed at planning: the window is [launch, launch + days].</summary>
    public int AttributionWindowDays { get; set; }

    /// <summary>The content id of the policy the campaign was planned under (12 hex digits).</summary>
    public required string PolicyVersionId { get; set; }

    /// <summary>The segment filters as given on the command line, one per line; "" for every lapsed account.</summary>
    public string Segments { get; set; } = "";

    /// <summary>The play ids asked for, comma-separated; "" for every play that sends or assigns something.</summary>
    public string Plays { get; set; } = "";

    public string? Currency { get; set; }
    public int TreatmentAccounts { get; set; }
    public int ControlAccounts { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}

/// <summary>One account in a campaign: its group, play and segment as planned, in work order (<see cref="Position"/>).</summary>
public sealed class CampaignMembership
{
    public long CampaignId { get; set; }
    public required string AccountId { get; set; }
    public int Position { get; set; }
    public required string Group { get; set; }
    public required string Play { get; set; }
    public required string Action { get; set; }
    public int Priority { get; set; }
    public required string SegmentCode { get; set; }
    public required string BandLabel { get; set; }
    public required string Tier { get; set; }
    public LifecycleStatus Status { get; set; }
    public bool Key { get; set; }
    public int DaysSinceLastOrder { get; set; }
    public DateOnly LastOrderOn { get; set; }
    public decimal RevenueAtStake { get; set; }
    public string AccountName { get; set; } = "";
    public string OwnerRepId { get; set; } = "";
    public string? RepName { get; set; }
    public string? FavouriteLevel { get; set; }
    public string? FavouriteKey { get; set; }
    public string? FavouriteName { get; set; }
    public int? FavouriteOrders { get; set; }
    public decimal? FavouriteSpend { get; set; }
    public DateOnly? FavouriteLastBoughtOn { get; set; }
}

/// <summary>The rendered message (or owner task) of a treatment member: channel, contact, offer and text.</summary>
public sealed class CampaignMessage
{
    public long CampaignId { get; set; }
    public required string AccountId { get; set; }
    public string? Channel { get; set; }
    public string? ContactId { get; set; }
    public string? ContactFirstName { get; set; }
    public string? ContactLastName { get; set; }
    public string? Address { get; set; }
    public string? OfferKind { get; set; }
    public decimal? OfferValue { get; set; }
    public string? OfferCode { get; set; }
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
}

/// <summary>What happened to a member in the attribution window, as last measured (<see cref="MeasuredAsOf"/>).</summary>
public sealed class CampaignOutcome
{
    public long CampaignId { get; set; }
    public required string AccountId { get; set; }
    public DateOnly MeasuredAsOf { get; set; }
    public DateOnly? FirstResponseOn { get; set; }
    public DateOnly? FirstOrderOn { get; set; }
    public int Orders { get; set; }
    public decimal Revenue { get; set; }
}

/// <summary>The campaign tables of the workspace model.</summary>
public abstract partial class WorkspaceDb
{
    public DbSet<Campaign> Campaigns => Set<Campaign>();
    public DbSet<CampaignMembership> CampaignMemberships => Set<CampaignMembership>();
    public DbSet<CampaignMessage> CampaignMessages => Set<CampaignMessage>();
    public DbSet<CampaignOutcome> CampaignOutcomes => Set<CampaignOutcome>();

    private static void ConfigureCampaigns(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new CampaignConfiguration());
        modelBuilder.ApplyConfiguration(new CampaignMembershipConfiguration());
        modelBuilder.ApplyConfiguration(new CampaignMessageConfiguration());
        modelBuilder.ApplyConfiguration(new CampaignOutcomeConfiguration());
    }
}

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> e)
    {
        e.ToTable("campaigns").HasKey(x => x.Id);
        e.Property(x => x.Name).HasMaxLength(200);
        e.HasIndex(x => x.Name).IsUnique();
        e.Property(x => x.PolicyVersionId).HasMaxLength(12);
        e.Property(x => x.Currency).HasMaxLength(16);
    }
}

internal sealed class CampaignMembershipConfiguration : IEntityTypeConfiguration<CampaignMembership>
{
    public void Configure(EntityTypeBuilder<CampaignMembership> e)
    {
        e.ToTable("campaign_members").HasKey(x => new { x.CampaignId, x.AccountId });
        e.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Account>().WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.AccountId);
        e.Property(x => x.Group).HasMaxLength(16);
        e.Property(x => x.Action).HasMaxLength(16);
        e.Property(x => x.Tier).HasMaxLength(16);
        e.Property(x => x.FavouriteLevel).HasMaxLength(16);
    }
}

internal sealed class CampaignMessageConfiguration : IEntityTypeConfiguration<CampaignMessage>
{
    public void Configure(EntityTypeBuilder<CampaignMessage> e)
    {
        e.ToTable("campaign_messages").HasKey(x => new { x.CampaignId, x.AccountId });
        e.HasOne<CampaignMembership>().WithOne().HasForeignKey<CampaignMessage>(x => new { x.CampaignId, x.AccountId }).OnDelete(DeleteBehavior.Cascade);
        e.Property(x => x.Channel).HasMaxLength(16);
        e.Property(x => x.OfferKind).HasMaxLength(16);
    }
}

internal sealed class CampaignOutcomeConfiguration : IEntityTypeConfiguration<CampaignOutcome>
{
    public void Configure(EntityTypeBuilder<CampaignOutcome> e)
    {
        e.ToTable("campaign_outcomes").HasKey(x => new { x.CampaignId, x.AccountId });
        e.HasOne<CampaignMembership>().WithOne().HasForeignKey<CampaignOutcome>(x => new { x.CampaignId, x.AccountId }).OnDelete(DeleteBehavior.Cascade);
    }
}
