using Rekindle.Common;
using Rekindle.Lifecycle;
using Rekindle.Reactivation;

namespace Rekindle.App.Csv;

/// <summary>How to read a CSV folder into a book.</summary>
public sealed record LoadOptions
{
    /// <summary>The workspace's reporting currency; null takes the currency of the first order row.</summary>
    public string? Currency { get; init; }

    /// <summary>How the large files (orders, engagements, opportunities) are read: every core by default.</summary>
    public Chunking Chunking { get; init; } = Chunking.Default;

    /// <summary>Also read what reactivation needs beyond the book (contacts, order lines, reps) into <see cref="LoadedBook.Directory"/>.</summary>
    public bool Directory { get; init; }
}

/// <summary>A book read from a CSV folder, with the reporting currency it is in.</summary>
public sealed record LoadedBook(AccountBook Book, string Currency, IReadOnlyDictionary<string, RepInfo> Reps)
{
    /// <summary>Contacts, order lines and reps (read when <see cref="LoadOptions.Directory"/> asks; else empty).</summary>
    public ReactivationDirectory Directory { get; init; } = ReactivationDirectory.Empty;
}

/// <summary>A sales rep as the lifecycle report shows it.</summary>
public sealed record RepInfo(string Id, string Name, string Email, decimal CommissionRate, bool Active);

/// <summary>
/// Reads the CSV folder into an <see cref="AccountBook"/> in one streaming pass per file, every row through the
/// format's one reader (<see cref="FolderRows"/>), with no per-order object: ids are looked up as spans, duplicate ids
/// found by <see cref="DuplicateIds"/> (nothing kept while a file's ids rise). The large files are read in parts on
/// every core (<see cref="ChunkedCsv"/>), committed in file order, so the book and the errors are those of one reader.
/// Every error names file, line, column and value; any error and nothing is returned.
/// </summary>
public static partial class BookLoader
{
    public static LoadedBook Load(string folder, LoadOptions? options = null)
    {
        options ??= new LoadOptions();
        var errors = new InputErrors();
        if (!System.IO.Directory.Exists(folder))
        {
            throw new InputException(folder, "folder not found");
        }

        foreach (var spec in CsvSchema.All.Where(s => s.Required && !s.ExistsIn(folder)))
        {
            errors.Add(spec.FileName, 0, "", "", $"required file is missing from {folder}");
        }

        errors.ThrowIfAny();

        var currencies = new Currencies(options.Currency ?? FirstCurrency(folder));
        currencies.Read(CsvSchema.Rates.PathIn(folder), CsvSchema.Rates.FileName, errors);
        errors.ThrowIfAny(); // as for the import, a bad rate stops the load: the orders would be converted with it
        var reps = ReadReps(folder, errors);
        var builder = new AccountBookBuilder();
        Stop(ReadAccounts(folder, builder, reps, errors, options.Chunking), errors);
        var accounts = AccountIds(builder);
        var orders = options.Directory ? new Dictionary<string, OrderOf>(StringComparer.Ordinal) : null;

        // One file after the other, each on every core. A file whose header cannot be read stops the load, as it stops
        // the import: its rows, unread, would only show up as unknown references in the files after it.
        Stop(ReadOrders(folder, builder, accounts, currencies, orders, errors, options.Chunking), errors);
        Stop(ReadEngagements(folder, builder, accounts, errors, options.Chunking), errors);
        Stop(ReadOpportunities(folder, builder, accounts, errors, options.Chunking), errors);
        var directory = orders is null ? ReactivationDirectory.Empty : ReadDirectory(folder, builder, accounts, orders, reps, errors);
        errors.ThrowIfAny();
        return new LoadedBook(builder.Build(), currencies.Reporting ?? "USD", reps) { Directory = directory };
    }

    private static void Stop(bool read, InputErrors errors)
    {
        if (!read)
        {
            errors.ThrowIfAny();
        }
    }

    private static Dictionary<string, RepInfo> ReadReps(string folder, InputErrors errors)
    {
        var reps = new Dictionary<string, RepInfo>(StringComparer.Ordinal);
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        if (!CsvSchema.Reps.ExistsIn(folder))
        {
            return reps;
        }

        using var f = CsvSchema.Reps.Open(folder, errors);
        Stop(f is not null, errors);
        while (f is not null && f.Read())
        {
            if (!FolderRows.Rep(f, out var rep))
            {
                continue;
            }

            if (lines.TryAdd(rep.Id, f.Line))
            {
                reps.Add(rep.Id, new RepInfo(rep.Id, rep.Name, rep.Email, rep.CommissionRate, rep.Active));
            }
            else
            {
                f.Error(0, rep.Id, FolderRows.Duplicate(lines[rep.Id]));
            }
        }

        return reps;
    }

    private static bool ReadAccounts(string folder, AccountBookBuilder builder, Dictionary<string, RepInfo> reps, InputErrors errors, Chunking chunking)
    {
        var repIds = reps.GetAlternateLookup<ReadOnlySpan<char>>();
        var owners = reps.Count == 0 ? null : new KnownIds("rep", CsvSchema.Reps.FileName, id => repIds.ContainsKey(id) ? 0 : -1);
        var accountLines = new List<int>();
        return ChunkedCsv.Read(CsvSchema.Accounts, folder, errors, chunking, lines => new Rows<(AccountInfo Account, int Line)>(lines), (f, part) =>
        {
            while (f.Read())
            {
                if (FolderRows.Account(f, owners, out var a))
                {
                    part.Add((new AccountInfo(a.Id, a.Name, a.Industry, a.Region, a.CreatedOn, a.OwnerRepId), f.Line));
                }
            }
        }, (part, lineOffset) =>
        {
            // Accounts take their index in file order, so duplicates are found here, in order, not in the parts.
            foreach (var (account, line) in part.Items)
            {
                if (builder.IndexOf(account.Id) is var first and >= 0)
                {
                    errors.Add(CsvSchema.Accounts.FileName, line + lineOffset, "account_id", account.Id, FolderRows.Duplicate(accountLines[first]));
                    continue;
                }

                builder.AddAccount(account);
                accountLines.Add(line + lineOffset);
            }
        });
    }

    /// <summary>The accounts read, found by a span of the id with no allocation per row.</summary>
    private static KnownIds AccountIds(AccountBookBuilder builder)
    {
        var map = new Dictionary<string, int>(builder.AccountCount, StringComparer.Ordinal);
        for (var i = 0; i < builder.AccountCount; i++)
        {
            map[builder.Id(i)] = i;
        }

        var lookup = map.GetAlternateLookup<ReadOnlySpan<char>>();
        return new KnownIds("account", CsvSchema.Accounts.FileName, id => lookup.TryGetValue(id, out var index) ? index : -1);
    }

    /// <summary>The currency of the first order row that names one (the reporting currency when none is set).</summary>
    private static string? FirstCurrency(string folder)
    {
        using var f = CsvSchema.Orders.Open(folder, new InputErrors());
        while (f is not null && f.Read())
        {
            if (!f.Span(4).IsEmpty)
            {
                return f.Span(4).ToString().ToUpperInvariant();
            }
        }

        return null;
    }

    private static bool ReadOrders(string folder, AccountBookBuilder builder, KnownIds accounts, Currencies currencies, Dictionary<string, OrderOf>? orders, InputErrors errors, Chunking chunking)
    {
        var ids = new DuplicateIds(CsvSchema.Orders, folder, 0, "order_id");
        builder.ReserveOrders(LineCount.Estimate(CsvSchema.Orders.PathIn(folder)));
        var read = ChunkedCsv.Read(CsvSchema.Orders, folder, errors, chunking, lines => new OrderPart(lines, orders is not null), (f, part) =>
        {
            while (f.Read())
            {
                part.Id(f.Span(0));
                if (FolderRows.Order(f, accounts, currencies, out var o))
                {
                    part.Add(o.Account, o.Date, o.ReportingAmount, o.Status, o.Id);
                }
            }
        }, (part, _) =>
        {
            ids.Add(part.Ids, part.Hashes.Span);
            builder.AddOrders(part.Accounts.Span, part.Days.Span, part.Amounts.Span, part.Statuses.Span);
            if (orders is not null)
            {
                for (var i = 0; i < part.OrderIds!.Count; i++)
                {
                    orders.TryAdd(part.OrderIds[i], new OrderOf(part.Accounts.Span[i], DateOnly.FromDayNumber(part.Days.Span[i]), part.Statuses.Span[i]));
                }
            }
        });

        ids.Report(errors);
        return read;
    }

    private static bool ReadEngagements(string folder, AccountBookBuilder builder, KnownIds accounts, InputErrors errors, Chunking chunking)
    {
        if (!CsvSchema.Engagements.ExistsIn(folder))
        {
            return true;
        }

        var ids = new DuplicateIds(CsvSchema.Engagements, folder, 0, "engagement_id");
        builder.ReserveEngagements(LineCount.Estimate(CsvSchema.Engagements.PathIn(folder)));
        var read = ChunkedCsv.Read(CsvSchema.Engagements, folder, errors, chunking, lines => new EngagementPart(lines), (f, part) =>
        {
            while (f.Read())
            {
                part.Id(f.Span(0));
                if (FolderRows.Engagement(f, accounts, out var e))
                {
                    part.Add(e.Account, e.Date, e.Kind);
                }
            }
        }, (part, _) =>
        {
            ids.Add(part.Ids, part.Hashes.Span);
            builder.AddEngagements(part.Accounts.Span, part.Days.Span, part.Kinds.Span);
        });

        ids.Report(errors);
        return read;
    }

    private static bool ReadOpportunities(string folder, AccountBookBuilder builder, KnownIds accounts, InputErrors errors, Chunking chunking)
    {
        if (!CsvSchema.Opportunities.ExistsIn(folder))
        {
            return true;
        }

        var ids = new DuplicateIds(CsvSchema.Opportunities, folder, 0, "opportunity_id");
        var read = ChunkedCsv.Read(CsvSchema.Opportunities, folder, errors, chunking, lines => new Rows<OpportunityOf>(lines), (f, part) =>
        {
            while (f.Read())
            {
                part.Id(f.Span(0));
                if (FolderRows.Opportunity(f, accounts, out var o))
                {
                    part.Add(new OpportunityOf(o.Account, o.Opened, o.Closed));
                }
            }
        }, (part, _) =>
        {
            ids.Add(part.Ids, part.Hashes.Span);
            foreach (var o in part.Items)
            {
                builder.AddOpportunity(o.Account, o.Opened, o.Closed);
            }
        });

        ids.Report(errors);
        return read;
    }

    private readonly record struct OpportunityOf(int Account, DateOnly Opened, DateOnly? Closed);

    /// <summary>An order as its lines need it: its account's index, date and status.</summary>
    private readonly record struct OrderOf(int Account, DateOnly Date, OrderStatus Status);
}
