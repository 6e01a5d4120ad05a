using System.Globalization;
using Rekindle.Common;
using Rekindle.Reactivation;
using DirectoryRep = Rekindle.Reactivation.RepInfo;

namespace Rekindle.App.Csv;

/// <summary>
/// Reads what reactivation needs beyond the book from a CSV folder: contacts (with the channels they opted out of),
/// order lines joined to their order's account, date and status, and reps. Contacts, order lines and reps are
/// optional files (an account with no contact has no reachable channel; one with no lines has no favourite product).
/// Every error names file, line, column and value; any error and nothing is returned.
/// </summary>
public static class DirectoryLoader
{
    public static ReactivationDirectory Load(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new InputException(folder, "folder not found");
        }

        var errors = new InputErrors();
        foreach (var spec in new[] { CsvSchema.Accounts, CsvSchema.Orders }.Where(s => !s.ExistsIn(folder)))
        {
            errors.Add(spec.FileName, 0, "", "", $"required file is missing from {folder}");
        }

        errors.ThrowIfAny();
        var accounts = ReadAccountIds(folder, errors);
        var orders = ReadOrders(folder, errors);
        var contacts = ReadContacts(folder, accounts, errors);
        var lines = ReadLines(folder, orders, errors);
        var reps = ReadReps(folder, errors);
        errors.ThrowIfAny();
        return ReactivationDirectory.Create(contacts, lines, reps);
    }

    private static HashSet<string> ReadAccountIds(string folder, InputErrors errors)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        using var f = CsvSchema.Accounts.Open(folder, errors);
        while (f is not null && f.Read())
        {
            if (f.Required(0) is { } id)
            {
                ids.Add(id);
            }
        }

        return ids;
    }

    private static Dictionary<string, (string AccountId, DateOnly Date, OrderStatus Status)> ReadOrders(string folder, InputErrors errors)
    {
        var orders = new Dictionary<string, (string, DateOnly, OrderStatus)>(StringComparer.Ordinal);
        using var f = CsvSchema.Orders.Open(folder, errors);
        while (f is not null && f.Read())
        {
            var id = f.Required(0);
            var account = f.Required(1);
            var date = f.Date(2);
            if (!Codes.TryParse(f.Span(5), out OrderStatus status))
            {
                f.Error(5, f.Text(5), "expected booked, cancelled or refunded");
                continue;
            }

            if (id is not null && account is not null && date is not null && !orders.TryAdd(id, (account, date.Value, status)))
            {
                f.Error(0, id, "duplicate order_id");
            }
        }

        return orders;
    }

    private static List<Contact> ReadContacts(string folder, HashSet<string> accounts, InputErrors errors)
    {
        var contacts = new List<Contact>();
        if (!CsvSchema.Contacts.ExistsIn(folder))
        {
            return contacts;
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        using var f = CsvSchema.Contacts.Open(folder, errors);
        while (f is not null && f.Read())
        {
            var id = f.Required(0);
            var account = f.Required(1);
            if (account is not null && !accounts.Contains(account))
            {
                f.Error(1, account, "account_id is not in accounts.csv");
                account = null;
            }

            if (!ChannelSets.TryParse(f.Text(8), out var optedOut, ";"))
            {
                f.Error(8, f.Text(8), $"unknown channel (expected {string.Join(", ", Codes.AllChannels)}, joined by ';')");
                continue;
            }

            if (id is not null && !ids.Add(id))
            {
                f.Error(0, id, "duplicate contact_id");
                continue;
            }

            if (id is not null && account is not null)
            {
                contacts.Add(new Contact(id, account, f.Text(2), f.Text(3), Blank(f.Text(4)), Blank(f.Text(5)), Blank(f.Text(6)), Blank(f.Text(7)), optedOut));
            }
        }

        return contacts;
    }

    private static List<OrderLine> ReadLines(string folder, Dictionary<string, (string AccountId, DateOnly Date, OrderStatus Status)> orders, InputErrors errors)
    {
        var lines = new List<OrderLine>();
        if (!CsvSchema.OrderLines.ExistsIn(folder))
        {
            return lines;
        }

        var keys = new HashSet<(string, int)>();
        using var f = CsvSchema.OrderLines.Open(folder, errors);
        while (f is not null && f.Read())
        {
            var orderId = f.Required(0);
            var order = (AccountId: "", Date: default(DateOnly), Status: default(OrderStatus));
            if (orderId is not null && !orders.TryGetValue(orderId, out order))
            {
                f.Error(0, orderId, "unknown order (not in orders.csv)");
                orderId = null;
            }

            var lineNo = f.Integer(1);
            if (lineNo < 1)
            {
                f.Error(1, lineNo.Value.ToString(CultureInfo.InvariantCulture), "a line number starts at 1");
                lineNo = null;
            }

            var quantity = f.Integer(5); // whole units, as the workspace stores them: segments --data and import agree
            var price = f.Decimal(6);
            if (orderId is null || lineNo is null || quantity is null || price is null)
            {
                continue;
            }

            if (!keys.Add((orderId, lineNo.Value)))
            {
                f.Error(1, lineNo.Value.ToString(CultureInfo.InvariantCulture), $"duplicate line of order {orderId}");
                continue;
            }

            lines.Add(new OrderLine(order.AccountId, orderId, order.Date, order.Status, f.Text(2), f.Text(3), f.Text(4), quantity.Value, price.Value));
        }

        return lines;
    }

    private static List<DirectoryRep> ReadReps(string folder, InputErrors errors)
    {
        var reps = new List<DirectoryRep>();
        if (!CsvSchema.Reps.ExistsIn(folder))
        {
            return reps;
        }

        using var f = CsvSchema.Reps.Open(folder, errors);
        while (f is not null && f.Read())
        {
            var id = f.Required(0);
            var active = f.Boolean(4);
            if (id is not null && active is not null)
            {
                reps.Add(new DirectoryRep(id, f.Text(1), f.Text(2), active.Value));
            }
        }

        return reps;
    }

    private static string? Blank(string text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
