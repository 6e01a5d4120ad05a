using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rekindle.Common;
using Rekindle.Reactivation;
using Rekindle.Storage;
using Campaign = Rekindle.Storage.Campaign;
using CampaignMember = Rekindle.Reactivation.CampaignMember;
using CampaignMessage = Rekindle.Storage.CampaignMessage;

namespace Rekindle.App.Reactivation;

/// <summary>What saving a plan did: the stored campaign, or why it was refused.</summary>
public sealed record CampaignSaved(Campaign? Campaign, string? Refusal)
{
    public bool Refused => Refusal is not null;
}

/// <summary>A stored campaign with its plan read back.</summary>
public sealed record StoredCampaign(Campaign Campaign, CampaignPlan Plan);

/// <summary>
/// Campaigns in the workspace: a plan is stored whole in one transaction (campaign, members with group, play and
/// segment, the treatment group's messages) and logged in the audit log; names are unique. Outcomes are stored each
/// time a campaign is measured, replacing the previous measurement.
/// </summary>
public sealed class CampaignStore(WorkspaceDb db, TimeProvider clock)
{
    public bool Exists(string name) => db.Campaigns.AsNoTracking().Any(c => c.Name == name);

    public IReadOnlyList<Campaign> List() => [.. db.Campaigns.AsNoTracking().OrderBy(c => c.Id)];

    public CampaignSaved Save(CampaignPlan plan, CampaignRequest request, IReadOnlyList<string> segmentTexts, string createdBy)
    {
        using var transaction = db.Database.BeginTransaction();
        if (db.Campaigns.AsNoTracking().FirstOrDefault(c => c.Name == plan.Name) is { } existing)
        {
            return new CampaignSaved(null, $"a campaign named '{plan.Name}' already exists (planned {Iso(existing.AsOf)} by {existing.CreatedBy}, launch {Iso(existing.LaunchOn)}): choose another name");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var campaign = new Campaign
        {
            Name = plan.Name,
            AsOf = plan.AsOf,
            LaunchOn = plan.LaunchOn,
            Seed = plan.Seed,
            HoldoutShare = plan.HoldoutShare,
            AttributionWindowDays = plan.AttributionWindowDays,
            PolicyVersionId = plan.PolicyVersion,
            Segments = string.Join('\n', segmentTexts),
            Plays = string.Join(',', request.Plays),
            Currency = request.Currency,
            TreatmentAccounts = plan.Treatment.Count(),
            ControlAccounts = plan.Control.Count(),
            CreatedBy = createdBy,
            CreatedAtUtc = now,
        };
        db.Campaigns.Add(campaign);
        try
        {
            db.SaveChanges();
        }
        catch (DbUpdateException)
        {
            // Planned at the same moment by someone else? The unique index on the name keeps one.
            transaction.Rollback();
            db.ChangeTracker.Clear();
            if (!Exists(plan.Name))
            {
                throw;
            }

            return new CampaignSaved(null, $"a campaign named '{plan.Name}' was just planned by someone else: choose another name");
        }

        for (var i = 0; i < plan.Members.Count; i++)
        {
            var m = plan.Members[i];
            db.CampaignMemberships.Add(Membership(campaign.Id, i, m));
            if (m.Group == CampaignGroup.Treatment)
            {
                db.CampaignMessages.Add(Message(campaign.Id, m));
            }
        }

        db.AuditLog.Add(new AuditEntry
        {
            AtUtc = now,
            Actor = createdBy,
            Action = "campaign_planned",
            Entity = "campaigns",
            EntityId = plan.Name,
            Details = string.Create(CultureInfo.InvariantCulture,
                $"as of {Iso(plan.AsOf)}, launch {Iso(plan.LaunchOn)}, {campaign.TreatmentAccounts} treatment, {campaign.ControlAccounts} control, holdout {plan.HoldoutShare}, seed {plan.Seed}, policy {plan.PolicyVersion}"),
        });
        db.SaveChanges();
        transaction.Commit();
        db.ChangeTracker.Clear();
        return new CampaignSaved(campaign, null);
    }

    /// <summary>The campaign named <paramref name="name"/> with its plan (members in work order), or null.</summary>
    public StoredCampaign? Load(string name)
    {
        var campaign = db.Campaigns.AsNoTracking().FirstOrDefault(c => c.Name == name);
        if (campaign is null)
        {
            return null;
        }

        var messages = db.CampaignMessages.AsNoTracking().Where(m => m.CampaignId == campaign.Id)
            .ToDictionary(m => m.AccountId, StringComparer.Ordinal);
        var members = db.CampaignMemberships.AsNoTracking().Where(m => m.CampaignId == campaign.Id).ToList()
            .OrderBy(m => m.Position)
            .Select(m => Member(m, messages.GetValueOrDefault(m.AccountId)))
            .ToArray();
        return new StoredCampaign(campaign, new CampaignPlan
        {
            Name = campaign.Name,
            AsOf = campaign.AsOf,
            LaunchOn = campaign.LaunchOn,
            Seed = campaign.Seed,
            HoldoutShare = campaign.HoldoutShare,
            AttributionWindowDays = campaign.AttributionWindowDays,
            PolicyVersion = campaign.PolicyVersionId,
            Members = members,
        });
    }

    /// <summary>Stores each member's outcome as measured, replacing the campaign's previous measurement.</summary>
    public void SaveOutcomes(Campaign campaign, CampaignResults results)
    {
        using var transaction = db.Database.BeginTransaction();
        db.CampaignOutcomes.Where(o => o.CampaignId == campaign.Id).ExecuteDelete();
        foreach (var o in results.Members)
        {
            db.CampaignOutcomes.Add(new CampaignOutcome
            {
                CampaignId = campaign.Id,
                AccountId = o.AccountId,
                MeasuredAsOf = results.AsOf,
                FirstResponseOn = o.FirstResponseOn,
                FirstOrderOn = o.FirstOrderOn,
                Orders = o.Orders,
                Revenue = o.Revenue,
            });
        }

        db.SaveChanges();
        transaction.Commit();
        db.ChangeTracker.Clear();
    }

    private static CampaignMembership Membership(long campaignId, int position, CampaignMember m) => new()
    {
        CampaignId = campaignId,
        AccountId = m.AccountId,
        Position = position,
        Group = GroupCode(m.Group),
        Play = m.Play,
        Action = ActionCode(m.Action),
        Priority = m.Priority,
        SegmentCode = m.SegmentCode,
        BandLabel = m.BandLabel,
        Tier = m.Tier.Code(),
        Status = m.Status,
        Key = m.Key,
        DaysSinceLastOrder = m.DaysSinceLastOrder,
        LastOrderOn = m.LastOrderOn,
        RevenueAtStake = m.RevenueAtStake,
        AccountName = m.AccountName,
        OwnerRepId = m.OwnerRepId,
        RepName = m.RepName,
        FavouriteLevel = m.Favourite is { } f ? (f.Level == FavouriteLevel.Product ? "product" : "category") : null,
        FavouriteKey = m.Favourite?.Key,
        FavouriteName = m.Favourite?.Name,
        FavouriteOrders = m.Favourite?.Orders,
        FavouriteSpend = m.Favourite?.Spend,
        FavouriteLastBoughtOn = m.Favourite?.LastBoughtOn,
    };

    private static CampaignMessage Message(long campaignId, CampaignMember m) => new()
    {
        CampaignId = campaignId,
        AccountId = m.AccountId,
        Channel = m.Channel is { } c ? Codes.Of(c) : null,
        ContactId = m.ContactId,
        ContactFirstName = m.ContactFirstName,
        ContactLastName = m.ContactLastName,
        Address = m.Address,
        OfferKind = m.Offer is { } o ? (o.Kind == OfferKind.Percent ? "percent" : "amount") : null,
        OfferValue = m.Offer?.Value,
        OfferCode = m.OfferCode,
        Subject = m.Subject ?? "",
        Body = m.Body ?? "",
    };

    private static CampaignMember Member(CampaignMembership m, CampaignMessage? message)
    {
        Channel? channel = message?.Channel is { } code && Codes.TryParse(code, out Channel c) ? c : null;
        var tier = SpendTiers.TryParse(m.Tier, out var t) ? t : SpendTier.Small;
        return new CampaignMember
        {
            AccountId = m.AccountId,
            AccountName = m.AccountName,
            OwnerRepId = m.OwnerRepId,
            RepName = m.RepName,
            Status = m.Status,
            Key = m.Key,
            SegmentCode = m.SegmentCode,
            Tier = tier,
            BandLabel = m.BandLabel,
            DaysSinceLastOrder = m.DaysSinceLastOrder,
            LastOrderOn = m.LastOrderOn,
            RevenueAtStake = m.RevenueAtStake,
            Play = m.Play,
            Action = m.Action == "owner_task" ? PlayAction.OwnerTask : PlayAction.Message,
            Priority = m.Priority,
            Group = m.Group == "control" ? CampaignGroup.Control : CampaignGroup.Treatment,
            Favourite = m.FavouriteKey is null ? null : new FavouriteProduct(
                m.FavouriteLevel == "category" ? FavouriteLevel.Category : FavouriteLevel.Product, m.FavouriteKey, m.FavouriteName ?? m.FavouriteKey,
                m.FavouriteOrders ?? 0, m.FavouriteSpend ?? 0m, m.FavouriteLastBoughtOn ?? default),
            Channel = channel,
            ContactId = message?.ContactId,
            ContactFirstName = message?.ContactFirstName,
            ContactLastName = message?.ContactLastName,
            Address = message?.Address,
            Offer = message?.OfferKind is { } kind && message.OfferValue is { } value ? new Offer(kind == "amount" ? OfferKind.Amount : OfferKind.Percent, value) : null,
            OfferCode = message?.OfferCode,
            Subject = message?.Subject,
            Body = message?.Body,
        };
    }

    public static string GroupCode(CampaignGroup group) => group == CampaignGroup.Control ? "control" : "treatment";

    public static string ActionCode(PlayAction action) => action switch
    {
        PlayAction.OwnerTask => "owner_task",
        PlayAction.Pool => "pool",
        _ => "message",
    };

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
