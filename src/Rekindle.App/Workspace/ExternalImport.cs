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
    private static readonly string[] OnlineRetailColumns = ["customer_id", "invoice_no", "invoice_datetime", "n_lines", "total_quantity", "amount_gbp", "country"];

    private readonly FileCounts rejected = new(Path.GetFileName(path));

    public static string CurrencyOf(ImportFormat format) => format == ImportFormat.OnlineRetail ? "GBP" : "USD";

    public void Run()
    {
        var name = Path.GetFileName(path);
        var rows = new List<Row>();
        if (format == ImportFormat.Cdnow)
        {
            ReadCdnow(name, rows);
        }
        else if (format == ImportFormat.Elog)
        {
            ReadElog(rows);
        }
        else
        {
            ReadOnlineRetail(name, rows);
        }

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

        var rates = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);
        if (run.Options.RatesPath is { } ratesPath)
        {
            Rates.Read(ratesPath, run, rates);
        }

        if (rates.TryGetValue(currency, out var rate))
        {
            return rate;
        }

        var before = run.Errors.Count;
        run.Errors.Add(name, 0, "", currency, $"the file's amounts are in {currency}, not the workspace's reporting currency {run.Currency}; give a rate for {currency} with --rates FILE");
        run.FatalIfNew(before);
        return 0m;
    }

    private void ReadCdnow(string name, List<Row> rows)
    {
        using var reader = OpenText(name);
        if (reader is null)
        {
            return;
        }

        var perDay = new Dictionary<(string, DateOnly), int>();
        var lineNo = 0;
        var seenData = false;
        try
        {
            for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
            {
                lineNo++;
                var fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length == 0)
                {
                    continue;
                }

                if (!seenData && !fields[0].All(char.IsAsciiDigit))
                {
                    seenData = true; // the master's header line
                    continue;
                }

                seenData = true;
                run.Tick(name, lineNo, 0);
                if (fields.Length is not (4 or 5))
                {
                    Reject(name, lineNo, "", "", $"expected 4 fields (customer_id date number_of_cds dollar_value) or 5 (master_id sample_id date cds dollars), got {fields.Length} (a truncated or malformed line?)");
                    run.RowRejected(rejected, lineNo, () => line);
                    continue;
                }

                var o = fields.Length - 4;
                var customer = fields[0].TrimStart('0') is { Length: > 0 } trimmed ? trimmed : "0";
                var dateOk = DateOnly.TryParseExact(fields[1 + o], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date);
                if (!fields[0].All(char.IsAsciiDigit) || fields[0].Length > Fields.MaxIdLength)
                {
                    Reject(name, lineNo, "customer_id", fields[0], "a customer id is digits");
                }

                if (!dateOk)
                {
                    Reject(name, lineNo, "date", fields[1 + o], "not a valid date (expected yyyymmdd, a real calendar day)");
                }

                if (!int.TryParse(fields[2 + o], NumberStyles.None, CultureInfo.InvariantCulture, out _))
                {
                    Reject(name, lineNo, "number_of_cds", fields[2 + o], "not a whole number of CDs");
                }

                var amount = Amount(name, lineNo, "dollar_value", fields[3 + o]);
                if (run.RowRejected(rejected, lineNo, () => line) || amount is null)
                {
                    continue;
                }

                var key = (customer, date);
                var n = perDay[key] = perDay.GetValueOrDefault(key) + 1;
                rows.Add(new Row(lineNo, customer, $"{customer}-{fields[1 + o]}-{n}", date, amount.Value, ""));
            }
        }
        catch (DecoderFallbackException)
        {
            Fatal(name, lineNo + 1, "not UTF-8 text");
        }
    }

    /// <summary>The event log through the same reader as <c>backtest --data --input-format elog</c>: one parse, the same errors.</summary>
    private void ReadElog(List<Row> rows)
    {
        foreach (var o in ExternalFormats.Read(ExternalFormat.Elog, path, run.Errors))
        {
            rows.Add(new Row(o.Line, o.AccountId, o.OrderId, o.Date, o.Amount, ""));
        }

        run.RowRejected(rejected, -1, null);
    }

    private void ReadOnlineRetail(string name, List<Row> rows)
    {
        var before = run.Errors.Count;
        using var f = CsvFile.Open(path, name, OnlineRetailColumns, [], run.Errors);
        run.FatalIfNew(before);
        while (f is not null && f.Read())
        {
            run.Tick(name, f.Line, 0);
            var customer = Fields.Id(f, 0);
            var invoice = Fields.Id(f, 1);
            var stamp = f.Span(2);
            var date = default(DateOnly);
            var dateOk = stamp.Length == 19 && IsoDate.TryParse(stamp[..10], out date) && stamp[10] == ' '
                && TimeOnly.TryParseExact(stamp[11..], "HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
            if (!dateOk)
            {
                f.Error(2, stamp.ToString(), "not a valid date-time (expected yyyy-MM-dd HH:mm:ss)");
            }

            f.Integer(3);
            f.Integer(4);
            var amount = Fields.Money(f, 5);
            if (amount < 0)
            {
                f.Error(5, amount.Value.ToString(CultureInfo.InvariantCulture), "a booked order cannot have a negative amount");
            }

            var country = Fields.Text(f, 6);
            if (!run.HasErrorsOn(f.Line) && customer is not null && invoice is not null && amount is not null)
            {
                rows.Add(new Row(f.Line, customer, invoice, date, amount.Value, country));
            }

            run.RowRejected(rejected, f.Line, () => string.Join(',', Enumerable.Range(0, OnlineRetailColumns.Length).Select(i => RejectsFile.Quote(f.Text(i)))));
        }

        run.RowRejected(rejected, -1, null);
    }

    private StreamReader? OpenText(string name)
    {
        if (!File.Exists(path))
        {
            Fatal(name, 0, "file not found");
            return null;
        }

        using (var probe = File.OpenRead(path))
        {
            Span<byte> head = stackalloc byte[4096];
            if (probe.Length == 0)
            {
                Fatal(name, 0, "the file is empty");
                return null;
            }

            if (head[..probe.Read(head)].Contains((byte)0))
            {
                Fatal(name, 0, "not a UTF-8 text file (it contains binary data)");
                return null;
            }
        }

        return new StreamReader(path, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
    }

    private decimal? Amount(string name, int line, string column, string text)
    {
        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            Reject(name, line, column, text, "not a number (use digits with a '.' decimal point)");
            return null;
        }

        if (amount < 0)
        {
            Reject(name, line, column, text, "a booked order cannot have a negative amount");
            return null;
        }

        if (!Money.Fits(amount))
        {
            Reject(name, line, column, text, $"more than {Money.Scale} decimal places (or too large)");
            return null;
        }

        return amount;
    }

    private void Reject(string name, int line, string column, string value, string reason) =>
        run.Errors.Add(name, line, column, value, reason);

    private void Fatal(string name, int line, string reason)
    {
        var before = run.Errors.Count;
        run.Errors.Add(name, line, "", "", reason);
        run.FatalIfNew(before);
    }

    private sealed record Row(int Line, string Customer, string OrderId, DateOnly Date, decimal Amount, string Region);
}
