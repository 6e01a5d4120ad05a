using Rekindle.App.Csv;
using Rekindle.Storage;

namespace Rekindle.App.Workspace;

/// <summary>
/// Imports the CSV folder format (the README's "CSV folder format") into the workspace, file by file in
/// reference order: reps, accounts, contacts, orders, order lines, engagements, opportunities. Every row is read and
/// checked by the format's one reader (<see cref="FolderRows"/>, as classify --data reads it); this class only maps the
/// valid rows to the workspace's entities. A reference (an order's account, a line's order) may point to a row of the
/// same import or one already stored.
/// </summary>
internal sealed class FolderImport(ImportRun run, string folder, CancellationToken cancellationToken)
{
    private readonly Currencies currencies = new(run.Currency ?? run.Options.Currency);
    private KnownIds? repIds;
    private KnownIds? accountIds;
    private KnownIds? orderIds;

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

        currencies.Read(CsvSchema.Rates.PathIn(folder), CsvSchema.Rates.FileName, run.Errors);
        if (run.Options.RatesPath is { } extra)
        {
            currencies.Read(extra, Path.GetFileName(extra), run.Errors);
        }

        run.FatalIfNew(before);
        using (var reps = new TableImport<Rep>(run, cancellationToken))
        {
            var stored = reps.Count > 0;
            File(CsvSchema.Reps, reps, ReadRep);
            repIds = reps.Count == 0 ? null : Known("rep", CsvSchema.Reps, stored, reps);
            using (var accounts = new TableImport<Account>(run, cancellationToken))
            {
                accountIds = Known("account", CsvSchema.Accounts, accounts.Count > 0, accounts);
                using var ownerships = new OwnershipHistory(run, accounts);
                File(CsvSchema.Accounts, accounts, ReadAccount, ownerships.Follow);
                ownerships.Complete();

                using (var contacts = new TableImport<Contact>(run, cancellationToken))
                {
                    File(CsvSchema.Contacts, contacts, ReadContact);
                }

                using (var orders = new TableImport<Order>(run, cancellationToken))
                {
                    orderIds = Known("order", CsvSchema.Orders, orders.Count > 0, orders);
                    if (File(CsvSchema.Orders, orders, ReadOrder) > 0)
                    {
                        run.Currency ??= currencies.Reporting;
                    }

                    run.SaveCurrency();
                    using var lines = new TableImport<OrderLine>(run, cancellationToken);
                    File(CsvSchema.OrderLines, lines, ReadLine, duplicate: FolderRows.DuplicateLine);
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

    /// <summary>Imports one file in the reps.csv format (any name) from the folder: reps without a whole company.</summary>
    public void RunReps(string fileName)
    {
        if (!System.IO.File.Exists(Path.Combine(folder, fileName)))
        {
            throw new InputException(Path.Combine(folder, fileName), "file not found");
        }

        using var reps = new TableImport<Rep>(run, cancellationToken);
        File(CsvSchema.Reps with { FileName = fileName }, reps, ReadRep);
    }

    /// <summary>The ids of a table (stored, or imported by this run) as a reference's lookup.</summary>
    private static KnownIds Known<T>(string kind, FileSpec spec, bool stored, TableImport<T> table)
        where T : class => new(kind, KnownIds.Where(spec.FileName, stored), id => table.Contains(id) ? 0 : -1);

    /// <summary>Reads one file row by row: each row is checked, then upserted or rejected. Returns the rows read.</summary>
    private long File<T>(FileSpec spec, TableImport<T> table, Func<CsvFile, T?> read, Action<T, Upserted>? after = null, Action<CsvFile, int>? duplicate = null)
        where T : class
    {
        if (!spec.ExistsIn(folder) || run.Fatal)
        {
            return 0;
        }

        var counts = run.Counts(spec.FileName);
        var before = run.Errors.Count;
        if (LineCount.Bytes(spec.PathIn(folder)) == 0)
        {
            run.Errors.Add(spec.FileName, 1, "", "", $"the file is empty: a header row is required ({string.Join(",", spec.Columns)})");
            run.FatalIfNew(before);
            return 0;
        }

        using var f = spec.Open(folder, run.Errors);
        run.FatalIfNew(before);
        if (f is null)
        {
            return 0;
        }

        table.Reserve(LineCount.Estimate(spec.PathIn(folder)));
        var total = run.Options.Progress is null ? 0 : LineCount.Of(spec.PathIn(folder)) - 1;
        FileRows.Import(run, f, counts, total, table, read, after, duplicate: duplicate);
        return counts.Rows;
    }

    private static Rep? ReadRep(CsvFile f) => FolderRows.Rep(f, out var r)
        ? new Rep { RepId = r.Id, Name = r.Name, Email = r.Email, CommissionRate = r.CommissionRate, Active = r.Active }
        : null;

    private Account? ReadAccount(CsvFile f) => FolderRows.Account(f, repIds, out var a)
        ? new Account
        {
            AccountId = a.Id,
            Name = a.Name,
            Industry = a.Industry,
            Region = a.Region,
            CreatedOn = a.CreatedOn,
            OwnerRepId = a.OwnerRepId.Length == 0 ? null : a.OwnerRepId,
        }
        : null;

    private Contact? ReadContact(CsvFile f) => FolderRows.Contact(f, accountIds!, out var c)
        ? new Contact
        {
            ContactId = c.Id,
            AccountId = c.AccountId,
            Name = c.Name,
            Role = c.Role,
            Email = c.Email,
            Phone = c.Phone,
            Social = c.Social,
            PostalAddress = c.PostalAddress,
            OptOutEmail = Rekindle.Reactivation.ChannelSets.Has(c.OptOut, Common.Channel.Email),
            OptOutPhone = Rekindle.Reactivation.ChannelSets.Has(c.OptOut, Common.Channel.Phone),
            OptOutSocial = Rekindle.Reactivation.ChannelSets.Has(c.OptOut, Common.Channel.Social),
            OptOutPostal = Rekindle.Reactivation.ChannelSets.Has(c.OptOut, Common.Channel.Postal),
        }
        : null;

    private Order? ReadOrder(CsvFile f) => FolderRows.Order(f, accountIds!, currencies, out var o)
        ? new Order
        {
            OrderId = o.Id.ToString(),
            AccountId = o.AccountId.ToString(),
            OrderDate = o.Date,
            Amount = o.Amount,
            Currency = o.CurrencyCode(),
            ReportingAmount = o.ReportingAmount,
            Status = o.Status,
        }
        : null;

    private OrderLine? ReadLine(CsvFile f) => FolderRows.Line(f, orderIds!, out var l)
        ? new OrderLine
        {
            OrderId = l.OrderId,
            LineNo = l.LineNo,
            Sku = l.Sku,
            ProductName = l.ProductName,
            Category = l.Category,
            Quantity = l.Quantity,
            UnitPrice = l.UnitPrice,
        }
        : null;

    private Engagement? ReadEngagement(CsvFile f) => FolderRows.Engagement(f, accountIds!, out var e)
        ? new Engagement { EngagementId = e.Id.ToString(), AccountId = e.AccountId.ToString(), Date = e.Date, Kind = e.Kind, Direction = e.Direction }
        : null;

    private Opportunity? ReadOpportunity(CsvFile f) => FolderRows.Opportunity(f, accountIds!, out var o)
        ? new Opportunity
        {
            OpportunityId = o.Id.ToString(),
            AccountId = o.AccountId.ToString(),
            OpenedOn = o.Opened,
            ClosedOn = o.Closed,
            Stage = o.Stage.ToString(),
            Amount = o.Amount,
        }
        : null;
}
