using System.Globalization;
using Rekindle.App.Csv;
using Rekindle.Common;
using Rekindle.Storage;

namespace Rekindle.App.Workspace.Sources;

/// <summary>
/// Imports a Salesforce Data Export unmodified (a folder, or the .zip as downloaded): reps from User.csv, accounts from
/// Account.csv, contacts from Contact.csv, orders from won opportunities and activated orders (lines from OrderItem.csv),
/// opportunities from every Opportunity.csv row, engagements from Task.csv and Event.csv. Ids are kept in their
/// 18-character form (a 15-character reference names the same record); deleted rows are skipped and counted; amounts
/// are converted to the corporate currency with CurrencyType.csv and DatedConversionRate.csv. The same row loop,
/// checks, rejects and transaction as the CSV folder import (<see cref="FileRows"/>).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The tables are disposed by the using blocks of Run.")]
internal sealed class SalesforceImport(ImportRun run, string folder, CancellationToken cancellationToken)
{
    /// <summary>The files this import reads; any other file of the export is listed once as not read.</summary>
    public static readonly string[] FilesRead =
    [
        "User.csv", "Account.csv", "Contact.csv", "Opportunity.csv", "Order.csv", "OrderItem.csv", "Task.csv", "Event.csv",
        "CurrencyType.csv", "DatedConversionRate.csv",
    ];

    private static readonly string[] UserColumns = ["Id", "FirstName", "LastName", "Email", "IsActive"];
    private static readonly string[] AccountColumns = ["Id", "Name", "CreatedDate"];
    private static readonly string[] AccountOptional = ["IsDeleted", "Industry", "BillingState", "BillingCountry", "OwnerId"];
    private static readonly string[] ContactColumns = ["Id", "AccountId"];
    private static readonly string[] ContactOptional = ["IsDeleted", "FirstName", "LastName", "Title", "Email", "Phone", "MailingStreet", "MailingCity", "MailingPostalCode", "MailingCountry", "HasOptedOutOfEmail", "DoNotCall"];
    private static readonly string[] OpportunityColumns = ["Id", "AccountId", "StageName", "CloseDate", "IsClosed", "IsWon", "CreatedDate"];
    private static readonly string[] OpportunityOptional = ["IsDeleted", "Amount", "CurrencyIsoCode"];
    private static readonly string[] OrderColumns = ["Id", "AccountId", "EffectiveDate", "Status"];
    private static readonly string[] OrderOptional = ["IsDeleted", "TotalAmount", "CurrencyIsoCode", "StatusCode"];
    private static readonly string[] OrderItemColumns = ["Id", "OrderId", "Quantity", "UnitPrice"];
    private static readonly string[] OrderItemOptional = ["IsDeleted", "Product2Id", "Description", "OrderItemNumber"];
    private static readonly string[] TaskColumns = ["Id", "CreatedDate"];
    private static readonly string[] TaskOptional = ["IsDeleted", "AccountId", "WhatId", "ActivityDate", "TaskSubtype", "Type", "CallDisposition", "CallDurationInSeconds", "CallType"];
    private static readonly string[] EventColumns = ["Id", "CreatedDate"];
    private static readonly string[] EventOptional = ["IsDeleted", "AccountId", "WhatId", "ActivityDate"];

    private readonly Dictionary<string, string> files = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> lineNumbers = new(StringComparer.Ordinal);
    private SalesforceCurrencies currencies = new();
    private TableImport<Rep>? reps;
    private TableImport<Account>? accounts;
    private TableImport<Order>? orders;

    public void Run()
    {
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            files[Path.GetFileName(file)] = file;
        }

        if (!files.ContainsKey("Account.csv"))
        {
            throw new InputException(folder, "Account.csv is missing: not a Salesforce Data Export (export the Account object, and Opportunity, Contact, Task, Event, User)");
        }

        var unused = files.Keys.Where(f => !FilesRead.Contains(f, StringComparer.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToList();
        if (unused.Count > 0)
        {
            run.Notes.Add($"not read (Rekindle does not use them): {string.Join(", ", unused)}");
        }

        var before = run.Errors.Count;
        currencies = SalesforceCurrencies.Read(PathOf("CurrencyType.csv"), PathOf("DatedConversionRate.csv"), run.Errors);
        run.FatalIfNew(before);
        if (run.Fatal)
        {
            return;
        }

        SetCurrency();
        if (run.Fatal)
        {
            return;
        }

        using (reps = new TableImport<Rep>(run, cancellationToken))
        {
            File("User.csv", "User.csv", UserColumns, [], reps, ReadUser);
            using (accounts = new TableImport<Account>(run, cancellationToken))
            {
                using var ownerships = new OwnershipHistory(run, accounts);
                File("Account.csv", "Account.csv", AccountColumns, AccountOptional, accounts, ReadAccount, ownerships.Follow);
                ownerships.Complete();

                using (var contacts = new TableImport<Contact>(run, cancellationToken))
                {
                    File("Contact.csv", "Contact.csv", ContactColumns, ContactOptional, contacts, ReadContact);
                }

                using (orders = new TableImport<Order>(run, cancellationToken))
                {
                    File("Opportunity.csv", "Opportunity.csv (won: orders)", OpportunityColumns, OpportunityOptional, orders, ReadWonOpportunity);
                    File("Order.csv", "Order.csv", OrderColumns, OrderOptional, orders, ReadOrder);
                    run.SaveCurrency();
                    using var lines = new TableImport<OrderLine>(run, cancellationToken);
                    File("OrderItem.csv", "OrderItem.csv", OrderItemColumns, OrderItemOptional, lines, ReadOrderItem);
                }

                using (var engagements = new TableImport<Engagement>(run, cancellationToken))
                {
                    File("Task.csv", "Task.csv", TaskColumns, TaskOptional, engagements, ReadTask);
                    File("Event.csv", "Event.csv", EventColumns, EventOptional, engagements, ReadEvent);
                }

                using var opportunities = new TableImport<Opportunity>(run, cancellationToken);
                File("Opportunity.csv", "Opportunity.csv", OpportunityColumns, OpportunityOptional, opportunities, ReadOpportunity);
            }
        }

        if (currencies.Corporate is { } corporate && currencies.Rates.Count > 1)
        {
            run.Notes.Add($"amounts converted to {corporate} with CurrencyType.csv ({string.Join(", ", currencies.Rates.Where(r => r.Key != corporate).Select(r => $"{r.Key} {r.Value.ToString(CultureInfo.InvariantCulture)}"))} per {corporate})"
                + (currencies.DatedRates > 0 ? $" and {currencies.DatedRates} dated rates" : ""));
        }
    }

    /// <summary>The reporting currency is the org's corporate currency; a workspace in another one cannot take the export.</summary>
    private void SetCurrency()
    {
        var corporate = currencies.Corporate;
        var wanted = run.Currency ?? run.Options.Currency?.ToUpperInvariant() ?? corporate;
        if (wanted is null)
        {
            run.Errors.Add("CurrencyType.csv", 0, "", "", "the export names no currency (no CurrencyType.csv, a single-currency org): give the workspace's currency with --currency");
            run.FatalIfNew(0);
            return;
        }

        if (corporate is not null && !string.Equals(wanted, corporate, StringComparison.OrdinalIgnoreCase))
        {
            run.Errors.Add("CurrencyType.csv", 0, "IsCorporate", corporate, $"the org's corporate currency is {corporate}, but the workspace reports in {wanted}");
            run.FatalIfNew(0);
            return;
        }

        run.Currency = wanted.ToUpperInvariant();
    }

    private string? PathOf(string name) => files.TryGetValue(name, out var path) ? path : null;

    private void File<T>(string name, string label, string[] required, string[] optional, TableImport<T> table, Func<CsvFile, T?> read, Action<T, Upserted>? after = null)
        where T : class
    {
        if (PathOf(name) is { } path)
        {
            FileRows.ImportExport(run, path, label, required, optional, table, read, after);
        }
    }

    private static bool Deleted(CsvFile f, int column) => f.Has(column) && ExportFields.Boolean(f, column) == true;

    private static string? Id(CsvFile f, int column)
    {
        var id = SalesforceIds.Normalize(f.Span(column));
        if (id is null && f.Span(column).IsEmpty)
        {
            f.Error(column, "", "an id is required");
        }

        return id;
    }

    private static string Join(params string[] parts) => string.Join(' ', parts.Where(p => p.Length > 0));

    private Rep? ReadUser(CsvFile f)
    {
        var id = Id(f, 0);
        var active = ExportFields.Boolean(f, 4);
        return id is null || active is null ? null : new Rep { RepId = id, Name = Join(f.Text(1), f.Text(2)), Email = f.Text(3), CommissionRate = 0m, Active = active.Value };
    }

    private Account? ReadAccount(CsvFile f)
    {
        if (Deleted(f, 3))
        {
            return null;
        }

        var id = Id(f, 0);
        var created = ExportFields.Date(f, 2);
        var owner = SalesforceIds.Normalize(f.Span(7));
        if (owner is not null && reps!.Count > 0 && !reps.Contains(owner))
        {
            f.Error(7, f.Text(7), "OwnerId is not a user of User.csv or the workspace");
        }

        var region = f.Text(5).Length > 0 ? f.Text(5) : f.Text(6);
        return id is null || created is null ? null : new Account
        {
            AccountId = id,
            Name = f.Text(1),
            Industry = f.Text(4),
            Region = region,
            CreatedOn = created.Value,
            OwnerRepId = owner,
        };
    }

    /// <summary>The account a row names, or null: an empty reference is skipped (a private contact, an unrelated task); an unknown one is an error.</summary>
    private string? AccountOf(CsvFile f, int column, bool required)
    {
        var id = SalesforceIds.Normalize(f.Span(column));
        if (id is null)
        {
            return null;
        }

        if (!accounts!.Contains(id))
        {
            if (required)
            {
                f.Error(column, f.Text(column), "unknown account (not in Account.csv or the workspace)");
            }

            return null;
        }

        return id;
    }

    private Contact? ReadContact(CsvFile f)
    {
        if (Deleted(f, 2))
        {
            return null;
        }

        var id = Id(f, 0);
        var account = AccountOf(f, 1, required: true);
        var optOutEmail = ExportFields.Boolean(f, 12);
        var doNotCall = ExportFields.Boolean(f, 13);
        return id is null || account is null || optOutEmail is null || doNotCall is null ? null : new Contact
        {
            ContactId = id,
            AccountId = account,
            Name = Join(f.Text(3), f.Text(4)),
            Role = f.Text(5),
            Email = f.Text(6),
            Phone = f.Text(7),
            PostalAddress = string.Join(", ", new[] { f.Text(8), f.Text(9), f.Text(10), f.Text(11) }.Where(p => p.Length > 0)),
            OptOutEmail = optOutEmail.Value,
            OptOutPhone = doNotCall.Value,
        };
    }

    /// <summary>A won opportunity is one booked order on its close date for its amount.</summary>
    private Order? ReadWonOpportunity(CsvFile f)
    {
        if (Deleted(f, 7) || ExportFields.Boolean(f, 5) != true)
        {
            return null;
        }

        var id = Id(f, 0);
        var account = AccountOf(f, 1, required: true);
        var date = ExportFields.Date(f, 3);
        var amount = ExportFields.Amount(f, 8, required: true);
        return id is null || account is null || date is null || amount is null ? null : Booked(f, 9, id, account, date.Value, amount.Value, OrderStatus.Booked);
    }

    /// <summary>An activated order (Status or StatusCode "Activated") is a booked order on its effective date; a draft is skipped.</summary>
    private Order? ReadOrder(CsvFile f)
    {
        if (Deleted(f, 4))
        {
            return null;
        }

        var status = f.Has(7) && f.Text(7).Length > 0 ? f.Text(7) : f.Text(3);
        var activated = status.Equals("Activated", StringComparison.OrdinalIgnoreCase);
        var cancelled = status.Contains("cancel", StringComparison.OrdinalIgnoreCase);
        if (!activated && !cancelled)
        {
            return null;
        }

        var id = Id(f, 0);
        var account = AccountOf(f, 1, required: true);
        var date = ExportFields.Date(f, 2);
        var amount = ExportFields.Amount(f, 5, required: true);
        return id is null || account is null || date is null || amount is null ? null
            : Booked(f, 6, id, account, date.Value, amount.Value, activated ? OrderStatus.Booked : OrderStatus.Cancelled);
    }

    private Order? Booked(CsvFile f, int currencyColumn, string id, string account, DateOnly date, decimal amount, OrderStatus status)
    {
        if (status == OrderStatus.Booked && amount < 0)
        {
            f.Error(currencyColumn - 1, amount.ToString(CultureInfo.InvariantCulture), "a booked order cannot have a negative amount");
            return null;
        }

        var currency = f.Has(currencyColumn) && f.Text(currencyColumn).Length > 0 ? f.Text(currencyColumn).ToUpperInvariant() : run.Currency!;
        var rate = currencies.RateOn(currency, date) ?? (currency == run.Currency ? 1m : null);
        if (rate is null)
        {
            f.Error(currencyColumn, currency, $"no conversion rate for {currency} in CurrencyType.csv or DatedConversionRate.csv");
            return null;
        }

        return new Order
        {
            OrderId = id,
            AccountId = account,
            OrderDate = date,
            Amount = amount,
            Currency = currency,
            ReportingAmount = Storage.Money.Round(amount / rate.Value),
            Status = status,
        };
    }

    private OrderLine? ReadOrderItem(CsvFile f)
    {
        if (Deleted(f, 4))
        {
            return null;
        }

        var order = SalesforceIds.Normalize(f.Span(1));
        if (order is null || !orders!.Contains(order))
        {
            f.Error(1, f.Text(1), "unknown order (not an activated order of Order.csv or the workspace)");
            return null;
        }

        var quantity = ExportFields.Amount(f, 2, required: true);
        var price = ExportFields.Amount(f, 3, required: true);
        if (quantity is { } q && q != decimal.Truncate(q))
        {
            f.Error(2, f.Text(2), "a quantity must be a whole number");
            return null;
        }

        ref var next = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(lineNumbers, order, out _);
        next++;
        return quantity is null || price is null ? null : new OrderLine
        {
            OrderId = order,
            LineNo = next,
            Sku = f.Text(5),
            ProductName = f.Text(6),
            Quantity = (int)quantity.Value,
            UnitPrice = price.Value,
        };
    }

    /// <summary>
    /// A call is answered when it has a disposition or a duration; an e-mail task is an outbound e-mail (not counted as
    /// engagement by the default policy); any other task (a to-do) is no engagement and is skipped. The account is
    /// AccountId, else WhatId when it names an account.
    /// </summary>
    private Engagement? ReadTask(CsvFile f)
    {
        if (Deleted(f, 2))
        {
            return null;
        }

        var subtype = f.Text(6).Length > 0 ? f.Text(6) : f.Text(7);
        EngagementKind kind;
        var direction = Direction.Outbound;
        if (subtype.Equals("Call", StringComparison.OrdinalIgnoreCase))
        {
            var duration = f.Span(9).IsEmpty ? 0 : ExportFields.Amount(f, 9, required: false) ?? 0;
            kind = f.Text(8).Length > 0 || duration > 0 ? EngagementKind.CallAnswered : EngagementKind.CallUnanswered;
            direction = f.Text(10).Equals("Inbound", StringComparison.OrdinalIgnoreCase) ? Direction.Inbound : Direction.Outbound;
        }
        else if (subtype.Contains("Email", StringComparison.OrdinalIgnoreCase))
        {
            kind = EngagementKind.EmailOpen;
        }
        else
        {
            return null;
        }

        return Engagement(f, kind, direction, accountColumn: 3, whatColumn: 4, activityColumn: 5);
    }

    private Engagement? ReadEvent(CsvFile f) =>
        Deleted(f, 2) ? null : Engagement(f, EngagementKind.Meeting, Direction.Outbound, accountColumn: 3, whatColumn: 4, activityColumn: 5);

    private Engagement? Engagement(CsvFile f, EngagementKind kind, Direction direction, int accountColumn, int whatColumn, int activityColumn)
    {
        var id = Id(f, 0);
        var account = AccountOf(f, accountColumn, required: true);
        if (account is null && SalesforceIds.Normalize(f.Span(accountColumn)) is null)
        {
            var what = SalesforceIds.Normalize(f.Span(whatColumn));
            account = SalesforceIds.IsAccount(what) ? AccountOf(f, whatColumn, required: true) : null;
        }

        var date = f.Span(activityColumn).IsEmpty ? ExportFields.Date(f, 1) : ExportFields.Date(f, activityColumn);
        return id is null || account is null || date is null ? null : new Engagement
        {
            EngagementId = id,
            AccountId = account,
            Date = date.Value,
            Kind = kind,
            Direction = direction,
        };
    }

    /// <summary>Every opportunity: opened on its created date, closed on its close date when it is closed.</summary>
    private Opportunity? ReadOpportunity(CsvFile f)
    {
        if (Deleted(f, 7))
        {
            return null;
        }

        var id = Id(f, 0);
        var account = AccountOf(f, 1, required: true);
        var opened = ExportFields.Date(f, 6);
        var closedFlag = ExportFields.Boolean(f, 4);
        var closed = closedFlag == true ? ExportFields.Date(f, 3) : null;
        if (opened is not null && closed is not null && closed < opened)
        {
            closed = opened; // Salesforce allows a close date before the record was created (back-dated deals): closed the day it was entered
        }

        var amount = ExportFields.Amount(f, 8, required: false);
        return id is null || account is null || opened is null || closedFlag is null ? null : new Opportunity
        {
            OpportunityId = id,
            AccountId = account,
            OpenedOn = opened.Value,
            ClosedOn = closed,
            Stage = f.Text(2),
            Amount = amount,
        };
    }
}
