using System.Text;
using Rekindle.App.Generation;
using static Rekindle.App.Tests.Generation.GeneratedCompany;

namespace Rekindle.App.Tests.Generation;

/// <summary>The files of one generated company: formats, integrity and what must never be in them.</summary>
public sealed class GeneratedCompanyTests(GeneratedCompanyFixture fixture) : IClassFixture<GeneratedCompanyFixture>
{
    private readonly GeneratedCompany company = fixture.Company;
    private readonly DateOnly asOf = GeneratedCompanyFixture.AsOf;

    [Theory]
    [InlineData("reps.csv", "rep_id,name,email,commission_rate,active")]
    [InlineData("accounts.csv", "account_id,name,industry,region,created_on,owner_rep_id")]
    [InlineData("contacts.csv", "contact_id,account_id,name,role,email,phone,social,postal_address,opt_out")]
    [InlineData("orders.csv", "order_id,account_id,order_date,amount,currency,status")]
    [InlineData("order_lines.csv", "order_id,line_no,sku,product_name,category,quantity,unit_price")]
    [InlineData("engagements.csv", "engagement_id,account_id,date,kind,direction")]
    [InlineData("opportunities.csv", "opportunity_id,account_id,opened_on,closed_on,stage,amount")]
    [InlineData("truth.csv", "account_id,churned_on")]
    public void Generate_EachFile_HasExactHeaderUtf8AndNewlineRows(string file, string header)
    {
        var bytes = File.ReadAllBytes(Path.Combine(company.Directory, file));

        Assert.StartsWith(header + "\n", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        Assert.False(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble), "no byte-order mark");
        Assert.DoesNotContain((byte)'\r', bytes);
        Assert.Equal((byte)'\n', bytes[^1]);
        Assert.All(company.Rows[file], row => Assert.Equal(header.Split(',').Length, row.Length));
    }

    [Fact]
    public void Generate_Report_CountsTheRowsOfEveryFile()
    {
        var r = company.Report;

        Assert.Equal(
            [company.Reps.Count, company.Accounts.Count, company.Contacts.Count, company.Orders.Count, company.OrderLines.Count, company.Engagements.Count, company.Opportunities.Count],
            new[] { r.Reps, r.Accounts, r.Contacts, r.Orders, r.OrderLines, r.Engagements, r.Opportunities }.Select(n => (int)n));
        Assert.Equal(1_500, company.Accounts.Count);
        Assert.Equal(company.Truth.Count(t => t[1].Length > 0), r.ChurnedAccounts);
    }

    [Fact]
    public void Generate_NothingDatedAfterAsOf()
    {
        var dates = company.Accounts.Select(a => a[4])
            .Concat(company.Orders.Select(o => o[2]))
            .Concat(company.Engagements.Select(e => e[2]))
            .Concat(company.Opportunities.SelectMany(p => new[] { p[2], p[3] }))
            .Concat(company.Truth.Select(t => t[1]))
            .Where(d => d.Length > 0)
            .Select(Date)
            .ToList();

        Assert.True(dates.Count > 10_000);
        Assert.All(dates, d => Assert.True(d <= asOf, $"{d:yyyy-MM-dd} is after the as-of date"));
    }

    [Fact]
    public void Generate_Ids_AreUniqueZeroPaddedAndInFileOrder()
    {
        Assert.Equal("A000001", company.Accounts[0][0]);
        Assert.Equal("O00000001", company.Orders[0][0]);
        Assert.Equal("R001", company.Reps[0][0]);
        foreach (var (rows, prefix) in new[] { (company.Accounts, "A"), (company.Orders, "O"), (company.Contacts, "C"), (company.Engagements, "E"), (company.Opportunities, "OP"), (company.Reps, "R") })
        {
            var ids = rows.Select(r => r[0]).ToList();
            Assert.All(ids, id => Assert.StartsWith(prefix, id, StringComparison.Ordinal));
            Assert.Equal(ids.Count, ids.Distinct().Count());
            Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        }
    }

    [Fact]
    public void Generate_EveryRow_RefersToExistingRows()
    {
        var accounts = company.Accounts.Select(a => a[0]).ToHashSet();
        var reps = company.Reps.Select(r => r[0]).ToHashSet();
        var orders = company.Orders.Select(o => o[0]).ToHashSet();

        Assert.All(company.Accounts, a => Assert.Contains(a[5], reps));
        Assert.All(company.Orders, o => Assert.Contains(o[1], accounts));
        Assert.All(company.OrderLines, l => Assert.Contains(l[0], orders));
        Assert.All(company.Contacts, c => Assert.Contains(c[1], accounts));
        Assert.All(company.Engagements, e => Assert.Contains(e[1], accounts));
        Assert.All(company.Opportunities, p => Assert.Contains(p[1], accounts));
    }

    [Fact]
    public void Generate_Orders_SortedByAccountThenDateAndNoneBeforeTheAccountWasCreated()
    {
        var created = company.Accounts.ToDictionary(a => a[0], a => Date(a[4]));
        var keys = company.Orders.Select(o => (o[1], o[2])).ToList();

        Assert.Equal(keys.OrderBy(k => k.Item1, StringComparer.Ordinal).ThenBy(k => k.Item2, StringComparer.Ordinal), keys);
        Assert.All(company.Orders, o => Assert.True(Date(o[2]) >= created[o[1]]));
        var engagementKeys = company.Engagements.Select(e => (e[1], e[2])).ToList();
        Assert.Equal(engagementKeys.OrderBy(k => k.Item1, StringComparer.Ordinal).ThenBy(k => k.Item2, StringComparer.Ordinal), engagementKeys);
    }

    [Fact]
    public void Generate_OrderLines_SumExactlyToTheOrderAmount()
    {
        var lineTotals = company.OrderLines
            .GroupBy(l => l[0])
            .ToDictionary(g => g.Key, g => g.Sum(l => int.Parse(l[5], System.Globalization.CultureInfo.InvariantCulture) * Money(l[6])));

        Assert.All(company.Orders, o =>
        {
            Assert.Matches(@"^\d+\.\d\d$", o[3]);
            Assert.Equal(Money(o[3]), lineTotals[o[0]]);
            Assert.Equal("USD", o[4]);
        });
        Assert.All(company.OrderLines, l => Assert.Matches(@"^\d+\.\d\d$", l[6]));
    }

    [Fact]
    public void Generate_Truth_CoversEveryAccountAndNoPurchaseFollowsTheDropOut()
    {
        Assert.Equal(company.Accounts.Select(a => a[0]), company.Truth.Select(t => t[0]));
        var churned = company.Truth.Where(t => t[1].Length > 0).ToDictionary(t => t[0], t => Date(t[1]));

        Assert.All(churned.Values, d => Assert.True(d <= asOf));
        Assert.All(company.Orders.Where(o => churned.ContainsKey(o[1])), o => Assert.True(Date(o[2]) < churned[o[1]]));
        Assert.InRange(churned.Count / (double)company.Accounts.Count, 0.25, 0.6);
    }

    [Fact]
    public void Generate_CsvFieldsWithCommasOrQuotes_AreQuotedAndReadBack()
    {
        Assert.Contains(company.Accounts, a => a[1].Contains(',', StringComparison.Ordinal));
        Assert.Contains(company.Contacts, c => c[7].Contains(',', StringComparison.Ordinal));
        Assert.Contains(company.OrderLines, l => l[3] == "27\" Monitor");
    }

    [Fact]
    public void Generate_Codes_AreFromTheFormat()
    {
        Assert.All(company.Orders, o => Assert.Contains(o[5], new[] { "booked", "cancelled", "refunded" }));
        Assert.All(company.Engagements, e =>
        {
            Assert.Contains(e[3], new[] { "web_visit", "email_open", "email_click", "call_answered", "call_unanswered", "meeting", "support_ticket", "event" });
            Assert.Contains(e[4], new[] { "inbound", "outbound" });
        });
        Assert.All(company.Reps, r => Assert.Contains(r[4], new[] { "true", "false" }));
        Assert.All(company.Opportunities, p => Assert.Equal(p[3].Length == 0, p[4] is "qualification" or "proposal" or "negotiation"));
        Assert.All(company.Contacts, c => Assert.Matches("^((email|phone|social|postal)(;(email|phone|social|postal))*)?$", c[8]));
    }
}
