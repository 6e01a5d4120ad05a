using System.Globalization;
using System.Text;
using Rekindle.App.Csv;
using Rekindle.Common;
using Rekindle.Storage;

namespace Rekindle.App.Workspace;

/// <summary>The public order logs an import reads besides the CSV folder.</summary>
public enum ImportFormat
{
    /// <summary>The CSV folder format (accounts.csv, orders.csv, ...).</summary>
    Folder,

    /// <summary>CDNOW: whitespace-separated <c>customer_id yyyymmdd cds dollars</c> (master, with a header) or <c>master_id sample_id yyyymmdd cds dollars</c> (sample); USD.</summary>
    Cdnow,

    /// <summary>UCI Online Retail by invoice: <c>customer_id,invoice_no,invoice_datetime,n_lines,total_quantity,amount_gbp,country</c>; GBP.</summary>
    OnlineRetail,

    /// <summary>A Salesforce Data Export as downloaded: a folder or its .zip of Account.csv, User.csv, Opportunity.csv, ...</summary>
    Salesforce,

    /// <summary>HubSpot CSV exports of deals, and of companies and contacts when present (recognised by their columns).</summary>
    HubSpot,

    /// <summary>Any CSV export, read through <see cref="ImportOptions.Mapping"/>.</summary>
    Mapped,

    /// <summary>A Shopify orders export: orders_export_1.csv (and its numbered siblings), customers_export.csv when present.</summary>
    Shopify,

    /// <summary>An event log <c>cust,date</c> (BTYDplus grocery): a booked order of no amount per row, read by <see cref="ExternalFormats"/>, the one elog reader.</summary>
    Elog,

    /// <summary>One reps file in the reps.csv format (rep_id, name, email, commission_rate, active), any file name.</summary>
    Reps,
}

/// <summary>
/// Imports an order log as accounts and booked orders. An account is created on its first order's date (a log
/// has no created date); an order's id is the invoice number (Online Retail) or customer-date-n (CDNOW: the n-th
/// purchase of that customer that day), so the same purchase has the same id in the master and the sample.
/// Customer ids lose their leading zeros, as everywhere Rekindle reads CDNOW.
/// </summary>
internal sealed class ExternalImport(ImportRun run, ImportFormat format, string path, CancellationToken cancellationToken)
{
    private readonly FileCounts rejected = new(Path.GetFileName(path));

    public static string CurrencyOf(ImportFormat format) => format == ImportFormat.OnlineRetail ? "GBP" : "USD";

    public void Run()
    {
        var name = Path.GetFileName(path);
        var rows = new List<Row>();
        Read(name, rows);

        var rate = Rate(name);
        if (run.Fatal)
        {
            return;
        }

        var accountCounts = run.Counts(name + " (accounts)");
        var orderCounts = run.Counts(name);
        orderCounts.Rows = rows.Count + rejected.Rejected;
        orderCounts.Rejected = rejected.Rejected;

        using var accounts = new TableImport<Account>(run, cancellationToken);
        foreach (var first in rows.GroupBy(r => r.Customer, StringComparer.Ordinal).Select(g => g.MinBy(r => r.Date)!))
        {
            accountCounts.Rows++;
            var account = new Account
            {
                AccountId = first.Customer,
                Name = "Customer " + first.Customer,
                Region = first.Region,
                CreatedOn = first.Date,
            };
            accounts.Upsert(account, first.Line, accountCounts);
        }

        accounts.Flush();
        using var orders = new TableImport<Order>(run, cancellationToken);
        var total = rows.Count;
        var done = 0L;
        foreach (var r in rows)
        {
            run.Tick(name, ++done, total);
            var order = new Order
            {
                OrderId = r.OrderId,
                AccountId = r.Customer,
                OrderDate = r.Date,
                Amount = r.Amount,
                Currency = CurrencyOf(format),
                ReportingAmount = Money.Round(r.Amount * rate),
                Status = OrderStatus.Booked,
            };
            if (orders.Upsert(order, r.Line, orderCounts) == Upserted.Duplicate)
            {
                run.Errors.Add(name, r.Line, format == ImportFormat.OnlineRetail ? "invoice_no" : "customer_id", r.OrderId, $"duplicate id (first seen on line {orders.FirstSeenLine})");
                run.RowRejected(orderCounts, r.Line, () => r.OrderId);
            }
        }

        orders.Flush();
        run.SaveCurrency();
        run.Progress(name, total, total);
    }

    /// <summary>The rate of the format's currency into the workspace's; a file-level error when there is none.</summary>
    private decimal Rate(string name)
    {
        var currency = CurrencyOf(format);
        run.Currency ??= run.Options.Currency?.ToUpperInvariant() ?? currency;
        if (run.Currency == currency)
        {
            return 1m;
        }

        var before = run.Errors.Count;
        var rates = new Currencies(run.Currency);
        if (run.Options.RatesPath is { } ratesPath)
        {
            rates.Read(ratesPath, Path.GetFileName(ratesPath), run.Errors);
            run.FatalIfNew(before);
        }

        if (rates.Rates.TryGetValue(currency, out var rate))
        {
            return rate;
        }

        run.Errors.Add(name, 0, "", currency, $"the file's amounts are in {currency}, not the workspace's reporting currency {run.Currency}; give a rate for {currency} with --rates FILE");
        run.FatalIfNew(before);
        return 0m;
    }

    /// <summary>The log through its one reader (<see cref="ExternalFormats"/>, as backtest --data reads it): each bad row rejected with its text.</summary>
    private void Read(string name, List<Row> rows)
    {
        var before = run.Errors.Count;
        var kind = format switch
        {
            ImportFormat.Cdnow => ExternalFormat.Cdnow,
            ImportFormat.Elog => ExternalFormat.Elog,
            _ => ExternalFormat.OnlineRetail,
        };
        var reading = new LogReading(
            Rejected: (line, text) => run.RowRejected(rejected, line, () => text),
            Tick: line => run.Tick(name, line, 0));
        var orders = ExternalFormats.Read(kind, path, run.Errors, reading, out var unreadable);
        foreach (var o in orders)
        {
            rows.Add(new Row(o.Line, o.AccountId, o.OrderId, o.Date, o.Amount, o.Region));
        }

        if (unreadable)
        {
            run.FatalIfNew(before);
        }

        run.RowRejected(rejected, -1, null);
    }

    private sealed record Row(int Line, string Customer, string OrderId, DateOnly Date, decimal Amount, string Region);
}
