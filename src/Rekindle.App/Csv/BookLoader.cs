using Rekindle.Common;
using Rekindle.Lifecycle;

namespace Rekindle.App.Csv;

/// <summary>How to read a CSV folder into a book.</summary>
public sealed record LoadOptions
{
    /// <summary>The workspace's reporting currency; null takes the currency of the first order row.</summary>
    public string? Currency { get; init; }

    /// <summary>How the large files (orders, engagements, opportunities) are read: every core by default.</summary>
    public Chunking Chunking { get; init; } = Chunking.Default;
}

/// <summary>A book read from a CSV folder, with the reporting currency it is in.</summary>
public sealed record LoadedBook(AccountBook Book, string Currency, IReadOnlyDictionary<string, RepInfo> Reps);

/// <summary>A sales rep as the lifecycle report shows it.</summary>
public sealed record RepInfo(string Id, string Name, string Email, decimal CommissionRate, bool Active);

/// <summary>
/// Reads the CSV folder into an <see cref="AccountBook"/> in one streaming pass per file, with no per-order
/// object: ids are looked up as spans, duplicate ids found by <see cref="DuplicateIds"/> (nothing kept while a
/// file's ids rise). The large files are read in parts on every core (<see cref="ChunkedCsv"/>), committed in file order,
/// so the book and the errors are those of one reader. Every error names file, line, column and value; any error
/// and nothing is returned.
/// </summary>
public static class BookLoader
{
    public static LoadedBook Load(string folder, LoadOptions? options = null)
    {
        options ??= new LoadOptions();
        var errors = new InputErrors();
        if (!Directory.Exists(folder))
        {
            throw new InputException(folder, "folder not found");
        }

        foreach (var spec in CsvSchema.All.Where(s => s.Required && !s.ExistsIn(folder)))
        {
            errors.Add(spec.FileName, 0, "", "", $"required file is missing from {folder}");
        }

        errors.ThrowIfAny();

        var reps = ReadReps(folder, errors);
        var rates = ReadRates(folder, errors);
        var builder = new AccountBookBuilder();
        ReadAccounts(folder, builder, reps, errors, options.Chunking);
        var accounts = new AccountLookup(builder);
        // One file after the other, each on every core.
        var currency = ReadOrders(folder, builder, accounts, options.Currency ?? FirstCurrency(folder), rates, errors, options.Chunking);
        ReadEngagements(folder, builder, accounts, errors, options.Chunking);
        ReadOpportunities(folder, builder, accounts, errors, options.Chunking);
        errors.ThrowIfAny();
        return new LoadedBook(builder.Build(), currency, reps);
    }

    private static Dictionary<string, RepInfo> ReadReps(string folder, InputErrors errors)
    {
        var reps = new Dictionary<string, RepInfo>(StringComparer.Ordinal);
        if (!CsvSchema.Reps.ExistsIn(folder))
        {
            return reps;
        }

        using var f = CsvSchema.Reps.Open(folder, errors);
        while (f is not null && f.Read())
        {
            var id = f.Required(0);
            var name = f.Text(1);
            var email = f.Text(2);
            var rate = f.Decimal(3);
            var active = f.Boolean(4);
            if (rate is < 0 or > 1)
            {
                f.Error(3, rate.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), "a commission rate must be between 0 and 1");
            }

            if (id is null || rate is null || active is null)
            {
                continue;
            }

            if (!reps.TryAdd(id, new RepInfo(id, name, email, rate.Value, active.Value)))
            {
                f.Error(0, id, "duplicate rep_id");
            }
        }

        return reps;
    }

    private static Dictionary<string, decimal> ReadRates(string folder, InputErrors errors)
    {
        var rates = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);
        if (!CsvSchema.Rates.ExistsIn(folder))
        {
            return rates;
        }

        using var f = CsvSchema.Rates.Open(folder, errors);
        while (f is not null && f.Read())
        {
            var currency = f.Required(0);
            var rate = f.Decimal(1);
            if (rate is <= 0)
            {
                f.Error(1, rate.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), "a rate must be greater than 0");
            }
            else if (currency is not null && rate is not null && !rates.TryAdd(currency, rate.Value))
            {
                f.Error(0, currency, "duplicate currency");
            }
        }

        return rates;
    }

    private static void ReadAccounts(string folder, AccountBookBuilder builder, Dictionary<string, RepInfo> reps, InputErrors errors, Chunking chunking)
    {
        ChunkedCsv.Read(CsvSchema.Accounts, folder, errors, chunking, lines => new Rows<(AccountInfo Account, int Line)>(lines), (f, part) =>
        {
            while (f.Read())
            {
                var id = f.Required(0);
                var name = f.Text(1);
                var created = f.Date(4);
                var owner = f.Text(5);
                if (owner.Length > 0 && reps.Count > 0 && !reps.ContainsKey(owner))
                {
                    f.Error(5, owner, "owner_rep_id is not in reps.csv");
                }

                if (id is not null && created is not null)
                {
                    part.Add((new AccountInfo(id, name, f.Text(2), f.Text(3), created.Value, owner), f.Line));
                }
            }
        }, (part, lineOffset) =>
        {
            // Accounts take their index in file order, so duplicates are found here, in order, not in the parts.
            foreach (var (account, line) in part.Items)
            {
                if (builder.IndexOf(account.Id) >= 0)
                {
                    errors.Add(CsvSchema.Accounts.FileName, line + lineOffset, "account_id", account.Id, "duplicate account_id");
                    continue;
                }

                builder.AddAccount(account);
            }
        });
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

    private static string ReadOrders(string folder, AccountBookBuilder builder, AccountLookup accounts, string? currency, Dictionary<string, decimal> rates, InputErrors errors, Chunking chunking)
    {
        var ids = new DuplicateIds(CsvSchema.Orders, folder, 0, "order_id");
        var expected = LineCount.Estimate(CsvSchema.Orders.PathIn(folder));
        builder.ReserveOrders(expected);
        ChunkedCsv.Read(CsvSchema.Orders, folder, errors, chunking, lines => new OrderPart(lines), (f, part) =>
        {
            while (f.Read())
            {
                part.Id(f.Span(0));
                if (f.Span(0).IsEmpty)
                {
                    f.Error(0, "", "a value is required");
                }

                var account = accounts.Find(f, 1);
                var date = f.Date(2);
                var amount = f.Decimal(3);
                var rowCurrency = f.Span(4);
                var rate = 1m;
                if (rowCurrency.IsEmpty)
                {
                    f.Error(4, "", "a currency is required");
                }
                else if (!rowCurrency.SequenceEqual(currency) && !rowCurrency.Equals(currency, StringComparison.OrdinalIgnoreCase))
                {
                    if (rates.TryGetValue(rowCurrency.ToString(), out var r))
                    {
                        rate = r;
                    }
                    else
                    {
                        f.Error(4, rowCurrency.ToString(), $"not the reporting currency {currency}, and rates.csv gives no rate for it");
                    }
                }

                OrderStatus status = default;
                if (!Codes.TryParse(f.Span(5), out status))
                {
                    f.Error(5, f.Span(5).ToString(), "expected booked, cancelled or refunded");
                }
                else if (status == OrderStatus.Booked && amount < 0)
                {
                    f.Error(3, amount.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), "a booked order cannot have a negative amount");
                }

                if (account >= 0 && date is not null && amount is not null)
                {
                    part.Add(account, date.Value, amount.Value * rate, status);
                }
            }
        }, (part, _) =>
        {
            ids.Add(part.Ids, part.Hashes.Span);
            builder.AddOrders(part.Accounts.Span, part.Days.Span, part.Amounts.Span, part.Statuses.Span);
        });

        ids.Report(errors);
        return currency ?? "USD";
    }

    private static void ReadEngagements(string folder, AccountBookBuilder builder, AccountLookup accounts, InputErrors errors, Chunking chunking)
    {
        if (!CsvSchema.Engagements.ExistsIn(folder))
        {
            return;
        }

        var ids = new DuplicateIds(CsvSchema.Engagements, folder, 0, "engagement_id");
        var expected = LineCount.Estimate(CsvSchema.Engagements.PathIn(folder));
        builder.ReserveEngagements(expected);
        ChunkedCsv.Read(CsvSchema.Engagements, folder, errors, chunking, lines => new EngagementPart(lines), (f, part) =>
        {
            while (f.Read())
            {
                part.Id(f.Span(0));
                var account = accounts.Find(f, 1);
                var date = f.Date(2);
                var kindOk = Codes.TryParse(f.Span(3), out EngagementKind kind);
                if (!kindOk)
                {
                    f.Error(3, f.Span(3).ToString(), $"unknown engagement kind (expected one of {string.Join(", ", Codes.AllEngagementKinds)})");
                }

                if (!Codes.TryParse(f.Span(4), out Direction _))
                {
                    f.Error(4, f.Span(4).ToString(), "expected inbound or outbound");
                }

                if (account >= 0 && date is not null && kindOk)
                {
                    part.Add(account, date.Value, kind);
                }
            }
        }, (part, _) =>
        {
            ids.Add(part.Ids, part.Hashes.Span);
            builder.AddEngagements(part.Accounts.Span, part.Days.Span, part.Kinds.Span);
        });

        ids.Report(errors);
    }

    private static void ReadOpportunities(string folder, AccountBookBuilder builder, AccountLookup accounts, InputErrors errors, Chunking chunking)
    {
        if (!CsvSchema.Opportunities.ExistsIn(folder))
        {
            return;
        }

        var ids = new DuplicateIds(CsvSchema.Opportunities, folder, 0, "opportunity_id");
        ChunkedCsv.Read(CsvSchema.Opportunities, folder, errors, chunking, lines => new Rows<OpportunityRow>(lines), (f, part) =>
        {
            while (f.Read())
            {
                part.Id(f.Span(0));
                var account = accounts.Find(f, 1);
                var opened = f.Date(2);
                var closed = f.Date(3, required: false);
                if (opened is not null && closed is not null && closed < opened)
                {
                    f.Error(3, IsoDate.Format(closed.Value), $"closed before it was opened ({IsoDate.Format(opened.Value)})");
                }

                if (!f.Span(5).IsEmpty)
                {
                    f.Decimal(5);
                }

                if (account >= 0 && opened is not null)
                {
                    part.Add(new OpportunityRow(account, opened.Value, closed));
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
    }

    private readonly record struct OpportunityRow(int Account, DateOnly Opened, DateOnly? Closed);

    /// <summary>What a reader of one part of a file found of its ids: their hashes, and whether they rise (its rows are in the subclasses).</summary>
    private abstract class Part(int lines) : IReusablePart
    {
        public RisingIds Ids { get; } = new();

        public PartColumn<ulong> Hashes { get; } = new(lines);

        public virtual void Clear()
        {
            Ids.Clear();
            Hashes.Clear();
        }

        public void Id(ReadOnlySpan<char> id)
        {
            if (!id.IsEmpty)
            {
                Hashes.Add(DuplicateIds.Hash(id));
                Ids.Note(id);
            }
        }
    }

    /// <summary>A part's orders as columns, added to the builder in one call.</summary>
    private sealed class OrderPart(int lines) : Part(lines)
    {
        public PartColumn<int> Accounts { get; } = new(lines);
        public PartColumn<int> Days { get; } = new(lines);
        public PartColumn<decimal> Amounts { get; } = new(lines);
        public PartColumn<OrderStatus> Statuses { get; } = new(lines);

        public override void Clear()
        {
            base.Clear();
            Accounts.Clear();
            Days.Clear();
            Amounts.Clear();
            Statuses.Clear();
        }

        public void Add(int account, DateOnly date, decimal amount, OrderStatus status)
        {
            Accounts.Add(account);
            Days.Add(date.DayNumber);
            Amounts.Add(amount);
            Statuses.Add(status);
        }
    }

    /// <summary>A part's engagements as columns, added to the builder in one call.</summary>
    private sealed class EngagementPart(int lines) : Part(lines)
    {
        public PartColumn<int> Accounts { get; } = new(lines);
        public PartColumn<int> Days { get; } = new(lines);
        public PartColumn<EngagementKind> Kinds { get; } = new(lines);

        public override void Clear()
        {
            base.Clear();
            Accounts.Clear();
            Days.Clear();
            Kinds.Clear();
        }

        public void Add(int account, DateOnly date, EngagementKind kind)
        {
            Accounts.Add(account);
            Days.Add(date.DayNumber);
            Kinds.Add(kind);
        }
    }

    /// <summary>Accounts and opportunities are fewer: a part keeps them as rows.</summary>
    private sealed class Rows<T>(int lines) : Part(lines)
    {
        public List<T> Items { get; } = new(Math.Min(lines, 1 << 18));

        public void Add(T row) => Items.Add(row);

        public override void Clear()
        {
            base.Clear();
            Items.Clear();
        }
    }

    /// <summary>Finds account indexes by a span of the id, with no allocation per row.</summary>
    private sealed class AccountLookup
    {
        private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> lookup;

        public AccountLookup(AccountBookBuilder builder)
        {
            var map = new Dictionary<string, int>(builder.AccountCount, StringComparer.Ordinal);
            for (var i = 0; i < builder.AccountCount; i++)
            {
                map[builder.Id(i)] = i;
            }

            lookup = map.GetAlternateLookup<ReadOnlySpan<char>>();
        }

        public int Find(CsvFile f, int column)
        {
            var id = f.Span(column);
            if (id.IsEmpty)
            {
                f.Error(column, "", "a value is required");
                return -1;
            }

            if (lookup.TryGetValue(id, out var index))
            {
                return index;
            }

            f.Error(column, id.ToString(), "unknown account (not in accounts.csv)");
            return -1;
        }
    }
}
