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

/// <summary>One purchase of an external log: account, order id, date, amount, and the line it came from.</summary>
public readonly record struct ExternalOrder(string AccountId, string OrderId, DateOnly Date, decimal Amount, int Line);

/// <summary>Reads CDNOW, Online Retail and event logs as orders, with errors that name file, line, column and value.</summary>
public static class ExternalFormats
{
    public static ExternalFormat Parse(string name) => name.ToLowerInvariant() switch
    {
        "cdnow" => ExternalFormat.Cdnow,
        "online-retail" => ExternalFormat.OnlineRetail,
        "elog" => ExternalFormat.Elog,
        _ => throw new InputException(name, "unknown format (expected cdnow, online-retail or elog)"),
    };

    /// <summary>The currency the format's amounts are in.</summary>
    public static string CurrencyOf(ExternalFormat format) => format == ExternalFormat.OnlineRetail ? "GBP" : "USD";

    /// <summary>Every order of the file; errors go to <paramref name="errors"/> and the bad rows are skipped.</summary>
    public static List<ExternalOrder> Read(ExternalFormat format, string path, InputErrors errors)
    {
        var name = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            errors.Add(name, 0, "", "", "file not found");
            return [];
        }

        var orders = new List<ExternalOrder>();
        var lineNo = 0;
        foreach (var raw in File.ReadLines(path))
        {
            lineNo++;
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var fields = format == ExternalFormat.Cdnow
                ? line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
                : line.Split(',');
            if (lineNo == 1 && !char.IsDigit(fields[0][0]))
            {
                continue; // a header row
            }

            var order = format switch
            {
                ExternalFormat.Cdnow => Cdnow(fields, name, lineNo, errors),
                ExternalFormat.OnlineRetail => OnlineRetail(fields, name, lineNo, errors),
                _ => Elog(fields, name, lineNo, errors),
            };
            if (order is { } o)
            {
                orders.Add(o);
            }
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

    private static ExternalOrder? Cdnow(string[] f, string file, int line, InputErrors errors)
    {
        // Master: id date cds dollars. Sample: master_id sample_id date cds dollars.
        if (f.Length is not (4 or 5))
        {
            errors.Add(file, line, "", "", $"expected 4 fields (id date cds dollars) or 5 (master_id sample_id date cds dollars), got {f.Length}");
            return null;
        }

        var offset = f.Length - 4;
        var date = Compact(f[1 + offset], file, line, "date", errors);
        var amount = Amount(f[3 + offset], file, line, "dollars", errors);
        var id = f[0].TrimStart('0');
        return date is null || amount is null ? null : new ExternalOrder(id.Length == 0 ? "0" : id, $"{id}-{line}", date.Value, amount.Value, line);
    }

    private static ExternalOrder? OnlineRetail(string[] f, string file, int line, InputErrors errors)
    {
        if (f.Length != 7)
        {
            errors.Add(file, line, "", "", $"expected 7 fields, got {f.Length}");
            return null;
        }

        DateOnly? date = f[2].Length >= 10 && IsoDate.TryParse(f[2].AsSpan(0, 10), out var d) ? d : null;
        if (date is null)
        {
            errors.Add(file, line, "invoice_datetime", f[2], "not a valid date-time (yyyy-MM-dd HH:mm:ss)");
        }

        var amount = Amount(f[5], file, line, "amount_gbp", errors);
        return date is null || amount is null ? null : new ExternalOrder(f[0], f[1], date.Value, amount.Value, line);
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

        errors.Add(file, line, column, text, "not a valid date (expected yyyymmdd)");
        return null;
    }

    private static decimal? Amount(string text, string file, int line, string column, InputErrors errors)
    {
        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount) && amount >= 0)
        {
            return amount;
        }

        errors.Add(file, line, column, text, "not a non-negative amount");
        return null;
    }
}
