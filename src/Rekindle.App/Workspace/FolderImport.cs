using System.Globalization;
using Rekindle.App.Csv;
using Rekindle.Common;
using Rekindle.Storage;

namespace Rekindle.App.Workspace;

/// <summary>
/// Imports the CSV folder format (the README's "CSV folder format") into the workspace, file by file in
/// reference order: reps, accounts, contacts, orders, order lines, engagements, opportunities. A reference
/// (an order's account, a line's order) may point to a row of the same import or one already stored.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The tables are disposed by the using blocks of Run.")]
internal sealed class FolderImport(ImportRun run, string folder, CancellationToken cancellationToken)
{
    private readonly Dictionary<string, decimal> rates = new(StringComparer.OrdinalIgnoreCase);
    private TableImport<Rep>? reps;
    private TableImport<Account>? accounts;
    private TableImport<Order>? orders;

    public void Run()
    {
        var before = run.Errors.Count;
        if (!Directory.Exists(folder))
        {
            throw new InputException(folder, "folder not found");
        }

        foreach (var spec in CsvSchema.All.Where(s => s.Required && !s.ExistsIn(folder)))
        {
            run.Errors.Add(spec.FileName, 0, "", "", $"required file is missing from {folder}");
        }

        run.FatalIfNew(before);
        if (run.Fatal)
        {
            return;
        }

        var unread = CsvSchema.Unread(folder);
        if (unread.Count > 0)
        {
            run.Notes.Add($"warning: not read: {string.Join("; ", unread)}");
        }

        Rates.Read(CsvSchema.Rates.PathIn(folder), run, rates);
        if (run.Options.RatesPath is { } extra)
        {
            Rates.Read(extra, run, rates);
        }

        using (reps = new TableImport<Rep>(run, cancellationToken))
        {
            File(CsvSchema.Reps, reps, ReadRep);
            using (accounts = new TableImport<Account>(run, cancellationToken))
            {
                using var ownerships = new OwnershipHistory(run, accounts);
                File(CsvSchema.Accounts, accounts, ReadAccount, ownerships.Follow);
                ownerships.Complete();

                using (var contacts = new TableImport<Contact>(run, cancellationToken))
                {
                    File(CsvSchema.Contacts, contacts, ReadContact);
                }

                using (orders = new TableImport<Order>(run, cancellationToken))
                {
                    File(CsvSchema.Orders, orders, ReadOrder);
                    run.SaveCurrency();
                    using var lines = new TableImport<OrderLine>(run, cancellationToken);
                    File(CsvSchema.OrderLines, lines, ReadLine);
                }

                using (var engagements = new TableImport<Engagement>(run, cancellationToken))
                {
                    File(CsvSchema.Engagements, engagements, ReadEngagement);
                }

                using var opportunities = new TableImport<Opportunity>(run, cancellationToken);
                File(CsvSchema.Opportunities, opportunities, ReadOpportunity);
            }
        }
    }

    /// <summary>Reads one file row by row: each row is checked, then upserted or rejected.</summary>
    /// <summary>Imports one file in the reps.csv format (any name) from the folder: reps without a whole company.</summary>
    public void RunReps(string fileName)
    {
        if (!System.IO.File.Exists(Path.Combine(folder, fileName)))
        {
            throw new InputException(Path.Combine(folder, fileName), "file not found");
        }

        using (reps = new TableImport<Rep>(run, cancellationToken))
        {
            File(CsvSchema.Reps with { FileName = fileName }, reps, ReadRep);
        }
    }

    private void File<T>(FileSpec spec, TableImport<T> table, Func<CsvFile, T?> read, Action<T, Upserted>? after = null)
        where T : class
    {
        if (!spec.ExistsIn(folder) || run.Fatal)
        {
            return;
        }

        var counts = run.Counts(spec.FileName);
        var before = run.Errors.Count;
        if (LineCount.Bytes(spec.PathIn(folder)) == 0)
        {
            run.Errors.Add(spec.FileName, 1, "", "", $"the file is empty: a header row is required ({string.Join(",", spec.Columns)})");
            run.FatalIfNew(before);
            return;
        }

        using var f = spec.Open(folder, run.Errors);
        run.FatalIfNew(before);
        if (f is null)
        {
            return;
        }

        table.Reserve(LineCount.Estimate(spec.PathIn(folder)));
        var total = run.Options.Progress is null ? 0 : LineCount.Of(spec.PathIn(folder)) - 1;
        FileRows.Import(run, f, counts, total, table, read, after);
    }

    private Rep? ReadRep(CsvFile f)
    {
        var id = Fields.Id(f, 0);
        var name = Fields.Text(f, 1);
        var email = Fields.Text(f, 2);
        var rate = Fields.Money(f, 3);
        var active = f.Boolean(4);
        if (rate is < 0 or > 1)
        {
            f.Error(3, rate.Value.ToString(CultureInfo.InvariantCulture), "a commission rate must be between 0 and 1");
        }

        return id is null || rate is null || active is null ? null : new Rep { RepId = id, Name = name, Email = email, CommissionRate = rate.Value, Active = active.Value };
    }

    private Account? ReadAccount(CsvFile f)
    {
        var id = Fields.Id(f, 0);
        var name = Fields.Text(f, 1);
        var industry = Fields.Text(f, 2);
        var region = Fields.Text(f, 3);
        var created = f.Date(4);
        var owner = Fields.Text(f, 5);
        if (owner.Length > 0 && reps!.Count > 0 && !reps.Contains(owner))
        {
            f.Error(5, owner, "owner_rep_id is not in reps.csv or the workspace");
        }

        return id is null || created is null ? null : new Account
        {
            AccountId = id,
            Name = name,
            Industry = industry,
            Region = region,
            CreatedOn = created.Value,
            OwnerRepId = owner.Length == 0 ? null : owner,
        };
    }

    private Contact? ReadContact(CsvFile f)
    {
        var id = Fields.Id(f, 0);
        var account = AccountRef(f, 1);
        var contact = new Contact
        {
            ContactId = id ?? "",
            AccountId = account ?? "",
            Name = Fields.Text(f, 2),
            Role = Fields.Text(f, 3),
            Email = Fields.Text(f, 4),
            Phone = Fields.Text(f, 5),
            Social = Fields.Text(f, 6),
            PostalAddress = Fields.Text(f, 7),
        };
        foreach (var part in f.Text(8).Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Codes.TryParse(part, out Channel channel))
            {
                f.Error(8, part, $"unknown channel (expected {string.Join(", ", Codes.AllChannels)}, joined by ';')");
                continue;
            }

            switch (channel)
            {
                case Channel.Email: contact.OptOutEmail = true; break;
                case Channel.Phone: contact.OptOutPhone = true; break;
                case Channel.Social: contact.OptOutSocial = true; break;
                default: contact.OptOutPostal = true; break;
            }
        }

        return id is null || account is null ? null : contact;
    }

    private Order? ReadOrder(CsvFile f)
    {
        var id = Fields.Id(f, 0);
        var account = AccountRef(f, 1);
        var date = f.Date(2);
        var amount = Fields.Money(f, 3);
        var currency = f.Text(4).ToUpperInvariant();
        var statusOk = Codes.TryParse(f.Span(5), out OrderStatus status);
        if (!statusOk)
        {
            f.Error(5, f.Text(5), "expected booked, cancelled or refunded");
        }
        else if (status == OrderStatus.Booked && amount < 0)
        {
            f.Error(3, amount.Value.ToString(CultureInfo.InvariantCulture), "a booked order cannot have a negative amount");
        }

        var rate = Rates.Of(run, f, 4, currency, rates);
        return id is null || account is null || date is null || amount is null || rate is null || !statusOk ? null : new Order
        {
            OrderId = id,
            AccountId = account,
            OrderDate = date.Value,
            Amount = amount.Value,
            Currency = currency,
            ReportingAmount = Storage.Money.Round(amount.Value * rate.Value),
            Status = status,
        };
    }

    private OrderLine? ReadLine(CsvFile f)
    {
        var order = f.Required(0);
        if (order is not null && !orders!.Contains(order))
        {
            f.Error(0, order, "unknown order (not in orders.csv or the workspace)");
            order = null;
        }

        var lineNo = f.Integer(1);
        if (lineNo < 1)
        {
            f.Error(1, lineNo.Value.ToString(CultureInfo.InvariantCulture), "a line number starts at 1");
        }

        var sku = Fields.Text(f, 2);
        var product = Fields.Text(f, 3);
        var category = Fields.Text(f, 4);
        var quantity = f.Integer(5);
        var price = Fields.Money(f, 6);
        return order is null || lineNo is null or < 1 || quantity is null || price is null ? null : new OrderLine
        {
            OrderId = order,
            LineNo = lineNo.Value,
            Sku = sku,
            ProductName = product,
            Category = category,
            Quantity = quantity.Value,
            UnitPrice = price.Value,
        };
    }

    private Engagement? ReadEngagement(CsvFile f)
    {
        var id = Fields.Id(f, 0);
        var account = AccountRef(f, 1);
        var date = f.Date(2);
        var kindOk = Codes.TryParse(f.Span(3), out EngagementKind kind);
        if (!kindOk)
        {
            f.Error(3, f.Text(3), $"unknown engagement kind (expected one of {string.Join(", ", Codes.AllEngagementKinds)})");
        }

        var directionOk = Codes.TryParse(f.Span(4), out Direction direction);
        if (!directionOk)
        {
            f.Error(4, f.Text(4), "expected inbound or outbound");
        }

        return id is null || account is null || date is null || !kindOk || !directionOk ? null : new Engagement
        {
            EngagementId = id,
            AccountId = account,
            Date = date.Value,
            Kind = kind,
            Direction = direction,
        };
    }

    private Opportunity? ReadOpportunity(CsvFile f)
    {
        var id = Fields.Id(f, 0);
        var account = AccountRef(f, 1);
        var opened = f.Date(2);
        var closed = f.Date(3, required: false);
        if (opened is not null && closed is not null && closed < opened)
        {
            f.Error(3, IsoDate.Format(closed.Value), $"closed before it was opened ({IsoDate.Format(opened.Value)})");
        }

        var stage = Fields.Text(f, 4);
        var amount = Fields.Money(f, 5, required: false);
        return id is null || account is null || opened is null ? null : new Opportunity
        {
            OpportunityId = id,
            AccountId = account,
            OpenedOn = opened.Value,
            ClosedOn = closed,
            Stage = stage,
            Amount = amount,
        };
    }

    private string? AccountRef(CsvFile f, int column)
    {
        var id = f.Required(column);
        if (id is not null && !accounts!.Contains(id))
        {
            f.Error(column, id, "unknown account (not in accounts.csv or the workspace)");
            return null;
        }

        return id;
    }
}
