using System.Globalization;
using Rekindle.App.Generation.Exports;

namespace Rekindle.App.Tests.Generation.Exports;

public sealed class HubSpotExportTests(ExportedCompany company) : IClassFixture<ExportedCompany>
{
    private const ExportFormat HubSpot = ExportFormat.HubSpot;
    private const string Deals = "hubspot-crm-exports-all-deals-2026-06-30.csv";
    private const string Companies = "hubspot-crm-exports-all-companies-2026-06-30.csv";
    private const string Contacts = "hubspot-crm-exports-all-contacts-2026-06-30.csv";

    [Theory]
    [InlineData(Deals, "Record ID,Deal Name,Deal Stage,Amount,Amount in company currency,Close Date,Create Date,Deal owner,Is Closed Won,Is Deal Closed?,Associated Company IDs (Primary),Associated Company IDs,Associated Company (Primary),Pipeline")]
    [InlineData(Companies, "Record ID,Company name,Industry,State/Region,Country/Region,Create Date,Company owner")]
    [InlineData(Contacts, "Record ID,First Name,Last Name,Email,Phone Number,Job Title,Associated Company IDs (Primary),Contact owner,Unsubscribed from all email,Opted out of email: Marketing Information,Last marketing email click date,Recent Sales Email Replied Date,Date of last meeting booked in meetings tool,Last Engagement Date,Create Date")]
    public void Write_EachFile_NamedByExportDayWithHubSpotHeader(string file, string header)
    {
        Assert.Contains(file, company.Files[HubSpot]);
        Assert.StartsWith(header + "\n", File.ReadAllText(company.PathOf(HubSpot, file)), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Deals_EveryOrderAndOpportunityWithHubSpotFormats()
    {
        var (_, rows) = company.Read(HubSpot, Deals);

        Assert.Equal(company.Source.Orders.Count + company.Source.Opportunities.Count, rows.Count);
        Assert.All(rows, r => Assert.Matches(@"^\d+\.\d\d?$", r[3]));
        Assert.Contains(rows, r => r[3].EndsWith(".0", StringComparison.Ordinal));
        Assert.All(rows, r => Assert.Contains(r[8], (string[])["true", "false"]));
        Assert.All(rows.Where(r => r[5].Length > 0), r => Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d$", r[5]));
        Assert.Contains(rows, r => r[11].Contains(';', StringComparison.Ordinal) && r[11].StartsWith(r[10] + ";", StringComparison.Ordinal));
        Assert.Contains(rows, r => r[2] == "Appointment scheduled" && r[9] == "false");
        var booked = company.Source.Orders.Where(o => o[5] == "booked").Sum(o => GeneratedCompany.Money(o[3]));
        Assert.Equal(booked, rows.Where(r => r[2] == "Closed won").Sum(r => decimal.Parse(r[3], CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Write_Contacts_LatestEngagementDatesAndOptOuts()
    {
        var (_, rows) = company.Read(HubSpot, Contacts);

        Assert.Equal(company.Source.Contacts.Count, rows.Count);
        Assert.Contains(rows, r => r[10].Length > 0);
        Assert.Contains(rows, r => r[11].Length > 0);
        Assert.Contains(rows, r => r[12].Length > 0);
        Assert.All(rows.Where(r => r[13].Length > 0), r => Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$", r[13]));
        Assert.Contains(rows, r => r[9] == "true");
        Assert.All(rows.Where(r => r[8] == "true"), r => Assert.Equal("true", r[9]));
    }

    [Fact]
    public void Write_SameSourceTwice_ByteIdenticalFiles()
    {
        var again = Path.Combine(company.Root, "hubspot-again");
        var files = ExportWriter.Write(company.Source.Directory, again, HubSpot, company.Options);

        foreach (var file in files)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(again, file)).SequenceEqual(File.ReadAllBytes(company.PathOf(HubSpot, file))), $"{file} differs");
        }
    }
}
