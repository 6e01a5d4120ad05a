using System.Globalization;

namespace Rekindle.App.Generation.Exports;

/// <summary>The HubSpot contacts export, with each contact's latest engagement dates (see <see cref="HubSpotExport.ContactColumns"/>).</summary>
internal static class HubSpotContacts
{
    private const int MarketingClick = 0;
    private const int SalesReply = 1;
    private const int Meeting = 2;
    private const int Engaged = 3;

    private static readonly HashSet<string> EngagedKinds = new(StringComparer.Ordinal)
    {
        "web_visit", "email_click", "call_answered", "meeting", "support_ticket", "event",
    };

    public static void Write(
        SourceCompany company, string path, Dictionary<string, string> repNames, Dictionary<string, SourceAccount> accounts, IdMap ids)
    {
        var byAccount = company.Contacts.Select((c, i) => (c, i)).GroupBy(x => x.c.AccountId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.i).ToArray(), StringComparer.Ordinal);
        var latest = new DateOnly?[company.Contacts.Count, 4];
        foreach (var e in company.Engagements())
        {
            if (!byAccount.TryGetValue(e.AccountId, out var contacts))
            {
                continue;
            }

            var contact = contacts[(int)(e.Number % contacts.Length)];
            if (e.Kind == "email_click")
            {
                Later(latest, contact, e.Number % 3 == 0 ? SalesReply : MarketingClick, e.Date);
            }

            if (e.Kind == "meeting")
            {
                Later(latest, contact, Meeting, e.Date);
            }

            if (EngagedKinds.Contains(e.Kind))
            {
                Later(latest, contact, Engaged, e.Date);
            }
        }

        using var csv = ExportCsv.Create(path, quoteAll: false);
        csv.Row(HubSpotExport.ContactColumns);
        for (var i = 0; i < company.Contacts.Count; i++)
        {
            var c = company.Contacts[i];
            var account = accounts[c.AccountId];
            var (first, last) = Synthetic.SplitName(c.Name);
            var id = HubSpotExport.ContactRecordId(c.Number).ToString(CultureInfo.InvariantCulture);
            var emailOptOut = c.OptedOut("email");
            csv.Row(
                id, first, last, c.Email, c.Phone, c.Role, HubSpotExport.CompanyRecordId(account.Number).ToString(CultureInfo.InvariantCulture),
                repNames[account.OwnerRepId],
                emailOptOut && c.Number % 2 == 0 ? "true" : "false",
                emailOptOut ? "true" : "false",
                Stamp(latest[i, MarketingClick], c.Number), Stamp(latest[i, SalesReply], c.Number + 1), Stamp(latest[i, Meeting], c.Number + 2),
                latest[i, Engaged] is { } engaged ? Synthetic.DateTime(engaged, Synthetic.BusinessTime(c.Number + 3), "yyyy-MM-dd'T'HH:mm:ss.fff'Z'") : "",
                HubSpotExport.DateTime(account.Created, c.Number));
            ids.Add("contacts", c.Id, id);
        }
    }

    private static void Later(DateOnly?[,] latest, int contact, int column, DateOnly date)
    {
        if (latest[contact, column] is not { } known || date > known)
        {
            latest[contact, column] = date;
        }
    }

    private static string Stamp(DateOnly? date, long key) => date is { } day ? HubSpotExport.DateTime(day, key) : "";
}
