using System.Globalization;
using Rekindle.App.Csv;
using Rekindle.App.Reports;
using Rekindle.Common;
using Rekindle.Reactivation;

namespace Rekindle.App.Reactivation;

/// <summary>A treatment member the export leaves out, and why.</summary>
public sealed record WithheldMember(CampaignMember Member, string Reason);

/// <summary>The members of one export list, and those withheld because their channel can no longer be used.</summary>
public sealed record ExportSelection(string List, IReadOnlyList<CampaignMember> Members, IReadOnlyList<WithheldMember> Withheld);

/// <summary>
/// Exports a campaign's treatment group as lists that partition it: <c>mail</c> (messages by email, the columns mail tools
/// import), <c>calls</c> (everything on the phone, with the rep who calls) and <c>tasks</c> (the rest: owner tasks and
/// letters, with the rep who does them). The control group is never exported. Each contact is checked against the
/// workspace as it is now: a channel the contact opted out of since the plan, or a contact that is gone, withholds
/// the member (never silently used); the address exported is the contact's current one.
/// </summary>
public static class CampaignExport
{
    public const string Mail = "mail";
    public const string Calls = "calls";
    public const string Tasks = "tasks";

    public static IReadOnlyList<string> Lists { get; } = [Mail, Calls, Tasks];

    public static readonly string[] MailColumns = ["email", "first_name", "last_name", "company", "subject", "body", "offer_code", "account_id"];

    public static readonly string[] CallColumns =
    [
        "rep_id", "rep_name", "rep_email", "priority", "account_id", "company", "first_name", "last_name", "phone", "play", "subject", "script",
        "offer", "offer_code", "last_order_date", "days_since_last_order", "revenue_at_stake",
    ];

    public static readonly string[] TaskColumns =
    [
        "rep_id", "rep_name", "rep_email", "priority", "account_id", "company", "play", "channel", "first_name", "last_name", "address",
        "subject", "body", "offer_code", "revenue_at_stake",
    ];

    /// <summary>The list a treatment member belongs to.</summary>
    public static string ListOf(CampaignMember m) => m switch
    {
        { Channel: Channel.Phone } => Calls,
        { Channel: Channel.Email, Action: PlayAction.Message } => Mail,
        _ => Tasks,
    };

    public static ExportSelection Select(CampaignPlan plan, string list, ReactivationDirectory current)
    {
        var members = new List<CampaignMember>();
        var withheld = new List<WithheldMember>();
        foreach (var m in plan.Treatment.Where(m => ListOf(m) == list))
        {
            if (m.Channel is not { } channel || m.ContactId is not { } contactId)
            {
                members.Add(m);
                continue;
            }

            var contact = current.ContactsOf(m.AccountId).FirstOrDefault(c => c.Id == contactId);
            if (contact is null)
            {
                withheld.Add(new(m, $"contact {contactId} is no longer in the workspace"));
            }
            else if (contact.OptedOut.Has(channel))
            {
                withheld.Add(new(m, $"contact {contactId} has opted out of {Codes.Of(channel)}"));
            }
            else if (contact.Address(channel) is not { } address)
            {
                withheld.Add(new(m, $"contact {contactId} has no {Codes.Of(channel)} address any more"));
            }
            else
            {
                members.Add(m with { Address = address });
            }
        }

        return new ExportSelection(list, members, withheld);
    }

    public static void WriteCsv(ExportSelection selection, ReactivationDirectory directory, string? currency, TextWriter writer)
    {
        switch (selection.List)
        {
            case Mail:
                CsvText.Row(writer, MailColumns);
                foreach (var m in selection.Members)
                {
                    CsvText.Row(writer, m.Address, m.ContactFirstName, m.ContactLastName, m.AccountName, m.Subject, m.Body, m.OfferCode, m.AccountId);
                }

                break;
            case Calls:
                CsvText.Row(writer, CallColumns);
                foreach (var m in selection.Members)
                {
                    var rep = directory.Rep(m.OwnerRepId);
                    CsvText.Row(writer, m.OwnerRepId, rep?.Name ?? m.RepName, rep?.Email, N(m.Priority), m.AccountId, m.AccountName, m.ContactFirstName,
                        m.ContactLastName, m.Address, m.Play, m.Subject, m.Body, m.Offer?.Display(currency), m.OfferCode, IsoDate.Format(m.LastOrderOn),
                        N(m.DaysSinceLastOrder), Money(m.RevenueAtStake));
                }

                break;
            default:
                CsvText.Row(writer, TaskColumns);
                foreach (var m in selection.Members)
                {
                    var rep = directory.Rep(m.OwnerRepId);
                    CsvText.Row(writer, m.OwnerRepId, rep?.Name ?? m.RepName, rep?.Email, N(m.Priority), m.AccountId, m.AccountName, m.Play,
                        m.Channel is { } c ? Codes.Of(c) : "", m.ContactFirstName, m.ContactLastName, m.Address, m.Subject, m.Body, m.OfferCode,
                        Money(m.RevenueAtStake));
                }

                break;
        }
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Money(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
