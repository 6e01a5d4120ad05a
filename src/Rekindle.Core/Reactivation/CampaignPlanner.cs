using System.Globalization;
using Rekindle.Common;

namespace Rekindle.Reactivation;

/// <summary>
/// Plans a campaign: chooses the accounts (segment filters, plays), gives each its play from the playbook, a channel
/// (the first preferred channel some contact can be reached on; an opted-out channel is never used) and a contact,
/// renders the message, and holds out a stratified random control group (<see cref="Holdout"/>) that gets nothing.
/// Every account's message is rendered, control included, so whether a plan is valid never depends on the draw; any
/// placeholder with no value stops the whole plan with a problem naming the account and the placeholder. An account
/// with no owner (in the pool, or never assigned) is skipped with the reason, never a problem that stops the plan.
/// </summary>
public static class CampaignPlanner
{
    public static CampaignPlanResult Plan(CampaignRequest request, SegmentedBook segments, ReactivationDirectory directory)
    {
        var policy = segments.Policy;
        var playbook = policy.Playbook;
        var problems = CheckRequest(request, segments);
        problems.AddRange(playbook.Validate().Select(p => new PlanningProblem(null, null, null, $"policy {p}")));
        if (problems.Count > 0)
        {
            return new CampaignPlanResult(null, problems);
        }

        var launch = request.LaunchOn ?? segments.AsOf;
        var share = request.HoldoutShare ?? policy.HoldoutShare;
        var drafts = new List<CampaignMember>();
        var skipped = new List<SkippedAccount>();
        foreach (var s in segments.Accounts)
        {
            if (request.Segments.Count > 0 && !request.Segments.Any(f => f.Matches(s)))
            {
                continue;
            }

            var rule = playbook.Match(s);
            if (s.OwnerRepId.Length == 0)
            {
                // In the pool or never assigned: a campaign speaks in its owner's name, and the new owner claims first.
                skipped.Add(new SkippedAccount(s.AccountId, rule?.Play, CampaignSkipReasons.NoOwner));
            }
            else if (rule is null)
            {
                skipped.Add(new SkippedAccount(s.AccountId, null, CampaignSkipReasons.NoRule));
            }
            else if (request.Plays.Count > 0 ? request.Plays.Contains(rule.Play, StringComparer.Ordinal) : rule.Action != PlayAction.Pool)
            {
                drafts.Add(Draft(s, rule, directory, request, segments.AsOf));
            }
            else
            {
                skipped.Add(new SkippedAccount(s.AccountId, rule.Play, WhyNotThisPlay(s, rule, directory)));
            }
        }

        var control = Holdout.Assign(
            [.. drafts.Select(d => d.AccountId)], [.. drafts.Select(d => $"{d.SegmentCode}|{d.Play}")], share, request.Seed);
        var codes = OfferCodes.Assign(drafts.Where(d => d.Offer is not null).Select(d => d.AccountId), request.Name, request.Seed, request.OfferCodePrefix);
        var templates = playbook.Rules.ToDictionary(
            r => r.Play, r => (Rule: r, Subject: MessageTemplate.Parse(r.Subject, out _), Body: MessageTemplate.Parse(r.Body, out _)), StringComparer.Ordinal);
        var members = new List<CampaignMember>(drafts.Count);
        for (var i = 0; i < drafts.Count; i++)
        {
            var d = drafts[i];
            var code = codes.GetValueOrDefault(d.AccountId);
            var rendered = CampaignMessages.Render(d, templates[d.Play], directory, request.Currency, code, problems);
            members.Add(control[i]
                ? d with { Group = CampaignGroup.Control }
                : d with { OfferCode = code, Subject = rendered.Subject, Body = rendered.Body });
        }

        if (problems.Count > 0)
        {
            return new CampaignPlanResult(null, problems);
        }

        var ordered = members
            .OrderBy(m => m.Priority)
            .ThenByDescending(m => m.Key)
            .ThenByDescending(m => m.RevenueAtStake)
            .ThenBy(m => m.AccountId, StringComparer.Ordinal)
            .ToArray();
        return new CampaignPlanResult(
            new CampaignPlan
            {
                Name = request.Name,
                AsOf = segments.AsOf,
                LaunchOn = launch,
                Seed = request.Seed,
                HoldoutShare = share,
                AttributionWindowDays = policy.AttributionWindowDays,
                PolicyVersion = segments.PolicyVersion,
                Members = ordered,
                Skipped = skipped,
            },
            []);
    }

    private static string WhyNotThisPlay(AccountSegment s, PlayRule rule, ReactivationDirectory directory) =>
        rule.Action == PlayAction.Pool ? CampaignSkipReasons.LeftToPool
        : s.Channels == ChannelSet.None && directory.ContactsOf(s.AccountId).Count == 0 ? CampaignSkipReasons.NoContact
        : s.Channels == ChannelSet.None ? CampaignSkipReasons.OptedOutEverywhere
        : $"its play is {rule.Play}, not one asked for (--play)";

    private static List<PlanningProblem> CheckRequest(CampaignRequest request, SegmentedBook segments)
    {
        var problems = new List<PlanningProblem>();
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            problems.Add(new(null, null, null, "a campaign needs a name"));
        }

        if (request.HoldoutShare is { } share && (share < 0m || share >= 1m))
        {
            problems.Add(new(null, null, null, $"holdout must be in [0, 1), got {share.ToString(CultureInfo.InvariantCulture)}"));
        }

        if (request.LaunchOn is { } launch && launch < segments.AsOf)
        {
            problems.Add(new(null, null, null, $"launch {launch:yyyy-MM-dd} is before the as-of date {segments.AsOf:yyyy-MM-dd}"));
        }

        foreach (var play in request.Plays)
        {
            var rule = segments.Policy.Playbook.Find(play);
            if (rule is null)
            {
                problems.Add(new(null, play, null, $"unknown play '{play}' (plays: {string.Join(", ", segments.Policy.Playbook.Rules.Select(r => r.Play))})"));
            }
            else if (rule.Action == PlayAction.Pool)
            {
                problems.Add(new(null, play, null, $"play '{play}' releases accounts to the pool; the pool sweep does that, not a campaign"));
            }
        }

        foreach (var band in request.Segments.SelectMany(f => f.Bands).Where(b => segments.Bands.IndexOfLabel(b) < 0))
        {
            problems.Add(new(null, null, null, $"unknown band '{band}' (bands as of {segments.AsOf:yyyy-MM-dd}: {string.Join(", ", segments.Bands.Labels)})"));
        }

        return problems;
    }

    /// <summary>The member before the draw: play, channel, contact, favourite, offer; no group, code or text yet.</summary>
    private static CampaignMember Draft(AccountSegment s, PlayRule rule, ReactivationDirectory directory, CampaignRequest request, DateOnly asOf)
    {
        var channel = rule.ChooseChannel(s.Channels);
        var contact = channel is { } ch ? ChooseContact(directory.ContactsOf(s.AccountId), ch, rule) : null;
        return new CampaignMember
        {
            AccountId = s.AccountId,
            AccountName = s.AccountName,
            OwnerRepId = s.OwnerRepId,
            RepName = directory.Rep(s.OwnerRepId)?.Name,
            Status = s.Status,
            Key = s.Key,
            SegmentCode = s.SegmentCode,
            Tier = s.Tier,
            BandLabel = s.BandLabel,
            DaysSinceLastOrder = s.DaysSinceLastOrder,
            LastOrderOn = s.LastOrderOn,
            RevenueAtStake = s.RevenueAtStake,
            Play = rule.Play,
            Action = rule.Action,
            Priority = rule.Priority,
            Group = CampaignGroup.Treatment,
            Favourite = FavouriteProducts.Find(directory.LinesOf(s.AccountId), asOf, s.CycleDays, request.FavouriteRanking),
            Channel = channel,
            ContactId = contact?.Id,
            ContactFirstName = contact?.FirstName,
            ContactLastName = contact?.LastName,
            Address = channel is { } c2 ? contact?.Address(c2) : null,
            Offer = rule.Offer,
        };
    }

    /// <summary>
    /// The contact to write to: among those who can be reached on the channel (address present, not opted out), in the
    /// order given, the first whose name fills the template's name placeholders; else the first (rendering then says
    /// which name is missing).
    /// </summary>
    private static Contact? ChooseContact(IReadOnlyList<Contact> contacts, Channel channel, PlayRule rule)
    {
        var usable = contacts.Where(c => c.CanUse(channel)).ToArray();
        var text = rule.Subject + "\n" + rule.Body;
        bool Fills(Contact c) =>
            (!text.Contains("{" + Placeholders.ContactFirstName + "}", StringComparison.Ordinal) || c.FirstName is not null)
            && (!text.Contains("{" + Placeholders.ContactLastName + "}", StringComparison.Ordinal) || c.LastName is not null);
        return usable.FirstOrDefault(Fills) ?? usable.FirstOrDefault();
    }
}
