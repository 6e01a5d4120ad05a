using System.Globalization;
using Rekindle.Common;
using Rekindle.Reactivation;

namespace Rekindle.App.Csv;

/// <summary>
/// The one reader of the CSV folder format's rows (the README's "CSV folder format"): for each file, its columns
/// (<see cref="CsvSchema"/>), how each field is parsed, every check and every message. <c>classify</c>, <c>segments</c>
/// and <c>backtest --data</c> (<see cref="BookLoader"/>), and the workspace import, from the CLI and the web
/// (<c>Workspace.FolderImport</c>), read every row through it, so a file gives the same rows and the same errors on
/// every path. A method reads the current row of <paramref name="f"/>, adds an error (file, line, column, value,
/// reason) for each thing wrong with it, and returns true only for a row with no error. References are checked against
/// the ids the caller knows (<see cref="KnownIds"/>); duplicates are found by the caller (they span rows), with the
/// reasons given here.
/// </summary>
internal static class FolderRows
{
    /// <summary>The reason of an id seen before in the same file.</summary>
    public static string Duplicate(int firstLine) => $"duplicate id (first seen on line {firstLine})";

    /// <summary>An order line whose (order_id, line_no) was seen before: the error is on its line_no.</summary>
    public static void DuplicateLine(CsvFile f, int firstLine) =>
        f.Error(1, f.Text(1), $"duplicate line of order {f.Text(0)} (first seen on line {firstLine})");

    /// <summary>reps.csv: rep_id, name, email, commission_rate (0 to 1), active (true/false).</summary>
    public static bool Rep(CsvFile f, out RepRow row)
    {
        var before = f.Errors.Count;
        var id = Fields.Id(f, 0);
        var name = Fields.Text(f, 1);
        var email = Fields.Text(f, 2);
        var rate = Fields.Money(f, 3);
        var active = f.Boolean(4);
        if (rate is < 0 or > 1)
        {
            f.Error(3, rate.Value.ToString(CultureInfo.InvariantCulture), "a commission rate must be between 0 and 1");
        }

        row = new RepRow(id ?? "", name, email, rate ?? 0m, active ?? false);
        return f.Errors.Count == before;
    }

    /// <summary>accounts.csv; the owner, when given, must be a known rep (checked when any rep is known: <paramref name="reps"/> not null).</summary>
    public static bool Account(CsvFile f, KnownIds? reps, out AccountRow row)
    {
        var before = f.Errors.Count;
        var id = Fields.Id(f, 0);
        var name = Fields.Text(f, 1);
        var industry = Fields.Text(f, 2);
        var region = Fields.Text(f, 3);
        var created = f.Date(4);
        var owner = Fields.Text(f, 5);
        if (owner.Length > 0 && reps is not null)
        {
            reps.Find(f, 5);
        }

        row = new AccountRow(id ?? "", name, industry, region, created ?? default, owner);
        return f.Errors.Count == before;
    }

    /// <summary>contacts.csv: a contact of a known account; opt_out is channels joined by ';'.</summary>
    public static bool Contact(CsvFile f, KnownIds accounts, out ContactRow row)
    {
        var before = f.Errors.Count;
        var id = Fields.Id(f, 0);
        var account = accounts.Find(f, 1) >= 0 ? f.Text(1) : "";
        var optOut = ChannelSet.None;
        foreach (var part in f.Text(8).Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (Codes.TryParse(part, out Channel channel))
            {
                optOut = optOut.With(channel);
            }
            else
            {
                f.Error(8, part, $"unknown channel (expected {string.Join(", ", Codes.AllChannels)}, joined by ';')");
            }
        }

        row = new ContactRow(id ?? "", account, Fields.Text(f, 2), Fields.Text(f, 3), Fields.Text(f, 4), Fields.Text(f, 5), Fields.Text(f, 6), Fields.Text(f, 7), optOut);
        return f.Errors.Count == before;
    }

    /// <summary>
    /// orders.csv: an order of a known account, in the reporting currency or one <paramref name="currencies"/> has a
    /// rate for; a booked order's amount is not negative; amounts the workspace stores exactly.
    /// </summary>
    public static bool Order(CsvFile f, KnownIds accounts, Currencies currencies, out OrderRow row)
    {
        var before = f.Errors.Count;
        Fields.Id(f, 0, out var id);
        var account = accounts.Find(f, 1, out var accountId);
        var date = f.Date(2);
        var amount = Fields.Money(f, 3);
        var statusOk = Codes.TryParse(f.Span(5), out OrderStatus status);
        if (!statusOk)
        {
            f.Error(5, f.Text(5), "expected booked, cancelled or refunded");
        }
        else if (status == OrderStatus.Booked && amount < 0)
        {
            f.Error(3, amount.Value.ToString(CultureInfo.InvariantCulture), "a booked order cannot have a negative amount");
        }

        var rate = currencies.RateOf(f, 4, out var currency);
        row = new OrderRow(id, accountId, account, date ?? default, amount ?? 0m, currency, rate ?? 1m, status);
        return f.Errors.Count == before;
    }

    /// <summary>order_lines.csv: a line (numbered from 1) of a known order; a whole quantity, as the workspace stores it.</summary>
    public static bool Line(CsvFile f, KnownIds orders, out LineRow row)
    {
        var before = f.Errors.Count;
        var order = orders.Find(f, 0);
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
        row = new LineRow(f.Text(0), order, lineNo ?? 0, sku, product, category, quantity ?? 0, price ?? 0m);
        return f.Errors.Count == before;
    }

    /// <summary>engagements.csv: a touch of a known account, of a known kind and direction.</summary>
    public static bool Engagement(CsvFile f, KnownIds accounts, out EngagementRow row)
    {
        var before = f.Errors.Count;
        Fields.Id(f, 0, out var id);
        var account = accounts.Find(f, 1, out var accountId);
        var date = f.Date(2);
        if (!Codes.TryParse(f.Span(3), out EngagementKind kind))
        {
            f.Error(3, f.Text(3), $"unknown engagement kind (expected one of {string.Join(", ", Codes.AllEngagementKinds)})");
        }

        if (!Codes.TryParse(f.Span(4), out Direction direction))
        {
            f.Error(4, f.Text(4), "expected inbound or outbound");
        }

        row = new EngagementRow(id, accountId, account, date ?? default, kind, direction);
        return f.Errors.Count == before;
    }

    /// <summary>opportunities.csv: of a known account, closed (when it is) no earlier than it was opened.</summary>
    public static bool Opportunity(CsvFile f, KnownIds accounts, out OpportunityRow row)
    {
        var before = f.Errors.Count;
        Fields.Id(f, 0, out var id);
        var account = accounts.Find(f, 1, out var accountId);
        var opened = f.Date(2);
        var closed = f.Date(3, required: false);
        if (opened is not null && closed is not null && closed < opened)
        {
            f.Error(3, IsoDate.Format(closed.Value), $"closed before it was opened ({IsoDate.Format(opened.Value)})");
        }

        var stage = Fields.TextSpan(f, 4);
        var amount = Fields.Money(f, 5, required: false);
        row = new OpportunityRow(id, accountId, account, opened ?? default, closed, stage, amount);
        return f.Errors.Count == before;
    }
}
