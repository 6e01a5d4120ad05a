using Rekindle.Lifecycle;
using Rekindle.Reactivation;
using DirectoryRep = Rekindle.Reactivation.RepInfo;

namespace Rekindle.App.Csv;

public static partial class BookLoader
{
    /// <summary>
    /// What reactivation needs beyond the book, read in the same load: contacts (with the channels they opted out of),
    /// order lines joined to their order's account, date and status, and the reps already read. Contacts and order
    /// lines are optional files (an account with no contact has no reachable channel; one with no lines has no
    /// favourite product).
    /// </summary>
    private static ReactivationDirectory ReadDirectory(string folder, AccountBookBuilder builder, KnownIds accounts, Dictionary<string, OrderOf> orders, Dictionary<string, RepInfo> reps, InputErrors errors)
    {
        var contacts = ReadContacts(folder, accounts, errors);
        var lines = ReadLines(folder, builder, orders, errors);
        return ReactivationDirectory.Create(contacts, lines, reps.Values.Select(r => new DirectoryRep(r.Id, r.Name, r.Email, r.Active)));
    }

    private static List<Contact> ReadContacts(string folder, KnownIds accounts, InputErrors errors)
    {
        var contacts = new List<Contact>();
        if (!CsvSchema.Contacts.ExistsIn(folder))
        {
            return contacts;
        }

        var firstLines = new Dictionary<string, int>(StringComparer.Ordinal);
        using var f = CsvSchema.Contacts.Open(folder, errors);
        Stop(f is not null, errors);
        while (f is not null && f.Read())
        {
            if (!FolderRows.Contact(f, accounts, out var c))
            {
                continue;
            }

            if (!firstLines.TryAdd(c.Id, f.Line))
            {
                f.Error(0, c.Id, FolderRows.Duplicate(firstLines[c.Id]));
                continue;
            }

            contacts.Add(new Contact(c.Id, c.AccountId, c.Name, c.Role, Blank(c.Email), Blank(c.Phone), Blank(c.Social), Blank(c.PostalAddress), c.OptOut));
        }

        return contacts;
    }

    private static List<OrderLine> ReadLines(string folder, AccountBookBuilder builder, Dictionary<string, OrderOf> orders, InputErrors errors)
    {
        var lines = new List<OrderLine>();
        if (!CsvSchema.OrderLines.ExistsIn(folder))
        {
            return lines;
        }

        var lookup = orders.GetAlternateLookup<ReadOnlySpan<char>>();
        var known = new KnownIds("order", CsvSchema.Orders.FileName, id => lookup.ContainsKey(id) ? 0 : -1);
        var firstLines = new Dictionary<(string, int), int>();
        using var f = CsvSchema.OrderLines.Open(folder, errors);
        Stop(f is not null, errors);
        while (f is not null && f.Read())
        {
            if (!FolderRows.Line(f, known, out var l))
            {
                continue;
            }

            if (!firstLines.TryAdd((l.OrderId, l.LineNo), f.Line))
            {
                FolderRows.DuplicateLine(f, firstLines[(l.OrderId, l.LineNo)]);
                continue;
            }

            var order = orders[l.OrderId];
            lines.Add(new OrderLine(builder.Id(order.Account), l.OrderId, order.Date, order.Status, l.Sku, l.ProductName, l.Category, l.Quantity, l.UnitPrice));
        }

        return lines;
    }

    private static string? Blank(string text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
