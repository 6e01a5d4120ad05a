using System.Data.Common;
using System.Globalization;
using System.Text;
using Rekindle.Common;
using Rekindle.Lifecycle;
using Rekindle.Policies;
using Rekindle.Storage;

namespace Rekindle.App.Workspace;

/// <summary>
/// The queries of <see cref="StreamedClassification"/> for one provider, policy and date. Only the rows the measures
/// read are sent: booked orders and opportunities opened by the date, and each account's last counted engagement.
/// Dates come back as day numbers (<see cref="DateOnly.DayNumber"/>), money as the stored ten-thousandths.
/// Of several counted engagements on an account's last day, the last is the one <see cref="WorkspaceBook.Load"/>
/// reads last (the table's physical order: rowid on SQLite, ctid on PostgreSQL), as its kind is in the reasons.
/// </summary>
internal sealed class StreamSql
{
    private readonly bool postgres;
    private readonly string asOf;
    private readonly string lastEngagement;

    public StreamSql(WorkspaceProvider provider, Policy policy, DateOnly asOfDate)
    {
        postgres = provider == WorkspaceProvider.Postgres;
        var iso = asOfDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        asOf = postgres ? $"DATE '{iso}'" : $"'{iso}'";
        Accounts = $"SELECT account_id, name, industry, region, {Day("created_on")}, owner_rep_id FROM accounts ORDER BY account_id";
        var kinds = policy.EngagementKinds.Distinct().ToArray();
        CountsEngagements = kinds.Length > 0;
        var kindCase = new StringBuilder("CASE e.kind");
        foreach (var k in kinds)
        {
            kindCase.Append(CultureInfo.InvariantCulture, $" WHEN {Literal(Codes.Of(k))} THEN {(int)k}");
        }

        kindCase.Append(" END");
        var tie = postgres ? "ctid" : "rowid";
        var last = $"FROM engagements x WHERE x.account_id = a.account_id AND x.kind IN ({string.Join(", ", kinds.Select(k => Literal(Codes.Of(k))))}) " +
            $"AND x.\"date\" <= {asOf} ORDER BY x.\"date\" DESC, x.{tie} DESC LIMIT 1";
        lastEngagement = postgres
            ? $"SELECT a.account_id, {Day("e.\"date\"")}, {kindCase} FROM accounts a CROSS JOIN LATERAL (SELECT x.\"date\", x.kind {last}) e"
            : $"SELECT a.account_id, {Day("e.\"date\"")}, {kindCase} FROM accounts a JOIN engagements e ON e.rowid = (SELECT x.rowid {last})";
    }

    public string Accounts { get; }

    /// <summary>False when the policy counts no engagement kind: there is nothing to read.</summary>
    public bool CountsEngagements { get; }

    public string Orders(AccountRange range) =>
        Query("orders", $"{Day("order_date")}, reporting_amount", $"status = {Literal(Codes.Of(OrderStatus.Booked))} AND order_date <= {asOf}", "order_date", range);

    /// <summary>
    /// Each account's last counted engagement by the date, one row per account that has one: the measures read no
    /// other (<see cref="AccountMeasures.LastEngagementDay"/>), and it is one index probe per account instead of
    /// every engagement.
    /// </summary>
    public string LastEngagements(AccountRange range) =>
        $"{lastEngagement} WHERE 1 = 1{Bounds("a.", range)} ORDER BY a.account_id";

    public string Opportunities(AccountRange range) =>
        Query("opportunities", $"{Day("opened_on")}, {Day("closed_on")}", $"opened_on <= {asOf}", "opened_on", range);

    private static string Query(string table, string columns, string filter, string order, AccountRange range) =>
        $"SELECT account_id, {columns} FROM {table} WHERE {filter}{Bounds("", range)} ORDER BY account_id, {order}";

    private static string Bounds(string alias, AccountRange range) =>
        (range.From is null ? "" : $" AND {alias}account_id >= @from") + (range.To is null ? "" : $" AND {alias}account_id < @to");

    /// <summary>A date column as its day number (null stays null).</summary>
    private string Day(string column) => postgres
        ? $"({column} - DATE '0001-01-01')"
        : $"CAST(julianday({column}) - 1721425.5 AS INTEGER)"; // dates are stored as yyyy-MM-dd text

    private static string Literal(string code) =>
        code.All(c => char.IsAsciiLetterLower(c) || c == '_') ? $"'{code}'" : throw new ArgumentException($"Unexpected code {code}.", nameof(code));
}

/// <summary>
/// Measures the accounts of one range: merges the three ordered row streams with the accounts (same database order)
/// and hands each account's rows to <see cref="AccountMeasures.Measure(AccountFacts, Policy, int, uint)"/>. Each
/// stream has a connection of its own: PostgreSQL runs one command at a time on a connection.
/// </summary>
internal sealed class RangeMeasurer(Func<DbConnection> connect, StreamSql sql, Policy policy, DateOnly asOf)
{
    private readonly uint engagementMask = AccountMeasures.EngagementMask(policy);
    private readonly Rows orders = new();
    private readonly Rows engagements = new();
    private readonly Rows opportunities = new();
    private OrderStatus[] booked = [];
    private EngagementKind[] kinds = [];

    public void Measure(List<AccountInfo> accounts, int from, int to, AccountRange range, AccountMeasures[] measures, bool[] exists)
    {
        var day = asOf.DayNumber;
        using var orderRows = Open(sql.Orders(range), range);
        using var engagementRows = sql.CountsEngagements ? Open(sql.LastEngagements(range), range) : null;
        using var opportunityRows = Open(sql.Opportunities(range), range);
        orderRows.Next();
        engagementRows?.Next();
        opportunityRows.Next();
        for (var a = from; a < to; a++)
        {
            var id = accounts[a].Id;
            orders.Take(orderRows, id, amounts: true);
            if (engagementRows is not null)
            {
                engagements.Take(engagementRows, id, amounts: false);
            }

            opportunities.Take(opportunityRows, id, amounts: false);
            if (accounts[a].CreatedOn.DayNumber > day)
            {
                continue;
            }

            exists[a] = true;
            measures[a] = AccountMeasures.Measure(Facts(), policy, day, engagementMask);
        }

        foreach (var rows in new[] { orderRows, engagementRows, opportunityRows })
        {
            if (rows?.Account is { } stray)
            {
                throw new InvalidOperationException($"The workspace has a row for an unknown account {stray}.");
            }
        }
    }

    private AccountFacts Facts()
    {
        if (booked.Length < orders.Count)
        {
            booked = new OrderStatus[orders.Day.Length];
            Array.Fill(booked, OrderStatus.Booked);
        }

        if (kinds.Length < engagements.Count)
        {
            kinds = new EngagementKind[engagements.Value.Length];
        }

        for (var i = 0; i < engagements.Count; i++)
        {
            kinds[i] = (EngagementKind)engagements.Value[i];
        }

        return new AccountFacts(
            orders.Day.AsSpan(0, orders.Count), orders.Amount.AsSpan(0, orders.Count), booked.AsSpan(0, orders.Count),
            engagements.Day.AsSpan(0, engagements.Count), kinds.AsSpan(0, engagements.Count),
            opportunities.Day.AsSpan(0, opportunities.Count), opportunities.Value.AsSpan(0, opportunities.Count));
    }

    private Cursor Open(string text, AccountRange range)
    {
        var connection = connect();
        var command = connection.CreateCommand();
        try
        {
            command.CommandText = text;
            command.CommandTimeout = 0;
            Bind(command, "@from", range.From);
            Bind(command, "@to", range.To);
            return new Cursor(command);
        }
        catch
        {
            command.Dispose();
            connection.Dispose();
            throw;
        }
    }

    private static void Bind(DbCommand command, string name, string? value)
    {
        if (value is null)
        {
            return;
        }

        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }

    /// <summary>One account's rows of one stream: a day, and an amount (orders) or a second int (kind, close day).</summary>
    private sealed class Rows
    {
        public int Count;
        public int[] Day = new int[64];
        public int[] Value = new int[64];
        public decimal[] Amount = new decimal[64];

        /// <summary>Takes the rows of <paramref name="id"/> from the cursor (which stands on its first row, if any).</summary>
        public void Take(Cursor cursor, string id, bool amounts)
        {
            Count = 0;
            while (string.Equals(cursor.Account, id, StringComparison.Ordinal))
            {
                if (Count == Day.Length)
                {
                    Array.Resize(ref Day, Count * 2);
                    Array.Resize(ref Value, Count * 2);
                    Array.Resize(ref Amount, Count * 2);
                }

                var r = cursor.Reader;
                Day[Count] = r.GetInt32(1);
                if (amounts)
                {
                    Amount[Count] = Money.FromStored(r.GetInt64(2));
                }
                else
                {
                    Value[Count] = r.IsDBNull(2) ? AccountBook.NoDay : r.GetInt32(2);
                }

                Count++;
                cursor.Next();
            }
        }
    }

    /// <summary>A reader standing on a row; <see cref="Account"/> is null past the last one. Owns its command and connection.</summary>
    private sealed class Cursor(DbCommand command) : IDisposable
    {
        private readonly DbConnection connection = command.Connection!;

        public DbDataReader Reader { get; } = command.ExecuteReader();

        public string? Account { get; private set; }

        public void Next() => Account = Reader.Read() ? Reader.GetString(0) : null;

        public void Dispose()
        {
            Reader.Dispose();
            command.Dispose();
            connection.Dispose();
        }
    }
}
