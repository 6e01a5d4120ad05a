using Microsoft.EntityFrameworkCore;
using Rekindle.Reactivation;
using Rekindle.Storage;

namespace Rekindle.App.Reactivation;

/// <summary>Reads the reactivation directory (contacts, order lines with their order's account, date and status, reps) from the workspace.</summary>
public static class WorkspaceDirectory
{
    /// <summary>
    /// Every contact (per account in ordinal id order, so the first is the same on both providers), every order line
    /// joined to its order (unless <paramref name="withOrderLines"/> is false: an export needs contacts and reps only),
    /// and every rep, without tracking.
    /// </summary>
    public static ReactivationDirectory Load(WorkspaceDb db, bool withOrderLines = true)
    {
        var contacts = db.Contacts.AsNoTracking().AsEnumerable()
            .Select(c => new Rekindle.Reactivation.Contact(
                c.ContactId, c.AccountId, c.Name, c.Role, Blank(c.Email), Blank(c.Phone), Blank(c.Social), Blank(c.PostalAddress), OptedOut(c)))
            .OrderBy(c => c.AccountId, StringComparer.Ordinal)
            .ThenBy(c => c.Id, StringComparer.Ordinal)
            .ToList();
        var lines = !withOrderLines ? [] : db.OrderLines.AsNoTracking()
            .Join(db.Orders.AsNoTracking(), l => l.OrderId, o => o.OrderId, (l, o) => new
            {
                o.AccountId,
                o.OrderId,
                o.OrderDate,
                o.Status,
                l.Sku,
                l.ProductName,
                l.Category,
                l.Quantity,
                l.UnitPrice,
            })
            .AsEnumerable()
            .Select(x => new Rekindle.Reactivation.OrderLine(x.AccountId, x.OrderId, x.OrderDate, x.Status, x.Sku, x.ProductName, x.Category, x.Quantity, x.UnitPrice));
        var reps = db.Reps.AsNoTracking().AsEnumerable().Select(r => new RepInfo(r.RepId, r.Name, r.Email, r.Active));
        return ReactivationDirectory.Create(contacts, lines, reps);
    }

    private static ChannelSet OptedOut(Storage.Contact c)
    {
        var set = ChannelSet.None;
        set |= c.OptOutEmail ? ChannelSet.Email : ChannelSet.None;
        set |= c.OptOutPhone ? ChannelSet.Phone : ChannelSet.None;
        set |= c.OptOutSocial ? ChannelSet.Social : ChannelSet.None;
        set |= c.OptOutPostal ? ChannelSet.Postal : ChannelSet.None;
        return set;
    }

    private static string? Blank(string text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
