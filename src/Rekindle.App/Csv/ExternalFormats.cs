using System.Globalization;
using Rekindle.Common;
using Rekindle.Lifecycle;

namespace Rekindle.App.Csv;

/// <summary>The public order logs Rekindle reads besides its own CSV folder.</summary>
public enum ExternalFormat
{
    /// <summary>CDNOW (Fader, Hardie and Lee): whitespace-separated <c>id yyyymmdd cds dollars</c>, master or 1/10 sample.</summary>
    Cdnow,

    /// <summary>UCI Online Retail, aggregated to invoices: <c>customer_id,invoice_no,invoice_datetime,n_lines,total_quantity,amount_gbp,country</c>.</summary>
    OnlineRetail,

    /// <summary>An event log <c>cust,date</c> (BTYDplus grocery), with no amounts.</summary>
    Elog,
}

/// <summary>One purchase of an external log: account, order id, date, amount, region (Online Retail's country), and its line.</summary>
public readonly record struct ExternalOrder(string AccountId, string OrderId, DateOnly Date, decimal Amount, int Line, string Region = "");

/// <summary>
/// How a caller follows a log as it is read: <see cref="Rejected"/> gets each bad row's line and text (after its errors
/// are added), <see cref="Tick"/> each line number for progress.
/// </summary>
public sealed record LogReading(Action<int, string>? Rejected = null, Action<long>? Tick = null);

/// <summary>
/// The one reader of each public order log (CDNOW, Online Retail, event logs): the workspace import, backtest --data
/// and classify --data all read through it, so a file gives the same rows and the same errors on every path. Errors name
/// file, line, column and value; a file that cannot be read at all (missing, empty, binary, not UTF-8) is
/// <see cref="Unreadable"/>.
/// </summary>
public static class ExternalFormats
{
    private static readonly string[] OnlineRetailColumns = ["customer_id", "invoice_no", "invoice_datetime", "n_lines", "total_quantity", "amount_gbp", "country"];

    public static ExternalFormat Parse(string name) => name.ToLowerInvariant() switch
    {
        "cdnow" => ExternalFormat.Cdnow,
        "online-retail" => ExternalFormat.OnlineRetail,
        "elog" => ExternalFormat.Elog,
        _ => throw new InputException(name, "unknown format (expected cdnow, online-retail or elog)"),
    };

    /// <summary>The currency the format's amounts are in.</summary>
    public static string CurrencyOf(ExternalFormat format) => format == ExternalFormat.OnlineRetail ? "GBP" : "USD";

    /// <summary>Every order of the file; errors go to <paramref name="errors"/> and the bad rows are left out.</summary>
    public static List<ExternalOrder> Read(ExternalFormat format, string path, InputErrors errors, LogReading? reading = null) =>
        Read(format, path, errors, reading ?? new LogReading(), out _);

    /// <summary>As <see cref="Read(ExternalFormat, string, InputErrors, LogReading?)"/>; <paramref name="unreadable"/> says the file could not be read at all.</summary>
    public static List<ExternalOrder> Read(ExternalFormat format, string path, InputErrors errors, LogReading reading, out bool unreadable)
    {
        var name = Path.GetFileName(path);
        var orders = new List<ExternalOrder>();
        var before = errors.Count;
        if (format == ExternalFormat.OnlineRetail)
        {
            ReadOnlineRetail(path, name, errors, reading, orders, out unreadable);
            return orders;
        }

        using var text = OpenText(path, name, errors);
        unreadable = text is null;
        if (text is null)
        {
            return orders;
        }

        var perDay = new Dictionary<(string, DateOnly), int>();
        var lineNo = 0;
        var seenData = false;
        try
        {
            for (var raw = text.ReadLine(); raw is not null; raw = text.ReadLine())
            {
                lineNo++;
                reading.Tick?.Invoke(lineNo);
                var line = raw.Trim();
                var fields = format == ExternalFormat.Cdnow ? line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries) : line.Split(',');
                if (line.Length == 0)
                {
                    continue;
                }

                if (!seenData && !fields[0].All(char.IsAsciiDigit))
                {
                    seenData = true; // a header line
                    continue;
                }

                seenData = true;
                var errorsBefore = errors.Count;
                var order = format == ExternalFormat.Cdnow ? Cdnow(fields, name, lineNo, errors, perDay) : Elog(fields, name, lineNo, errors);
                if (errors.Count > errorsBefore || order is null)
                {
                    reading.Rejected?.Invoke(lineNo, raw);
                    continue;
                }

                orders.Add(order.Value);
            }
        }
        catch (System.Text.DecoderFallbackException)
        {
            errors.Add(name, lineNo + 1, "", "", "not UTF-8 text");
            unreadable = true;
        }

        return orders;
    }

    /// <summary>A book of the log's accounts (created on their first order) and booked orders.</summary>
    public static AccountBook ToBook(IReadOnlyList<ExternalOrder> orders)
    {
        var builder = new AccountBookBuilder();
        foreach (var group in orders.GroupBy(o => o.AccountId).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var first = group.Min(o => o.Date);
            var index = builder.AddAccount(new AccountInfo(group.Key, "Customer " + group.Key, "", "", first, ""));
            foreach (var o in group)
            {
                builder.AddOrder(index, o.Date, o.Amount, OrderStatus.Booked);
            }
        }

        return builder.Build();
    }

    private static ExternalOrder? Cdnow(string[] f, string file, int line, InputErrors errors, Dictionary<(string, DateOnly), int> perDay)
    {
        // Master: customer_id date cds dollars. Sample: master_id sample_id date cds dollars.
        if (f.Length is not (4 or 5))
        {
            errors.Add(file, line, "", "", $"expected 4 fields (customer_id date number_of_cds dollar_value) or 5 (master_id sample_id date cds dollars), got {f.Length} (a truncated or malformed line?)");
            return null;
        }

        var o = f.Length - 4;
        if (!f[0].All(char.IsAsciiDigit) || f[0].Length > 100)
        {
            errors.Add(file, line, "customer_id", f[0], "a customer id is digits");
        }

        var date = Compact(f[1 + o], file, line, "date", errors);
        if (!int.TryParse(f[2 + o], NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            errors.Add(file, line, "number_of_cds", f[2 + o], "not a whole number of CDs");
        }

        var amount = Amount(f[3 + o], file, line, "dollar_value", errors);
        if (date is null || amount is null)
        {
            return null;
        }

        // CDNOW's customer ids lose their leading zeros; a purchase is customer-yyyymmdd-n (the n-th that day), so the
        // sample's rows have the master's ids.
        var customer = f[0].TrimStart('0') is { Length: > 0 } trimmed ? trimmed : "0";
        var key = (customer, date.Value);
        var n = perDay[key] = perDay.GetValueOrDefault(key) + 1;
        return new ExternalOrder(customer, $"{customer}-{f[1 + o]}-{n}", date.Value, amount.Value, line);
    }

    private static void ReadOnlineRetail(string path, string name, InputErrors errors, LogReading reading, List<ExternalOrder> orders, out bool unreadable)
    {
        var before = errors.Count;
        using var f = CsvFile.Open(path, name, OnlineRetailColumns, [], errors);
        unreadable = f is null || errors.Count > before;
        while (f is not null && f.Read())
        {
            reading.Tick?.Invoke(f.Line);
            var errorsBefore = errors.Count;
            var customer = f.Required(0);
            var invoice = f.Required(1);
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
            var amount = Amount(f.Text(5), name, f.Line, "amount_gbp", errors);
            if (errors.Count > errorsBefore || customer is null || invoice is null || amount is null)
            {
                reading.Rejected?.Invoke(f.Line, string.Join(',', Enumerable.Range(0, OnlineRetailColumns.Length).Select(i => Reports.CsvText.Field(f.Text(i)))));
                continue;
            }

            orders.Add(new ExternalOrder(customer, invoice, date, amount.Value, f.Line, f.Text(6)));
        }
    }

    private static StreamReader? OpenText(string path, string name, InputErrors errors)
    {
        if (!File.Exists(path))
        {
            errors.Add(name, 0, "", "", "file not found");
            return null;
        }

        using (var probe = File.OpenRead(path))
        {
            Span<byte> head = stackalloc byte[4096];
            if (probe.Length == 0)
            {
                errors.Add(name, 0, "", "", "the file is empty");
                return null;
            }

            if (head[..probe.Read(head)].Contains((byte)0))
            {
                errors.Add(name, 0, "", "", "not a UTF-8 text file (it contains binary data)");
                return null;
            }
        }

        return new StreamReader(path, new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
    }

    private static ExternalOrder? Elog(string[] f, string file, int line, InputErrors errors)
    {
        if (f.Length < 2)
        {
            errors.Add(file, line, "", "", $"expected cust,date, got {f.Length} field(s)");
            return null;
        }

        DateOnly? date = IsoDate.TryParse(f[1], out var d) ? d : Compact(f[1], file, line, "date", errors);
        return date is null ? null : new ExternalOrder(f[0], $"{f[0]}-{line}", date.Value, 0m, line);
    }

    private static DateOnly? Compact(string text, string file, int line, string column, InputErrors errors)
    {
        if (DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(file, line, column, text, "not a valid date (expected yyyymmdd, a real calendar day)");
        return null;
    }

    private static decimal? Amount(string text, string file, int line, string column, InputErrors errors)
    {
        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            errors.Add(file, line, column, text, "not a number (use digits with a '.' decimal point)");
            return null;
        }

        if (amount < 0)
        {
            errors.Add(file, line, column, text, "a booked order cannot have a negative amount");
            return null;
        }

        if (decimal.Round(amount, 4) != amount || Math.Abs(amount) >= 900_000_000_000_000m)
        {
            errors.Add(file, line, column, text, "more than 4 decimal places (or too large)");
            return null;
        }

        return amount;
    }
}
