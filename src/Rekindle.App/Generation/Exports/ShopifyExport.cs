using System.Globalization;

namespace Rekindle.App.Generation.Exports;

/// <summary>
/// A Shopify orders export (orders_export_1.csv, then orders_export_2.csv... once a file holds
/// <see cref="ExportOptions.ShopifyRowsPerFile"/> line-item rows; an order never spans two files) and
/// customers_export.csv. UTF-8, LF, quoted only when needed. One row per line item, newest order first; Name
/// and Email on every row, the other order-level fields on the order's first row only. Orders are numbered
/// #1001 up in date order; Created at is local store time (US Eastern, -0500 or -0400 in summer time).
/// </summary>
public static class ShopifyExport
{
    public const string CustomersFile = "customers_export.csv";
    public const int FirstOrderNumber = 1001;

    public static readonly string[] OrderColumns =
    [
        "Name", "Email", "Financial Status", "Paid at", "Fulfillment Status", "Fulfilled at", "Accepts Marketing", "Currency", "Subtotal", "Shipping", "Taxes",
        "Total", "Discount Code", "Discount Amount", "Shipping Method", "Created at", "Lineitem quantity", "Lineitem name", "Lineitem price",
        "Lineitem compare at price", "Lineitem sku", "Lineitem requires shipping", "Lineitem taxable", "Lineitem fulfillment status", "Billing Name",
        "Billing Street", "Billing Address1", "Billing Address2", "Billing Company", "Billing City", "Billing Zip", "Billing Province", "Billing Country",
        "Billing Phone", "Shipping Name", "Shipping Street", "Shipping Address1", "Shipping Address2", "Shipping Company", "Shipping City", "Shipping Zip",
        "Shipping Province", "Shipping Country", "Shipping Phone", "Notes", "Note Attributes", "Cancelled at", "Payment Method", "Payment Reference",
        "Refunded Amount", "Vendor", "Outstanding Balance", "Employee", "Location", "Device ID", "Id", "Tags", "Risk Level", "Source", "Lineitem discount",
        "Tax 1 Name", "Tax 1 Value", "Tax 2 Name", "Tax 2 Value", "Tax 3 Name", "Tax 3 Value", "Tax 4 Name", "Tax 4 Value", "Tax 5 Name", "Tax 5 Value",
        "Phone", "Receipt Number", "Duties", "Billing Province Name", "Shipping Province Name", "Payment ID", "Payment Terms Name", "Next Payment Due At",
        "Payment References",
    ];

    public static readonly string[] CustomerColumns =
        ["Customer ID", "First Name", "Last Name", "Email", "Company", "Accepts Email Marketing", "Total Spent", "Total Orders", "Tags", "Note", "Phone", "Tax Exempt"];

    private static readonly Dictionary<string, int> Column = OrderColumns.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);

    public static string OrdersFile(int part) => $"orders_export_{part}.csv";

    public static long OrderId(long sequence) => 5_000_000_000_000 + Synthetic.Scatter(sequence);

    public static long CustomerId(long accountNumber) => 7_000_000_000_000 + Synthetic.Scatter(accountNumber);

    /// <summary>US Eastern time's offset on a day: -0400 from the second Sunday of March to the first Sunday of November.</summary>
    public static string EasternOffset(DateOnly day)
    {
        static DateOnly Sunday(int year, int month, int nth)
        {
            var first = new DateOnly(year, month, 1);
            return first.AddDays((7 - (int)first.DayOfWeek) % 7 + (7 * (nth - 1)));
        }

        return day >= Sunday(day.Year, 3, 2) && day < Sunday(day.Year, 11, 1) ? "-0400" : "-0500";
    }

    public static string Timestamp(DateOnly day, TimeOnly time) =>
        Synthetic.DateTime(day, time, "yyyy-MM-dd HH:mm:ss") + " " + EasternOffset(day);

    internal static IReadOnlyList<string> Write(SourceCompany company, string folder, ExportOptions options)
    {
        var customers = ShopifyCustomer.For(company);
        var lines = company.Lines().GroupBy(l => l.OrderId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        var ordered = company.Orders.OrderBy(o => o.Date).ThenBy(o => o.Number).ToArray();
        var perDay = ordered.GroupBy(o => o.Date).ToDictionary(g => g.Key, g => g.Count());
        var written = new List<string>();
        using var ids = new IdMap(folder);
        ExportCsv? csv = null;
        var rowsInFile = 0;
        try
        {
            DateOnly day = default;
            var inDay = 0;
            var times = new TimeOnly[ordered.Length];
            for (var i = 0; i < ordered.Length; i++)
            {
                inDay = ordered[i].Date == day ? inDay + 1 : 0;
                day = ordered[i].Date;
                times[i] = new TimeOnly(8, 0).Add(TimeSpan.FromSeconds((long)inDay * 36_000 / perDay[day] + (ordered[i].Number % 60)));
            }

            for (var i = ordered.Length - 1; i >= 0; i--)
            {
                var order = ordered[i];
                var orderLines = lines.GetValueOrDefault(order.Id, []);
                if (csv is null || (rowsInFile > 0 && rowsInFile + orderLines.Length > options.ShopifyRowsPerFile))
                {
                    csv?.Dispose();
                    var file = OrdersFile(written.Count + 1);
                    csv = ExportCsv.Create(Path.Combine(folder, file), quoteAll: false);
                    csv.Row(OrderColumns);
                    written.Add(file);
                    rowsInFile = 0;
                }

                var name = "#" + (FirstOrderNumber + i).ToString(CultureInfo.InvariantCulture);
                WriteOrder(csv, order, orderLines, name, OrderId(i + 1), times[i], customers[order.AccountId], options);
                rowsInFile += orderLines.Length;
                ids.Add("orders", order.Id, name);
            }

            if (csv is null)
            {
                csv = ExportCsv.Create(Path.Combine(folder, OrdersFile(1)), quoteAll: false);
                csv.Row(OrderColumns);
                written.Add(OrdersFile(1));
            }
        }
        finally
        {
            csv?.Dispose();
        }

        ShopifyCustomer.Write(company, customers, Path.Combine(folder, CustomersFile), ids);
        return [.. written, CustomersFile, ExportOptions.IdMapFile];
    }

    private static void WriteOrder(
        ExportCsv csv, SourceOrder order, SourceLine[] lines, string name, long id, TimeOnly time, ShopifyCustomer customer, ExportOptions options)
    {
        var created = Timestamp(order.Date, time);
        var age = options.AsOf.DayNumber - order.Date.DayNumber;
        var (financial, paid) = order.Status switch
        {
            "refunded" => ("refunded", true),
            "cancelled" => ("voided", false),
            _ when age <= 14 && order.Number % 5 == 0 => ("partially_paid", true),
            _ when age <= 14 && order.Number % 5 is 1 or 2 => ("authorized", false),
            _ => ("paid", true),
        };
        var fulfilled = order.Status != "cancelled" && age > 3;
        var later = (int)(order.Number % 600);
        for (var l = 0; l < lines.Length; l++)
        {
            var line = lines[l];
            var row = new string[OrderColumns.Length];
            Array.Fill(row, "");
            row[Column["Name"]] = name;
            row[Column["Email"]] = customer.Email;
            row[Column["Lineitem quantity"]] = line.Quantity.ToString(CultureInfo.InvariantCulture);
            row[Column["Lineitem name"]] = line.ProductName;
            row[Column["Lineitem price"]] = ExportCsv.Money(line.UnitPrice);
            row[Column["Lineitem sku"]] = line.Sku;
            row[Column["Lineitem requires shipping"]] = "true";
            row[Column["Lineitem taxable"]] = "false";
            row[Column["Lineitem fulfillment status"]] = fulfilled ? "fulfilled" : "pending";
            row[Column["Vendor"]] = line.Category;
            row[Column["Lineitem discount"]] = "0.00";
            if (l == 0)
            {
                Order(row, order, id, customer, created, financial, paid ? Timestamp(order.Date, time.AddMinutes(5 + (later % 50))) : "",
                    fulfilled ? Timestamp(order.Date.AddDays(1), new TimeOnly(9, 0).AddMinutes(later)) : "");
            }

            csv.Row(row);
        }
    }

    private static void Order(string[] row, SourceOrder order, long id, ShopifyCustomer customer, string created, string financial, string paidAt, string fulfilledAt)
    {
        void Set(string column, string value) => row[Column[column]] = value;
        var total = ExportCsv.Money(order.Amount);
        Set("Financial Status", financial);
        Set("Paid at", paidAt);
        Set("Fulfillment Status", fulfilledAt.Length > 0 ? "fulfilled" : "unfulfilled");
        Set("Fulfilled at", fulfilledAt);
        Set("Accepts Marketing", customer.AcceptsMarketing ? "yes" : "no");
        Set("Currency", order.Currency);
        Set("Subtotal", total);
        Set("Shipping", "0.00");
        Set("Taxes", "0.00");
        Set("Total", total);
        Set("Discount Amount", "0.00");
        Set("Shipping Method", "Standard Shipping");
        Set("Created at", created);
        foreach (var side in (string[])["Billing", "Shipping"])
        {
            Set(side + " Name", customer.BillingName);
            Set(side + " Street", customer.Street);
            Set(side + " Address1", customer.Street);
            Set(side + " Company", customer.Company);
            Set(side + " City", customer.City);
            Set(side + " Zip", customer.Zip.Length > 0 ? "'" + customer.Zip : "");
            Set(side + " Province", customer.State);
            Set(side + " Country", customer.State.Length > 0 ? "US" : "");
            Set(side + " Phone", customer.Phone);
        }

        Set("Cancelled at", financial == "voided" ? Timestamp(order.Date.AddDays(1), new TimeOnly(10, 0)) : "");
        Set("Payment Method", order.Number % 3 == 0 ? "Bank Deposit" : "Shopify Payments");
        Set("Refunded Amount", financial == "refunded" ? total : "0.00");
        Set("Outstanding Balance", financial switch
        {
            "authorized" => total,
            "partially_paid" => ExportCsv.Money(Math.Round(order.Amount / 2, 2)),
            _ => "0.00",
        });
        Set("Id", id.ToString(CultureInfo.InvariantCulture));
        Set("Risk Level", "Low");
        Set("Source", order.Number % 4 == 0 ? "shopify_draft_order" : "web");
        Set("Phone", customer.Phone);
        Set("Payment Terms Name", financial is "authorized" or "partially_paid" ? "Net 30" : "");
    }
}
