using Rekindle.App.Generation.Exports;
using Rekindle.Common;

namespace Rekindle.Storage.Tests;

/// <summary>rekindle import --from hubspot: deals, companies and contacts exports recognised by their columns.</summary>
public class HubSpotImportTests(GeneratedCompanies companies) : IClassFixture<GeneratedCompanies>
{
    private const string Deals =
        "Record ID,Deal Name,Deal Stage,Amount,Amount in company currency,Close Date,Create Date,Deal owner,Is Closed Won,Is Deal Closed?,Associated Company IDs (Primary),Associated Company IDs,Associated Company (Primary),Pipeline\n" +
        "901,Big order,Closed won,500.0,468.0,2025-05-01 10:00,2025-04-01 09:00,Rita Ray,true,true,,101;102,Acme,Sales Pipeline\n" +
        "902,Lost one,Closed lost,100.0,100.0,2025-06-01 10:00,2025-05-20 09:00,Rita Ray,false,true,102,102,Bolt,Sales Pipeline\n" +
        "903,Open one,Contract sent,70.0,70.0,2026-12-24 10:00,2025-07-01 09:00,Sam Su,false,false,102,102,Bolt,Sales Pipeline\n";

    private const string Contacts =
        "Record ID,First Name,Last Name,Email,Job Title,Associated Company IDs (Primary),Contact owner,Unsubscribed from all email,Opted out of email: Marketing Information,Last marketing email click date,Date of last meeting booked in meetings tool,Last Engagement Date\n" +
        "501,Ann,Lee,ann@acme.example,Buyer,101,Rita Ray,false,true,2025-08-01 10:00,,2025-09-01T08:00:00.000Z\n" +
        "502,Bo,Byrne,bo@bolt.example,Owner,102,Sam Su,false,false,,2025-08-15 11:30,\n";

    /// <summary>Without a companies export: accounts from the deals' and contacts' companies; owners by name as reps.</summary>
    [Fact]
    public void Import_DealsAndContacts_AccountsOrdersOpportunitiesAndActivities()
    {
        using var workspace = new TestWorkspace(WorkspaceProvider.Sqlite);
        using var export = new TempFolder()
            .Write("hubspot-crm-exports-all-deals-2025-12-01.csv", Deals)
            .Write("hubspot-crm-exports-all-contacts-2025-12-01.csv", Contacts);

        var result = Rk.Run(workspace, "import", "--from", "hubspot", export.Path, "--currency", "EUR");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var db = workspace.Open();
        Assert.Equal(["101", "102"], db.Accounts.OrderBy(a => a.AccountId).Select(a => a.AccountId).ToList());
        Assert.Equal("Acme", db.Accounts.Single(a => a.AccountId == "101").Name);
        Assert.Equal(["Rita Ray", "Sam Su"], db.Reps.OrderBy(r => r.RepId).Select(r => r.RepId).ToList());
        var order = db.Orders.Single();
        Assert.Equal(("901", "101", new DateOnly(2025, 5, 1), 468.0m, "EUR"), (order.OrderId, order.AccountId, order.OrderDate, order.ReportingAmount, order.Currency));
        var opportunities = db.Opportunities.OrderBy(o => o.OpportunityId).ToList();
        Assert.Equal([new DateOnly(2025, 5, 1), new DateOnly(2025, 6, 1), null], opportunities.Select(o => o.ClosedOn));
        Assert.True(db.Contacts.Single(c => c.ContactId == "501").OptOutEmail);
        Assert.False(db.Contacts.Single(c => c.ContactId == "502").OptOutEmail);
        var activities = db.Engagements.OrderBy(e => e.EngagementId).Select(e => new { e.EngagementId, e.Kind, e.Date }).AsEnumerable().Select(e => (e.EngagementId, e.Kind, e.Date)).ToList();
        Assert.Equal(
            [
                ("501/email-click", EngagementKind.EmailClick, new DateOnly(2025, 8, 1)),
                ("501/engagement", EngagementKind.WebVisit, new DateOnly(2025, 9, 1)),
                ("502/meeting", EngagementKind.Meeting, new DateOnly(2025, 8, 15)),
            ],
            activities);
    }

    [Fact]
    public void Import_WithoutCurrency_ExitsTwoNamingTheOption()
    {
        using var workspace = new TestWorkspace(WorkspaceProvider.Sqlite);
        using var export = new TempFolder().Write("deals.csv", Deals);

        var result = Rk.Run(workspace, "import", "--from", "hubspot", export.Path);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--currency", result.Error, StringComparison.Ordinal);
    }

    /// <summary>The generated company as HubSpot exports it: every booked order comes back as a won deal, same account, date and amount.</summary>
    [Theory]
    [InlineData(WorkspaceProvider.Sqlite)]
    [PostgresData]
    public void Import_GeneratedHubSpotExport_BringsBackEveryBookedOrder(WorkspaceProvider provider)
    {
        var original = companies.Of(300);
        using var export = new TempFolder();
        ExportWriter.Write(original, export.Path, ExportFormat.HubSpot, new ExportOptions(new DateOnly(2026, 11, 23)));
        using var workspace = new TestWorkspace(provider);

        var imported = Rk.Run(workspace, "import", "--from", "hubspot", export.Path, "--currency", "USD");

        Assert.True(imported.ExitCode == 0, imported.ToString());
        var ids = File.ReadLines(export.File("rekindle-ids.csv")).Skip(1).Select(l => l.Split(','))
            .Where(f => f[0] == "accounts").ToDictionary(f => f[2], f => f[1]);
        var booked = File.ReadLines(Path.Combine(original, "orders.csv")).Skip(1).Select(l => l.Split(','))
            .Where(f => f[5] == "booked").Select(f => $"{f[1]} {f[2]} {decimal.Parse(f[3], System.Globalization.CultureInfo.InvariantCulture):0.00}").Order(StringComparer.Ordinal).ToList();
        using var db = workspace.Open();
        var back = db.Orders.Select(o => new { o.AccountId, o.OrderDate, o.ReportingAmount }).AsEnumerable()
            .Select(o => $"{ids[o.AccountId]} {o.OrderDate:yyyy-MM-dd} {o.ReportingAmount:0.00}").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(booked, back);
        Assert.Equal(300, db.Accounts.Count());

        var again = Rk.Run(workspace, "import", "--from", "hubspot", export.Path);
        Assert.Contains(" 0 new, 0 changed,", again.Out, StringComparison.Ordinal);
    }
}
