namespace Rekindle.App.Generation.Exports;

/// <summary>
/// Opportunity.csv: every Rekindle order as a closed opportunity (booked: Closed Won; cancelled or refunded:
/// Closed Lost, since a lost deal is how a CRM keeps a sale that did not happen), then every Rekindle
/// opportunity: open ones with their stage and an expected CloseDate after the export day (Salesforce
/// requires one), closed ones as Closed Lost whatever their Rekindle stage (a won deal would read as a sale).
/// </summary>
internal static class SalesforceOpportunities
{
    /// <summary>Opportunities made from Rekindle opportunities are numbered from here; those from orders from 1.</summary>
    public const long OpportunityBase = 50_000_000_000;

    private static readonly Dictionary<string, string> OpenStages = new(StringComparer.Ordinal)
    {
        ["qualification"] = "Qualification",
        ["proposal"] = "Proposal/Price Quote",
        ["negotiation"] = "Negotiation/Review",
    };

    public static void Write(SourceCompany company, SalesforceRecords records, ExportOptions options, ExportCsv csv, IdMap ids)
    {
        using (csv)
        {
            csv.Row(SalesforceExport.OpportunityColumns);
            var row = 0L;
            foreach (var o in company.Orders)
            {
                var account = records.AccountOf(o.AccountId);
                var won = o.Status == "booked";
                var id = SalesforceId.Create("006", o.Number);
                string[] fields = Fields(records, account, id, row++, $"{account.Name} - Order {ExportCsv.Date(o.Date)}",
                    won ? "Closed Won" : "Closed Lost", o.Amount, o.Date, true, won, o.Date.AddDays(-(int)(o.Number % 15)), o.Number);
                csv.Row(fields);
                ids.Add("orders", o.Id, id);
                if (o.Number % 101 == 0)
                {
                    fields[0] = SalesforceId.Create("006", SalesforceExport.DeletedBase + o.Number);
                    fields[1] = "1";
                    csv.Row(fields);
                }
            }

            foreach (var p in company.Opportunities)
            {
                var account = records.AccountOf(p.AccountId);
                var id = SalesforceId.Create("006", OpportunityBase + p.Number);
                var name = $"{account.Name} - {(p.Number % 2 == 0 ? "Renewal" : "Expansion")}";
                var expected = p.Opened.AddDays(90) > options.AsOf ? p.Opened.AddDays(90) : options.AsOf.AddDays(30);
                csv.Row(p.Closed is { } closed
                    ? Fields(records, account, id, row++, name, "Closed Lost", p.Amount, closed, true, false, p.Opened, OpportunityBase + p.Number)
                    : Fields(records, account, id, row++, name, OpenStages[p.Stage], p.Amount, expected, false, false, p.Opened, OpportunityBase + p.Number));
                ids.Add("opportunities", p.Id, id);
            }
        }
    }

    private static string[] Fields(
        SalesforceRecords records, SourceAccount account, string id, long row, string name, string stage, decimal usd,
        DateOnly closeDate, bool closed, bool won, DateOnly created, long key)
    {
        var currency = SalesforceExport.CurrencyOf(account.Number);
        var accountId = records.Account(account.Id);
        return
        [
            id, "0", row % 53 == 7 ? SalesforceId.To15(accountId) : accountId, name, stage,
            ExportCsv.Money(SalesforceExport.InCurrency(usd, currency)), currency, ExportCsv.Date(closeDate),
            SalesforceExport.Bool(closed), SalesforceExport.Bool(won), SalesforceExport.DateTime(created, key), records.User(account.OwnerRepId),
        ];
    }
}
