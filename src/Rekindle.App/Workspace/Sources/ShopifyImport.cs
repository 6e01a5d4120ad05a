using System.Globalization;
using Rekindle.App.Csv;
using Rekindle.Common;
using Rekindle.Storage;

namespace Rekindle.App.Workspace.Sources;

/// <summary>
/// Imports a Shopify orders export as downloaded: orders_export_1.csv and its numbered siblings (Shopify splits a large
/// export), and customers_export.csv when present. One row per line item, the order-level fields on an order's first
/// row only; the order id is its Name (#1001); the account is the customer, by Email, else Billing Name. Financial
/// Status says whether the order counts: paid, partially_paid, authorized and pending are booked; refunded is refunded;
/// voided and expired are cancelled, and so is any order with a Cancelled at; partially_refunded is booked less its
/// Refunded Amount. Accepts Marketing = no is an e-mail opt-out.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The tables are disposed by the using blocks of Run.")]
internal sealed class ShopifyImport(ImportRun run, string folder, CancellationToken cancellationToken)
{
    private static readonly string[] OrderColumns = ["Name", "Email", "Financial Status", "Created at", "Total", "Lineitem quantity", "Lineitem name", "Lineitem price"];
    private static readonly string[] OrderOptional =
    [
        "Currency", "Accepts Marketing", "Lineitem sku", "Billing Name", "Billing Company", "Billing Province", "Billing Country", "Billing Phone",
        "Cancelled at", "Refunded Amount", "Vendor", "Phone",
    ];

    private static readonly string[] CustomerColumns = ["Email", "First Name", "Last Name"];
    private static readonly string[] CustomerOptional = ["Customer ID", "Company", "Accepts Email Marketing", "Accepts Marketing", "Phone", "Tags", "Note"];

    private readonly Dictionary<string, Customer> customers = new(StringComparer.Ordinal);
    private readonly List<string> orderFiles = [];
    private string currentOrder = "";
    private string currentAccount = "";
    private int lineNo;
    private TableImport<Order>? orders;

    public void Run()
    {
        var files = Directory.EnumerateFiles(folder).ToDictionary(f => Path.GetFileName(f), f => f, StringComparer.OrdinalIgnoreCase);
        orderFiles.AddRange(files.Keys.Where(IsOrdersFile).OrderBy(Number).Select(n => files[n]));
        if (orderFiles.Count == 0)
        {
            throw new InputException(folder, "no orders_export_1.csv: not a Shopify orders export (Orders > Export > All orders, CSV for Excel or plain CSV)");
        }

        var customersFile = files.GetValueOrDefault("customers_export.csv");
        var unused = files.Keys.Where(f => !IsOrdersFile(f) && !string.Equals(f, "customers_export.csv", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToList();
        if (unused.Count > 0)
        {
            run.Notes.Add($"not read (Rekindle does not use them): {string.Join(", ", unused)}");
        }

        // Customers first: an account per customer key, created on its first order (or as a prospect without one).
        // (The order files' own errors are reported once, by the orders pass below.)
        foreach (var path in orderFiles)
        {
            Scan(path, ReadCustomerOfOrder, OrderColumns, OrderOptional, new InputErrors());
        }

        if (customersFile is not null)
        {
            Scan(customersFile, ReadCustomer, CustomerColumns, CustomerOptional, run.Errors);
        }

        if (run.Fatal)
        {
            return;
        }

        using (var accounts = new TableImport<Account>(run, cancellationToken))
        {
            var counts = run.Counts("customers (accounts)");
            foreach (var c in customers.Values.OrderBy(c => c.Key, StringComparer.Ordinal))
            {
                counts.Rows++;
                accounts.Upsert(new Account { AccountId = c.Key, Name = c.Name, Region = c.Region, CreatedOn = c.FirstOrder ?? run.Today }, c.Line, counts);
            }

            accounts.Flush();
            using (var contacts = new TableImport<Contact>(run, cancellationToken))
            {
                var contactCounts = run.Counts("customers (contacts)");
                foreach (var c in customers.Values.Where(c => c.Email.Length > 0 || c.Person.Length > 0).OrderBy(c => c.Key, StringComparer.Ordinal))
                {
                    contactCounts.Rows++;
                    contacts.Upsert(new Contact { ContactId = c.Key, AccountId = c.Key, Name = c.Person, Email = c.Email, Phone = c.Phone, OptOutEmail = c.OptOutEmail }, c.Line, contactCounts);
                }

                contacts.Flush();
            }
        }

        using (orders = new TableImport<Order>(run, cancellationToken))
        {
            foreach (var path in orderFiles)
            {
                currentOrder = "";
                Rows(path, Path.GetFileName(path) + " (orders)", orders, ReadOrder);
            }

            run.SaveCurrency();
            using var lines = new TableImport<OrderLine>(run, cancellationToken);
            foreach (var path in orderFiles)
            {
                currentOrder = "";
                Rows(path, Path.GetFileName(path) + " (line items)", lines, ReadLine, countSkipped: true);
            }
        }
    }

    private static bool IsOrdersFile(string? name) => name is not null && name.StartsWith("orders_export", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);

    private static int Number(string? name)
    {
        var digits = new string(Path.GetFileNameWithoutExtension(name ?? "").Where(char.IsDigit).ToArray());
        return int.TryParse(digits, CultureInfo.InvariantCulture, out var n) ? n : 0;
    }

    /// <summary>Reads a file once for what every later pass needs (customers), with its errors.</summary>
    private void Scan(string path, Action<CsvFile> row, string[] required, string[] optional, InputErrors errors)
    {
        var before = run.Errors.Count;
        using var f = CsvFile.OpenExport(path, Path.GetFileName(path), required, optional, errors);
        run.FatalIfNew(before);
        while (f is not null && f.Read())
        {
            row(f);
        }

        run.FatalIfNew(before);
    }

    private void Rows<T>(string path, string label, TableImport<T> table, Func<CsvFile, T?> read, bool countSkipped = false)
        where T : class => FileRows.ImportExport(run, path, label, OrderColumns, OrderOptional, table, read, countSkipped: countSkipped);

    /// <summary>The customer key of an order row: its e-mail (lower case), else its billing name.</summary>
    private static string KeyOf(CsvFile f)
    {
        var email = f.Text(1).ToLowerInvariant();
        return email.Length > 0 ? email : f.Text(11);
    }

    /// <summary>True when the row starts another order (its Name differs from the row before).</summary>
    private bool StartsOrder(CsvFile f)
    {
        var name = f.Text(0);
        if (name == currentOrder)
        {
            return false;
        }

        currentOrder = name;
        currentAccount = KeyOf(f);
        lineNo = 0;
        return true;
    }

    private void ReadCustomerOfOrder(CsvFile f)
    {
        if (!StartsOrder(f))
        {
            return;
        }

        var key = currentAccount;
        if (key.Length == 0)
        {
            return; // the orders pass reports it
        }

        var date = ExportFields.Date(f, 3);
        if (!customers.TryGetValue(key, out var c))
        {
            customers[key] = c = new Customer(key, f.Line);
        }

        if (date is { } d && (c.FirstOrder is null || d < c.FirstOrder))
        {
            c.FirstOrder = d;
        }

        c.Name = First(c.Name, f.Text(12), f.Text(11), key);
        c.Person = First(c.Person, f.Text(11));
        c.Email = First(c.Email, f.Text(1).ToLowerInvariant());
        c.Phone = First(c.Phone, f.Text(15), f.Text(19));
        c.Region = First(c.Region, f.Text(13), f.Text(14));
        if (f.Span(9).Length > 0)
        {
            c.OptOutEmail = ExportFields.Boolean(f, 9) == false;
        }
    }

    private void ReadCustomer(CsvFile f)
    {
        var email = f.Text(0).ToLowerInvariant();
        var person = string.Join(' ', new[] { f.Text(1), f.Text(2) }.Where(p => p.Length > 0));
        var company = f.Text(4);

        // Without an e-mail, the orders name the customer by billing name: the person's, or their company's.
        var key = email.Length > 0 ? email
            : customers.ContainsKey(person) ? person
            : customers.ContainsKey(company) ? company
            : First(person, company);
        if (key.Length == 0)
        {
            return;
        }

        if (!customers.TryGetValue(key, out var c))
        {
            customers[key] = c = new Customer(key, f.Line);
        }

        c.Name = First(company, c.Name, person, key);
        c.Person = First(c.Person, person);
        c.Email = First(c.Email, email);
        c.Phone = First(c.Phone, f.Text(7));
        var accepts = f.Span(5).Length > 0 ? 5 : 6;
        if (f.Span(accepts).Length > 0)
        {
            c.OptOutEmail = ExportFields.Boolean(f, accepts) == false;
        }
    }

    private static string First(params string[] values) => values.FirstOrDefault(v => v.Length > 0) ?? "";

    private Order? ReadOrder(CsvFile f)
    {
        if (!StartsOrder(f))
        {
            return null;
        }

        if (currentAccount.Length == 0)
        {
            f.Error(1, "", "the order has no Email and no Billing Name: no customer to give it to");
            return null;
        }

        var date = ExportFields.Date(f, 3);
        var total = ExportFields.Amount(f, 4, required: true);
        var refunded = ExportFields.Amount(f, 17, required: false) ?? 0m;
        var financial = f.Text(2).ToLowerInvariant();
        OrderStatus status;
        var amount = total ?? 0m;
        if (f.Span(16).Length > 0)
        {
            status = OrderStatus.Cancelled;
        }
        else
        {
            switch (financial)
            {
                case "paid" or "partially_paid" or "authorized" or "pending" or "":
                    status = OrderStatus.Booked;
                    break;
                case "partially_refunded":
                    status = OrderStatus.Booked;
                    amount -= refunded;
                    break;
                case "refunded":
                    status = OrderStatus.Refunded;
                    break;
                case "voided" or "expired":
                    status = OrderStatus.Cancelled;
                    break;
                default:
                    f.Error(2, f.Text(2), "unknown Financial Status (expected paid, partially_paid, authorized, pending, partially_refunded, refunded, voided or expired)");
                    return null;
            }
        }

        var currency = f.Text(8).Length > 0 ? f.Text(8).ToUpperInvariant() : run.Currency ?? run.Options.Currency?.ToUpperInvariant() ?? "";
        var rate = CurrencyRate(f, currency);
        if (amount < 0 && status == OrderStatus.Booked)
        {
            f.Error(17, refunded.ToString(CultureInfo.InvariantCulture), "the refunded amount is more than the order's total");
            return null;
        }

        return date is null || total is null || rate is null ? null : new Order
        {
            OrderId = f.Text(0),
            AccountId = currentAccount,
            OrderDate = date.Value,
            Amount = amount,
            Currency = currency,
            ReportingAmount = Storage.Money.Round(amount * rate.Value),
            Status = status,
        };
    }

    private OrderLine? ReadLine(CsvFile f)
    {
        StartsOrder(f);
        if (!orders!.Contains(f.Text(0)))
        {
            return null;
        }

        lineNo++;
        var quantity = f.Integer(5);
        var price = ExportFields.Amount(f, 7, required: true);
        return quantity is null || price is null ? null : new OrderLine
        {
            OrderId = f.Text(0),
            LineNo = lineNo,
            Sku = f.Text(10),
            ProductName = f.Text(6),
            Category = f.Text(18),
            Quantity = quantity.Value,
            UnitPrice = price.Value,
        };
    }

    private sealed class Customer(string key, int line)
    {
        public string Key { get; } = key;
        public int Line { get; } = line;
        public DateOnly? FirstOrder { get; set; }
        public string Name { get; set; } = "";
        public string Person { get; set; } = "";
        public string Email { get; set; } = "";
        public string Phone { get; set; } = "";
        public string Region { get; set; } = "";
        public bool OptOutEmail { get; set; }
    }

    /// <summary>
    /// The rate of an order's currency into the reporting currency: 1 for the reporting currency (the workspace's, else
    /// --currency, else the first order's), or null with an error, as an export carries no exchange rates.
    /// </summary>
    private decimal? CurrencyRate(CsvFile f, string currency)
    {
        if (currency.Length == 0)
        {
            f.Error(8, "", "a currency is required");
            return null;
        }

        run.Currency ??= run.Options.Currency?.ToUpperInvariant() ?? currency;
        if (currency == run.Currency)
        {
            return 1m;
        }

        f.Error(8, currency, $"not the workspace's reporting currency {run.Currency}, and a Shopify export gives no rate for it");
        return null;
    }
}
