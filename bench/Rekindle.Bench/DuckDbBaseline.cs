using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;

namespace Rekindle.Bench;

/// <summary>
/// The same per-account aggregates Rekindle's classification needs, computed by DuckDB with SQL straight over
/// the CSV files: last order, orders and revenue in the last 365 days, median gap between distinct order dates
/// in the cycle window, last counted engagement, open opportunity. The honest baseline for "load plus classify".
/// </summary>
public static class DuckDbBaseline
{
    public static (TimeSpan Elapsed, long Accounts) Aggregate(string folder, DateOnly asOf, int threads)
    {
        var d = asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        string Csv(string file) => Path.Combine(folder, file).Replace("'", "''", StringComparison.Ordinal);
        var sql = $$"""
            WITH o AS (
              SELECT account_id, order_date, amount FROM read_csv('{{Csv("orders.csv")}}', header = true,
                columns = {'order_id': 'VARCHAR', 'account_id': 'VARCHAR', 'order_date': 'DATE', 'amount': 'DECIMAL(18,2)', 'currency': 'VARCHAR', 'status': 'VARCHAR'})
              WHERE status = 'booked' AND order_date <= DATE '{{d}}'),
            dates AS (
              SELECT DISTINCT account_id, order_date FROM o WHERE order_date >= DATE '{{d}}' - INTERVAL 1095 DAY),
            gaps AS (
              SELECT account_id, order_date - lag(order_date) OVER (PARTITION BY account_id ORDER BY order_date) AS gap FROM dates),
            cycle AS (
              SELECT account_id, median(gap) AS median_gap, count(*) + 1 AS dates FROM gaps WHERE gap IS NOT NULL GROUP BY account_id),
            orders_agg AS (
              SELECT account_id, min(order_date) AS first_order, max(order_date) AS last_order,
                     count(*) FILTER (WHERE order_date > DATE '{{d}}' - INTERVAL 366 DAY) AS orders_12m,
                     sum(amount) FILTER (WHERE order_date > DATE '{{d}}' - INTERVAL 366 DAY) AS revenue_12m
              FROM o GROUP BY account_id),
            e AS (
              SELECT account_id, max(date) AS last_engagement FROM read_csv('{{Csv("engagements.csv")}}', header = true,
                columns = {'engagement_id': 'VARCHAR', 'account_id': 'VARCHAR', 'date': 'DATE', 'kind': 'VARCHAR', 'direction': 'VARCHAR'})
              WHERE date <= DATE '{{d}}' AND kind IN ('web_visit', 'email_click', 'call_answered', 'meeting', 'support_ticket', 'event')
              GROUP BY account_id),
            p AS (
              SELECT account_id, bool_or(closed_on IS NULL OR closed_on > DATE '{{d}}') AS open_opportunity, max(closed_on) FILTER (WHERE closed_on <= DATE '{{d}}') AS last_closed
              FROM read_csv('{{Csv("opportunities.csv")}}', header = true,
                columns = {'opportunity_id': 'VARCHAR', 'account_id': 'VARCHAR', 'opened_on': 'DATE', 'closed_on': 'DATE', 'stage': 'VARCHAR', 'amount': 'DECIMAL(18,2)'})
              WHERE opened_on <= DATE '{{d}}' GROUP BY account_id)
            SELECT count(*), sum(orders_12m), sum(revenue_12m), count(median_gap), count(last_engagement), count(open_opportunity)
            FROM read_csv('{{Csv("accounts.csv")}}', header = true, all_varchar = true) a
            LEFT JOIN orders_agg USING (account_id) LEFT JOIN cycle USING (account_id)
            LEFT JOIN e USING (account_id) LEFT JOIN p USING (account_id)
            """;
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using (var set = connection.CreateCommand())
        {
            set.CommandText = $"SET threads = {threads}";
            set.ExecuteNonQuery();
        }

        var clock = Stopwatch.StartNew();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        reader.Read();
        var accounts = Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture);
        return (clock.Elapsed, accounts);
    }
}
