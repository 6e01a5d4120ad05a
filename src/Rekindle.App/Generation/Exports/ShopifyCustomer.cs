using System.Globalization;

namespace Rekindle.App.Generation.Exports;

/// <summary>
/// An account as a Shopify customer: its first contact that has an e-mail address (else its first contact).
/// Orders name the customer by Email; an account without an e-mail, or whose e-mail an earlier account already
/// uses, has none and is named by Billing Name, which is then the account's name.
/// </summary>
internal sealed record ShopifyCustomer(
    long AccountNumber, string First, string Last, string Email, string BillingName, string Company, bool AcceptsMarketing,
    string Phone, string Street, string City, string State, string Zip)
{
    public static Dictionary<string, ShopifyCustomer> For(SourceCompany company)
    {
        var contacts = company.Contacts.GroupBy(c => c.AccountId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.FirstOrDefault(c => c.Email.Length > 0) ?? g.First(), StringComparer.Ordinal);
        var emails = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var customers = new Dictionary<string, ShopifyCustomer>(StringComparer.Ordinal);
        foreach (var a in company.Accounts)
        {
            var c = contacts.GetValueOrDefault(a.Id);
            var email = c is { Email.Length: > 0 } && emails.Add(c.Email) ? c.Email : "";
            var (first, last) = c is null ? ("", "") : Synthetic.SplitName(c.Name);
            var (street, city, state, zip) = SalesforceExport.Address(c?.Postal ?? "");
            customers[a.Id] = new ShopifyCustomer(
                a.Number, first, last, email, email.Length > 0 && c is not null ? c.Name : a.Name, a.Name,
                c is not null && email.Length > 0 && !c.OptedOut("email"), c?.Phone ?? "", street, city, state, zip);
        }

        return customers;
    }

    public static void Write(SourceCompany company, Dictionary<string, ShopifyCustomer> customers, string path, IdMap ids)
    {
        var spent = new Dictionary<string, (decimal Total, int Count)>(StringComparer.Ordinal);
        foreach (var o in company.Orders)
        {
            var (total, count) = spent.GetValueOrDefault(o.AccountId);
            spent[o.AccountId] = (o.Status == "booked" ? total + o.Amount : total, count + 1);
        }

        var owners = company.Reps.ToDictionary(r => r.Id, r => r.Name, StringComparer.Ordinal);
        using var csv = ExportCsv.Create(path, quoteAll: false);
        csv.Row(ShopifyExport.CustomerColumns);
        foreach (var a in company.Accounts)
        {
            var c = customers[a.Id];
            var (total, count) = spent.GetValueOrDefault(a.Id);
            var id = ShopifyExport.CustomerId(a.Number).ToString(CultureInfo.InvariantCulture);
            csv.Row(id, c.First, c.Last, c.Email, a.Name, c.AcceptsMarketing ? "yes" : "no", ExportCsv.Money(total),
                count.ToString(CultureInfo.InvariantCulture), $"B2B, {a.Industry}, {a.Region}",
                $"Account owner: {owners[a.OwnerRepId]}. Customer since {ExportCsv.Date(a.Created)}.", c.Phone, "yes");
            ids.Add("accounts", a.Id, id);
            ids.Add("account_keys", a.Id, c.Email.Length > 0 ? c.Email : c.BillingName);
        }
    }
}
