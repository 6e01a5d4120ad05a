using System.Globalization;
using System.IO.Compression;
using System.Text;
using Rekindle.App.Generation.Exports;

namespace Rekindle.App.Tests.Generation.Exports;

public sealed class SalesforceExportTests(ExportedCompany company) : IClassFixture<ExportedCompany>
{
    private const ExportFormat Salesforce = ExportFormat.Salesforce;

    [Theory]
    [InlineData("User.csv", "\"Id\",\"FirstName\",\"LastName\",\"Email\",\"IsActive\"")]
    [InlineData("Account.csv", "\"Id\",\"IsDeleted\",\"Name\",\"Industry\",\"BillingState\",\"BillingCountry\",\"CreatedDate\",\"OwnerId\",\"Type\",\"Phone\",\"Website\",\"Description\"")]
    [InlineData("Contact.csv", "\"Id\",\"IsDeleted\",\"AccountId\",\"FirstName\",\"LastName\",\"Title\",\"Email\",\"Phone\",\"MailingStreet\",\"HasOptedOutOfEmail\",\"DoNotCall\",\"CreatedDate\",\"MailingCity\",\"MailingState\",\"MailingPostalCode\",\"LinkedIn_Profile__c\"")]
    [InlineData("Opportunity.csv", "\"Id\",\"IsDeleted\",\"AccountId\",\"Name\",\"StageName\",\"Amount\",\"CurrencyIsoCode\",\"CloseDate\",\"IsClosed\",\"IsWon\",\"CreatedDate\",\"OwnerId\"")]
    [InlineData("Task.csv", "\"Id\",\"IsDeleted\",\"AccountId\",\"WhatId\",\"Subject\",\"TaskSubtype\",\"CallDisposition\",\"CallDurationInSeconds\",\"ActivityDate\",\"CreatedDate\",\"Status\",\"Description\",\"CallType\"")]
    [InlineData("Event.csv", "\"Id\",\"IsDeleted\",\"AccountId\",\"WhatId\",\"Subject\",\"ActivityDate\",\"CreatedDate\",\"DurationInMinutes\",\"EventSubtype\"")]
    [InlineData("CurrencyType.csv", "\"Id\",\"IsoCode\",\"ConversionRate\",\"IsCorporate\",\"IsActive\"")]
    [InlineData("Campaign.csv", "\"Id\",\"IsDeleted\",\"Name\",\"Type\",\"Status\",\"StartDate\",\"CreatedDate\"")]
    [InlineData("Lead.csv", "\"Id\",\"IsDeleted\",\"FirstName\",\"LastName\",\"Company\",\"Email\",\"Status\",\"CreatedDate\"")]
    public void Write_EachObjectFile_HeaderOfApiNamesQuotedCrlf(string file, string header)
    {
        var text = File.ReadAllText(company.PathOf(Salesforce, file), ExportedCompany.Windows1252());

        Assert.StartsWith(header + "\r\n", text, StringComparison.Ordinal);
        Assert.True(text.Split("\r\n").Length > 2, $"{file} has no row");
    }

    [Fact]
    public void Write_AccountFile_Windows1252WithAccentedNames()
    {
        var bytes = File.ReadAllBytes(company.PathOf(Salesforce, SalesforceExport.AccountFile));
        var (_, rows) = company.Read(Salesforce, SalesforceExport.AccountFile, ExportedCompany.Windows1252());

        Assert.Contains(rows, r => r[2].EndsWith(" – Zürich Café", StringComparison.Ordinal));
        Assert.Contains((byte)0xFC, bytes); // ü in Windows-1252
        Assert.Contains((byte)0x96, bytes); // – in Windows-1252 (a control character in ISO-8859-1)
        Assert.False(Encoding.UTF8.GetString(bytes).Contains("Zürich", StringComparison.Ordinal), "Account.csv must not be UTF-8");
    }

    [Fact]
    public void Write_Accounts_EveryAccountOnceLivePlusDeletedTwinsWithOtherIds()
    {
        var (_, rows) = company.Read(Salesforce, SalesforceExport.AccountFile, ExportedCompany.Windows1252());
        var live = rows.Where(r => r[1] == "0").ToList();
        var deleted = rows.Where(r => r[1] == "1").ToList();

        Assert.Equal(company.Source.Accounts.Count, live.Count);
        Assert.NotEmpty(deleted);
        Assert.All(deleted, d => Assert.Contains(live, l => l[2] == d[2] && l[0] != d[0]));
        Assert.Equal(rows.Count, rows.Select(r => r[0]).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(rows, r => Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$", r[6]));
        Assert.Contains(rows, r => r[11].Contains('\n', StringComparison.Ordinal) && r[11].Contains("<ul>", StringComparison.Ordinal));
    }

    [Fact]
    public void Write_Booleans_TrueFalseInContactsOneZeroElsewhere()
    {
        var (_, contacts) = company.Read(Salesforce, SalesforceExport.ContactFile);
        var (_, opportunities) = company.Read(Salesforce, SalesforceExport.OpportunityFile);

        Assert.All(contacts, r => Assert.Contains(r[9], (string[])["true", "false"]));
        Assert.Contains(contacts, r => r[9] == "true");
        Assert.Contains(contacts, r => r[1] == "true");
        Assert.All(opportunities, r => Assert.Contains(r[8], (string[])["0", "1"]));
    }

    [Fact]
    public void Write_Opportunities_EveryOrderAClosedOpportunityWithItsAmount()
    {
        var (_, rows) = company.Read(Salesforce, SalesforceExport.OpportunityFile);
        var byId = rows.Where(r => r[1] == "0").ToDictionary(r => r[0]);
        var map = IdMap(Salesforce, "orders");

        Assert.Equal(company.Source.Orders.Count, map.Count);
        foreach (var order in company.Source.Orders)
        {
            var row = byId[map[order[0]]];
            var currency = row[6];
            var rate = currency switch { "EUR" => 0.92m, "GBP" => 0.79m, _ => 1m };
            Assert.Equal(Math.Round(GeneratedCompany.Money(order[3]) * rate, 2, MidpointRounding.AwayFromZero), decimal.Parse(row[5], CultureInfo.InvariantCulture));
            Assert.Equal(order[2], row[7]);
            Assert.Equal("1", row[8]);
            Assert.Equal(order[5] == "booked" ? ("Closed Won", "1") : ("Closed Lost", "0"), (row[4], row[9]));
        }

        Assert.Contains(rows, r => r[6] == "EUR");
        Assert.Contains(rows, r => r[6] == "GBP");
        Assert.Contains(rows, r => r[2].Length == 15);
        Assert.Contains(rows, r => r[1] == "1");
        Assert.Contains(rows, r => r[8] == "0" && DateOnly.Parse(r[7], CultureInfo.InvariantCulture) > ExportedCompany.AsOf);
    }

    [Fact]
    public void Write_Tasks_QuirksPresent()
    {
        var (_, rows) = company.Read(Salesforce, SalesforceActivitiesFile);

        Assert.Contains(rows, r => r[2].Length == 0 && r[3].Length >= 15);
        Assert.Contains(rows, r => r[2] == "000000000000000AAA");
        Assert.Contains(rows, r => r[3].Length == 15);
        Assert.Contains(rows, r => r[8].Length == 0 && r[9].Length == 19);
        Assert.Contains(rows, r => r[1] == "1");
        Assert.All(rows.Where(r => r[5] == "Call"), r => Assert.Equal(r[6] == "Connected", r[7] != "0"));
        Assert.Contains(rows, r => r[5] == "Email" && r[4].StartsWith("Email: Re: ", StringComparison.Ordinal));
    }

    [Fact]
    public void Write_Activities_EveryEngagementOnceAsTaskOrEvent()
    {
        var (_, tasks) = company.Read(Salesforce, SalesforceActivitiesFile);
        var (_, events) = company.Read(Salesforce, SalesforceExport.EventFile);

        Assert.Equal(company.Source.Engagements.Count, tasks.Count(r => r[1] == "0") + events.Count);
        Assert.Equal(company.Source.Engagements.Count, IdMap(Salesforce, "engagements").Count);
    }

    [Fact]
    public void Write_Activities_DocumentedRulesGiveBackEveryEngagement()
    {
        var accounts = IdMap(Salesforce, "accounts").ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
        string Account(string accountId, string whatId)
        {
            var id = accountId.Length == 0 || accountId == SalesforceId.Empty ? whatId : accountId;
            return accounts[id.Length == 15 ? SalesforceId.To18(id) : id];
        }

        static string Kind(string subtype, string subject, string disposition) => (subtype, disposition) switch
        {
            ("Call", "Connected") => "call_answered",
            ("Call", _) => "call_unanswered",
            ("Email", _) => subject.StartsWith("Email: Re: ", StringComparison.Ordinal) ? "email_click" : "email_open",
            _ when subject.StartsWith("Web visit: ", StringComparison.Ordinal) => "web_visit",
            _ when subject.StartsWith("Support request: ", StringComparison.Ordinal) => "support_ticket",
            _ when subject.StartsWith("Meeting: ", StringComparison.Ordinal) => "meeting",
            _ => "event",
        };

        var (_, tasks) = company.Read(Salesforce, SalesforceActivitiesFile);
        var (_, events) = company.Read(Salesforce, SalesforceExport.EventFile);
        var read = tasks.Where(r => r[1] == "0")
            .Select(r => $"{Account(r[2], r[3])} {(r[8].Length > 0 ? r[8] : r[9][..10])} {Kind(r[5], r[4], r[6])}")
            .Concat(events.Select(r => $"{Account(r[2], r[3])} {r[5]} {Kind("Event", r[4], "")}"))
            .Order(StringComparer.Ordinal);
        var expected = company.Source.Engagements.Select(e => $"{e[1]} {e[2]} {e[3]}").Order(StringComparer.Ordinal);

        Assert.Equal(expected, read);
    }

    [Fact]
    public void Write_Contacts_AccountIdsMapBackToTheirAccounts()
    {
        var accounts = IdMap(Salesforce, "accounts");
        var contacts = IdMap(Salesforce, "contacts");
        var (_, rows) = company.Read(Salesforce, SalesforceExport.ContactFile);
        var byId = rows.ToDictionary(r => r[0]);

        Assert.All(company.Source.Contacts, c => Assert.Equal(accounts[c[1]], byId[contacts[c[0]]][2]));
    }

    [Fact]
    public void Write_CurrencyType_CorporateUsdAndRates()
    {
        var (_, rows) = company.Read(Salesforce, SalesforceExport.CurrencyTypeFile);

        Assert.Equal(["USD:1.000000:1", "EUR:0.920000:0", "GBP:0.790000:0"], rows.Select(r => $"{r[1]}:{r[2]}:{r[3]}"));
    }

    [Fact]
    public void Write_IdMap_EveryRepAccountAndContactMapped()
    {
        Assert.Equal(company.Source.Accounts.Count, IdMap(Salesforce, "accounts").Count);
        Assert.Equal(company.Source.Contacts.Count, IdMap(Salesforce, "contacts").Count);
        Assert.Equal(company.Source.Reps.Count, IdMap(Salesforce, "reps").Count);
        Assert.Equal(company.Source.Opportunities.Count, IdMap(Salesforce, "opportunities").Count);
    }

    [Fact]
    public void Write_SameSourceTwice_ByteIdenticalFiles()
    {
        var again = Path.Combine(company.Root, "salesforce-again");
        var files = ExportWriter.Write(company.Source.Directory, again, Salesforce, company.Options);

        Assert.Equal(company.Files[Salesforce], files);
        foreach (var file in files)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(again, file)).SequenceEqual(File.ReadAllBytes(company.PathOf(Salesforce, file))), $"{file} differs");
        }
    }

    [Fact]
    public void Write_Zip_OneDeterministicZipOfTheObjectFiles()
    {
        var options = company.Options with { Zip = true };
        var first = ExportWriter.Write(company.Source.Directory, Path.Combine(company.Root, "zip1"), Salesforce, options);
        ExportWriter.Write(company.Source.Directory, Path.Combine(company.Root, "zip2"), Salesforce, options);
        var zipName = Assert.Single(first, f => f.EndsWith(".ZIP", StringComparison.Ordinal));
        var zip1 = Path.Combine(company.Root, "zip1", zipName);

        using (var archive = ZipFile.OpenRead(zip1))
        {
            Assert.Contains(archive.Entries, e => e.FullName == SalesforceExport.AccountFile);
            Assert.Contains(archive.Entries, e => e.FullName == SalesforceActivitiesFile);
        }

        Assert.True(File.ReadAllBytes(zip1).SequenceEqual(File.ReadAllBytes(Path.Combine(company.Root, "zip2", zipName))));
    }

    private const string SalesforceActivitiesFile = SalesforceExport.TaskFile;

    private Dictionary<string, string> IdMap(ExportFormat format, string table) =>
        ExportedCompany.ReadCsv(company.PathOf(format, ExportOptions.IdMapFile)).Rows.Where(r => r[0] == table).ToDictionary(r => r[1], r => r[2]);
}
