using System.IO.Compression;
using System.Text;

namespace Rekindle.App.Generation.Exports;

/// <summary>
/// A Salesforce Data Export: one CSV per object, named by the object's API name, with a header of API field
/// names, every value quoted, CRLF line ends. Quirks a real export has are written on purpose: 0/1 booleans
/// (true/false in Contact.csv), Account.csv in Windows-1252 and the rest in UTF-8, some references in the
/// 15-character id form, deleted duplicate rows (IsDeleted 1), and object files Rekindle does not use.
/// </summary>
public static class SalesforceExport
{
    public const string UserFile = "User.csv";
    public const string AccountFile = "Account.csv";
    public const string ContactFile = "Contact.csv";
    public const string OpportunityFile = "Opportunity.csv";
    public const string TaskFile = "Task.csv";
    public const string EventFile = "Event.csv";
    public const string CurrencyTypeFile = "CurrencyType.csv";
    public const string CampaignFile = "Campaign.csv";
    public const string LeadFile = "Lead.csv";
    public const string NewLine = "\r\n";

    /// <summary>Record numbers of deleted duplicates start here, so their ids never meet a live record's.</summary>
    public const long DeletedBase = 100_000_000_000;

    public static readonly string[] UserColumns = ["Id", "FirstName", "LastName", "Email", "IsActive"];
    public static readonly string[] AccountColumns =
        ["Id", "IsDeleted", "Name", "Industry", "BillingState", "BillingCountry", "CreatedDate", "OwnerId", "Type", "Phone", "Website", "Description"];
    public static readonly string[] ContactColumns =
        ["Id", "IsDeleted", "AccountId", "FirstName", "LastName", "Title", "Email", "Phone", "MailingStreet", "HasOptedOutOfEmail", "DoNotCall", "CreatedDate",
            "MailingCity", "MailingState", "MailingPostalCode", "LinkedIn_Profile__c"];
    public static readonly string[] OpportunityColumns =
        ["Id", "IsDeleted", "AccountId", "Name", "StageName", "Amount", "CurrencyIsoCode", "CloseDate", "IsClosed", "IsWon", "CreatedDate", "OwnerId"];
    public static readonly string[] CurrencyTypeColumns = ["Id", "IsoCode", "ConversionRate", "IsCorporate", "IsActive"];

    /// <summary>Units of each currency per US dollar (the corporate currency), as CurrencyType.csv states them.</summary>
    public static readonly IReadOnlyList<(string IsoCode, decimal ConversionRate)> Currencies = [("USD", 1m), ("EUR", 0.92m), ("GBP", 0.79m)];

    /// <summary>
    /// The name Account.csv gives an account: every account whose number is 3 modulo 50 carries a branch name with
    /// characters that differ between Windows-1252 and UTF-8 (en dash, ü, é); the others keep their name.
    /// </summary>
    public static string AccountName(string name, long accountNumber) =>
        accountNumber % 50 == 3 ? name + " – Zürich Café" : name;

    /// <summary>The currency an account's opportunities are in: EUR for numbers 5 modulo 25, GBP for 15, else USD.</summary>
    public static string CurrencyOf(long accountNumber) => (accountNumber % 25) switch { 5 => "EUR", 15 => "GBP", _ => "USD" };

    /// <summary>A US-dollar amount in <paramref name="currency"/>: amount × ConversionRate, rounded to cents.</summary>
    public static decimal InCurrency(decimal usd, string currency) =>
        Math.Round(usd * Currencies.First(c => c.IsoCode == currency).ConversionRate, 2, MidpointRounding.AwayFromZero);

    public static string Bool(bool value) => value ? "1" : "0";

    public static string DateTime(DateOnly date, long key) => Synthetic.DateTime(date, Synthetic.BusinessTime(key), "yyyy-MM-dd HH:mm:ss");

    internal static IReadOnlyList<string> Write(SourceCompany company, string folder, ExportOptions options)
    {
        var written = new List<string>();
        ZipArchive? zip = null;
        if (options.Zip)
        {
            var zipName = $"WE_{SalesforceId.Create("00D", 1)}_1.ZIP";
            zip = new ZipArchive(new FileStream(Path.Combine(folder, zipName), FileMode.Create), ZipArchiveMode.Create);
            written.Add(zipName);
        }

        try
        {
            ExportCsv Open(string file, Encoding? encoding)
            {
                if (zip is null)
                {
                    written.Add(file);
                    return ExportCsv.Create(Path.Combine(folder, file), quoteAll: true, NewLine, encoding);
                }

                var entry = zip.CreateEntry(file, CompressionLevel.Optimal);
                entry.LastWriteTime = new DateTimeOffset(options.AsOf.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
                return ExportCsv.Create(entry.Open(), quoteAll: true, NewLine, encoding);
            }

            using var ids = new IdMap(folder);
            written.Add(ExportOptions.IdMapFile);
            var records = new SalesforceRecords(company);
            WriteUsers(company, records, Open(UserFile, null), ids);
            WriteAccounts(company, records, Open(AccountFile, ExportCsv.Windows1252), ids);
            WriteContacts(company, records, Open(ContactFile, null), ids);
            SalesforceOpportunities.Write(company, records, options, Open(OpportunityFile, null), ids);
            SalesforceActivities.Write(company, records, Open(TaskFile, null), Open, ids);
            WriteCurrencies(Open(CurrencyTypeFile, null));
            WriteUnused(options, Open);
        }
        finally
        {
            zip?.Dispose();
        }

        return written;
    }

    private static void WriteUsers(SourceCompany company, SalesforceRecords records, ExportCsv csv, IdMap ids)
    {
        using (csv)
        {
            csv.Row(UserColumns);
            foreach (var rep in company.Reps)
            {
                var (first, last) = Synthetic.SplitName(rep.Name);
                var id = records.User(rep.Id);
                csv.Row(id, first, last, rep.Email, Bool(rep.Active));
                ids.Add("reps", rep.Id, id);
            }
        }
    }

    private static void WriteAccounts(SourceCompany company, SalesforceRecords records, ExportCsv csv, IdMap ids)
    {
        var buyers = company.Orders.Select(o => o.AccountId).ToHashSet(StringComparer.Ordinal);
        var firstContact = company.Contacts.DistinctBy(c => c.AccountId).ToDictionary(c => c.AccountId, StringComparer.Ordinal);
        using (csv)
        {
            csv.Row(AccountColumns);
            foreach (var a in company.Accounts)
            {
                var id = records.Account(a.Id);
                var contact = firstContact.GetValueOrDefault(a.Id);
                var domain = contact is { Email.Length: > 0 } ? contact.Email[(contact.Email.IndexOf('@', StringComparison.Ordinal) + 1)..] : null;
                var description = a.Number % 7 == 0
                    ? $"<p>Customer since {a.Created.Year}, {a.Industry}.</p>\n<ul>\n<li>Prefers \"net 30\" terms</li>\n<li>Owner: {records.User(a.OwnerRepId)}</li>\n</ul>"
                    : "";
                string[] row =
                [
                    id, "0", AccountName(a.Name, a.Number), a.Industry, a.Region, "United States", DateTime(a.Created, a.Number),
                    records.User(a.OwnerRepId), buyers.Contains(a.Id) ? "Customer" : "Prospect", contact?.Phone ?? "",
                    domain is null ? "" : "https://www." + domain, description,
                ];
                csv.Row(row);
                ids.Add("accounts", a.Id, id);
                if (a.Number % 97 == 0)
                {
                    row[0] = SalesforceId.Create("001", DeletedBase + a.Number);
                    row[1] = "1";
                    csv.Row(row);
                }
            }
        }
    }

    private static void WriteContacts(SourceCompany company, SalesforceRecords records, ExportCsv csv, IdMap ids)
    {
        static string TrueFalse(bool value) => value ? "true" : "false";
        var created = company.Accounts.ToDictionary(a => a.Id, a => a.Created, StringComparer.Ordinal);
        using (csv)
        {
            csv.Row(ContactColumns);
            foreach (var c in company.Contacts)
            {
                var id = SalesforceId.Create("003", c.Number);
                var (first, last) = Synthetic.SplitName(c.Name);
                var (street, city, state, zip) = Address(c.Postal);
                string[] row =
                [
                    id, "false", records.Account(c.AccountId), first, last, c.Role, c.Email, c.Phone, street,
                    TrueFalse(c.OptedOut("email")), TrueFalse(c.OptedOut("phone")), DateTime(created[c.AccountId], c.Number),
                    city, state, zip, c.Social,
                ];
                csv.Row(row);
                ids.Add("contacts", c.Id, id);
                if (c.Number % 89 == 0)
                {
                    row[0] = SalesforceId.Create("003", DeletedBase + c.Number);
                    row[1] = "true";
                    csv.Row(row);
                }
            }
        }
    }

    /// <summary>"12 Main St, Boston, MA 02101" as street, city, state and postal code.</summary>
    internal static (string Street, string City, string State, string Zip) Address(string postal)
    {
        var parts = postal.Split(", ");
        if (parts.Length != 3)
        {
            return (postal, "", "", "");
        }

        var stateZip = parts[2].Split(' ');
        return (parts[0], parts[1], stateZip[0], stateZip.Length > 1 ? stateZip[1] : "");
    }

    private static void WriteCurrencies(ExportCsv csv)
    {
        using (csv)
        {
            csv.Row(CurrencyTypeColumns);
            for (var i = 0; i < Currencies.Count; i++)
            {
                var (code, rate) = Currencies[i];
                csv.Row(SalesforceId.Create("01L", i + 1), code, rate.ToString("0.000000", System.Globalization.CultureInfo.InvariantCulture), Bool(i == 0), "1");
            }
        }
    }

    private static void WriteUnused(ExportOptions options, Func<string, Encoding?, ExportCsv> open)
    {
        using (var campaigns = open(CampaignFile, null))
        {
            campaigns.Row("Id", "IsDeleted", "Name", "Type", "Status", "StartDate", "CreatedDate");
            campaigns.Row(SalesforceId.Create("701", 1), "0", "Spring Restock Webinar", "Webinar", "Completed",
                ExportCsv.Date(options.AsOf.AddDays(-60)), DateTime(options.AsOf.AddDays(-90), 1));
        }

        using (var leads = open(LeadFile, null))
        {
            leads.Row("Id", "IsDeleted", "FirstName", "LastName", "Company", "Email", "Status", "CreatedDate");
            leads.Row(SalesforceId.Create("00Q", 1), "0", "Dana", "Whitfield", "Whitfield Interiors", "dana@whitfield-interiors.example",
                "Open - Not Contacted", DateTime(options.AsOf.AddDays(-3), 2));
        }
    }
}

/// <summary>The Salesforce ids of a company's users and accounts, by Rekindle id.</summary>
internal sealed class SalesforceRecords(SourceCompany company)
{
    private readonly Dictionary<string, SourceAccount> accounts = company.Accounts.ToDictionary(a => a.Id, StringComparer.Ordinal);

    public SourceAccount AccountOf(string accountId) => accounts[accountId];

    public string Account(string accountId) => SalesforceId.Create("001", SourceCompany.Number(accountId));

    public string User(string repId) => SalesforceId.Create("005", SourceCompany.Number(repId));
}
