using System.Globalization;

namespace Rekindle.App.Generation.Exports;

/// <summary>
/// HubSpot CRM exports of all deals, companies and contacts (UTF-8, LF, quoted only when needed, booleans
/// true/false, amounts like 468.0, dates "yyyy-MM-dd HH:mm" except the contacts' Last Engagement Date, which is
/// ISO 8601 UTC). HubSpot has no order object: orders become deals (booked: Closed won; cancelled or refunded:
/// Closed lost), Rekindle opportunities become deals too (open: their stage; closed: Closed lost). Engagements
/// survive only as each contact's latest date of a few kinds (see <see cref="ContactColumns"/>).
/// </summary>
public static class HubSpotExport
{
    public const string Pipeline = "Sales Pipeline";

    public static readonly string[] DealColumns =
    [
        "Record ID", "Deal Name", "Deal Stage", "Amount", "Amount in company currency", "Close Date", "Create Date", "Deal owner", "Is Closed Won",
        "Is Deal Closed?", "Associated Company IDs (Primary)", "Associated Company IDs", "Associated Company (Primary)", "Pipeline",
    ];

    public static readonly string[] CompanyColumns = ["Record ID", "Company name", "Industry", "State/Region", "Country/Region", "Create Date", "Company owner"];

    /// <summary>
    /// The contacts. Each engagement of an account is given to one of its contacts (engagement number modulo the
    /// account's contacts, in file order); per contact: Last marketing email click date is the latest e-mail click
    /// whose engagement number is not a multiple of 3, Recent Sales Email Replied Date the latest one that is,
    /// Date of last meeting booked the latest meeting, Last Engagement Date the latest engagement of a kind the
    /// default policy counts (web visit, e-mail click, answered call, meeting, support ticket, event).
    /// </summary>
    public static readonly string[] ContactColumns =
    [
        "Record ID", "First Name", "Last Name", "Email", "Phone Number", "Job Title", "Associated Company IDs (Primary)", "Contact owner",
        "Unsubscribed from all email", "Opted out of email: Marketing Information", "Last marketing email click date",
        "Recent Sales Email Replied Date", "Date of last meeting booked in meetings tool", "Last Engagement Date", "Create Date",
    ];

    private static readonly Dictionary<string, string> OpenStages = new(StringComparer.Ordinal)
    {
        ["qualification"] = "Appointment scheduled",
        ["proposal"] = "Presentation scheduled",
        ["negotiation"] = "Contract sent",
    };

    public static string FileName(string objects, DateOnly exportDay) => $"hubspot-crm-exports-all-{objects}-{exportDay:yyyy-MM-dd}.csv";

    /// <summary>HubSpot's record ids: numbers scattered per object type (companies 11 digits, deals 11, contacts 10).</summary>
    public static long CompanyRecordId(long accountNumber) => 10_000_000_000 + Synthetic.Scatter(accountNumber);

    public static long ContactRecordId(long contactNumber) => 1_000_000_000 + Synthetic.Scatter(contactNumber);

    public static long DealRecordId(long orderNumber) => 20_000_000_000 + Synthetic.Scatter(orderNumber);

    public static long OpportunityDealRecordId(long opportunityNumber) => 40_000_000_000 + Synthetic.Scatter(opportunityNumber);

    /// <summary>An amount as HubSpot writes it: at least one decimal (468.0, 468.5, 468.55).</summary>
    public static string Amount(decimal amount) => amount.ToString("0.0#", CultureInfo.InvariantCulture);

    public static string DateTime(DateOnly date, long key) => Synthetic.DateTime(date, Synthetic.BusinessTime(key), "yyyy-MM-dd HH:mm");

    internal static IReadOnlyList<string> Write(SourceCompany company, string folder, ExportOptions options)
    {
        var repNames = company.Reps.ToDictionary(r => r.Id, r => r.Name, StringComparer.Ordinal);
        var accounts = company.Accounts.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var deals = FileName("deals", options.AsOf);
        var companies = FileName("companies", options.AsOf);
        var contacts = FileName("contacts", options.AsOf);
        using var ids = new IdMap(folder);
        using (var csv = ExportCsv.Create(Path.Combine(folder, companies), quoteAll: false))
        {
            csv.Row(CompanyColumns);
            foreach (var a in company.Accounts)
            {
                var id = CompanyRecordId(a.Number).ToString(CultureInfo.InvariantCulture);
                csv.Row(id, a.Name, a.Industry, a.Region, "United States", DateTime(a.Created, a.Number), repNames[a.OwnerRepId]);
                ids.Add("accounts", a.Id, id);
            }
        }

        foreach (var r in company.Reps)
        {
            ids.Add("reps", r.Id, r.Name);
        }

        using (var csv = ExportCsv.Create(Path.Combine(folder, deals), quoteAll: false))
        {
            csv.Row(DealColumns);
            var row = 0L;
            foreach (var o in company.Orders)
            {
                var won = o.Status == "booked";
                var id = DealRecordId(o.Number).ToString(CultureInfo.InvariantCulture);
                csv.Row(Deal(accounts[o.AccountId], repNames, id, $"Order {ExportCsv.Date(o.Date)}", won ? "Closed won" : "Closed lost", o.Amount,
                    o.Date, o.Date.AddDays(-(int)(o.Number % 15)), true, won, row++));
                ids.Add("orders", o.Id, id);
            }

            foreach (var p in company.Opportunities)
            {
                var id = OpportunityDealRecordId(p.Number).ToString(CultureInfo.InvariantCulture);
                var name = p.Number % 2 == 0 ? "Renewal" : "Expansion";
                csv.Row(p.Closed is { } closed
                    ? Deal(accounts[p.AccountId], repNames, id, name, "Closed lost", p.Amount, closed, p.Opened, true, false, row++)
                    : Deal(accounts[p.AccountId], repNames, id, name, OpenStages[p.Stage], p.Amount, null, p.Opened, false, false, row++));
                ids.Add("opportunities", p.Id, id);
            }
        }

        HubSpotContacts.Write(company, Path.Combine(folder, contacts), repNames, accounts, ids);
        return [companies, contacts, deals, ExportOptions.IdMapFile];
    }

    private static string[] Deal(
        SourceAccount account, Dictionary<string, string> repNames, string id, string name, string stage, decimal amount,
        DateOnly? close, DateOnly created, bool closed, bool won, long row)
    {
        var company = CompanyRecordId(account.Number).ToString(CultureInfo.InvariantCulture);

        // Every 17th deal is also associated with a second company (a partner, say): only the primary one is the buyer.
        var all = row % 17 == 16 ? $"{company};{CompanyRecordId(account.Number == 1 ? 2 : account.Number - 1)}" : company;
        return
        [
            id, $"{account.Name} - {name}", stage, Amount(amount), Amount(amount), close is { } day ? DateTime(day, row) : "",
            DateTime(created, row + 1), repNames[account.OwnerRepId], won ? "true" : "false", closed ? "true" : "false",
            company, all, account.Name, Pipeline,
        ];
    }
}
