using System.Globalization;
using System.Text.Json;
using Rekindle.Common;
using Rekindle.Lifecycle;
using Rekindle.Models;
using Rekindle.Signals;

namespace Rekindle.App.Reports;

/// <summary>The classification as CSV (one row per account) and JSON (accounts and summary); byte-identical for the same inputs.</summary>
public static class ClassificationWriter
{
    public static readonly string[] CsvColumns =
    [
        "account_id", "name", "owner_rep_id", "status", "key", "cycle_days", "cycle_basis", "last_order_date",
        "days_since_last_order", "orders_12m", "revenue_12m", "last_engagement_date", "open_opportunity", "reasons",
    ];

    /// <summary>Columns added when the policy enables a model (<see cref="ModelSignals"/>).</summary>
    public static readonly string[] ModelColumns = ["p_alive", "p_no_purchase_next", "expected_orders_next", "expected_value_next", "slipping"];

    public static void WriteCsv(BookClassification result, TextWriter writer, ModelSignals? signals = null)
    {
        writer.Write(string.Join(',', signals is null ? CsvColumns : [.. CsvColumns, .. ModelColumns]));
        writer.Write('\n');
        foreach (var row in Rows(result, signals))
        {
            string?[] fields =
            [
                row.AccountId, row.Name, row.OwnerRepId, row.Status, row.Key ? "true" : "false",
                Number(row.CycleDays), row.CycleBasis, row.LastOrderDate, row.DaysSinceLastOrder?.ToString(CultureInfo.InvariantCulture),
                row.Orders12m.ToString(CultureInfo.InvariantCulture), Money(row.Revenue12m), row.LastEngagementDate,
                row.OpenOpportunity ? "true" : "false", row.Reasons,
            ];
            if (signals is not null)
            {
                var a = row.Index;
                fields = signals.Scored[a]
                    ? [.. fields, Probability(signals.ProbabilityAlive[a]), Probability(signals.ProbabilityNoPurchase[a]), Probability(signals.ExpectedOrders[a]), Money(signals.ExpectedValue[a]), signals.Slipping[a] ? "true" : "false"]
                    : [.. fields, "", "", "", "", "false"];
            }

            CsvText.Row(writer, fields);
        }
    }

    /// <summary>A figure rounded to <paramref name="digits"/>, or null when it is not a finite number (a failed fit): JSON has no NaN.</summary>
    public static void WriteFinite(Utf8JsonWriter json, string name, double value, int digits)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumber(name, Math.Round(value, digits));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static string Probability(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);

    public static void WriteJson(BookClassification result, Stream stream, ModelSignals? signals = null)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("as_of", IsoDate(result.AsOf.DayNumber));
        json.WriteString("policy_version", result.PolicyVersion);
        WriteSummary(result, json);
        if (signals is not null)
        {
            WriteModel(signals, json);
        }

        json.WriteStartArray("accounts");
        foreach (var row in Rows(result, signals))
        {
            json.WriteStartObject();
            json.WriteString("account_id", row.AccountId);
            json.WriteString("name", row.Name);
            json.WriteString("owner_rep_id", row.OwnerRepId);
            json.WriteString("status", row.Status);
            json.WriteBoolean("key", row.Key);
            json.WriteNumber("cycle_days", Math.Round(row.CycleDays, 1));
            json.WriteString("cycle_basis", row.CycleBasis);
            WriteNullable(json, "last_order_date", row.LastOrderDate);
            if (row.DaysSinceLastOrder is { } d)
            {
                json.WriteNumber("days_since_last_order", d);
            }
            else
            {
                json.WriteNull("days_since_last_order");
            }

            json.WriteNumber("orders_12m", row.Orders12m);
            json.WriteNumber("revenue_12m", decimal.Round(row.Revenue12m, 2));
            WriteNullable(json, "last_engagement_date", row.LastEngagementDate);
            json.WriteBoolean("open_opportunity", row.OpenOpportunity);
            json.WriteString("reasons", row.Reasons);
            if (signals is not null && signals.Scored[row.Index])
            {
                WriteFinite(json, "p_alive", signals.ProbabilityAlive[row.Index], 4);
                WriteFinite(json, "p_no_purchase_next", signals.ProbabilityNoPurchase[row.Index], 4);
                WriteFinite(json, "expected_orders_next", signals.ExpectedOrders[row.Index], 4);
                json.WriteNumber("expected_value_next", signals.ExpectedValue[row.Index]);
                json.WriteBoolean("slipping", signals.Slipping[row.Index]);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteSummary(BookClassification result, Utf8JsonWriter json)
    {
        var s = result.Summary;
        json.WriteStartObject("summary");
        json.WriteNumber("accounts", s.Accounts);
        json.WriteNumber("revenue_12m", decimal.Round(s.Revenue, 2));
        json.WriteNumber("company_cycle_days", Math.Round(result.CompanyCycle.Days, 1));
        json.WriteString("company_cycle_basis", result.CompanyCycle.Basis.Code());
        json.WriteNumber("key_accounts", s.KeyAccounts);
        json.WriteNumber("key_accounts_lapsed", s.KeyAccountsLapsed);
        json.WriteString("policy_version", result.PolicyVersion);
        json.WriteStartObject("by_status");
        foreach (var t in s.ByStatus)
        {
            json.WriteStartObject(t.Status.Code());
            json.WriteNumber("accounts", t.Accounts);
            json.WriteNumber("account_share", Math.Round(t.AccountShare, 4));
            json.WriteNumber("revenue_12m", decimal.Round(t.Revenue, 2));
            json.WriteNumber("revenue_share", Math.Round(t.RevenueShare, 4));
            json.WriteNumber("key_accounts", t.KeyAccounts);
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteModel(ModelSignals signals, Utf8JsonWriter json)
    {
        json.WriteStartObject("model");
        json.WriteString("model", signals.Fit.Model.Name());
        json.WriteBoolean("usable", signals.Fit.Usable);
        json.WriteNumber("horizon_days", signals.HorizonDays);
        WriteFinite(json, "log_likelihood", signals.Fit.LogLikelihood, 4);
        json.WriteStartObject("params");
        foreach (var p in signals.Fit.Parameters)
        {
            WriteFinite(json, p.Name, p.Value, 6);
        }

        json.WriteEndObject();
        json.WriteNumber("slipping_accounts", signals.Slipping.Count(s => s));
        json.WriteStartArray("warnings");
        foreach (var w in signals.Fit.Warnings)
        {
            json.WriteStringValue(w);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>One account's line of the report, as every format shows it.</summary>
    public sealed record Row(
        int Index,
        string AccountId, string Name, string OwnerRepId, string Status, bool Key, double CycleDays, string CycleBasis,
        string? LastOrderDate, int? DaysSinceLastOrder, int Orders12m, decimal Revenue12m, string? LastEngagementDate,
        bool OpenOpportunity, string Reasons);

    /// <summary>The rows of every account that existed as of the date, in book order.</summary>
    public static IEnumerable<Row> Rows(BookClassification result, ModelSignals? signals = null)
    {
        var asOf = result.AsOf.DayNumber;
        for (var a = 0; a < result.Accounts.Count; a++)
        {
            var c = result.Accounts[a];
            if (!c.Exists)
            {
                continue;
            }

            var info = result.Book.Accounts[a];
            var m = c.Measures;
            var reasons = Reasons.Explain(c, result.Policy, asOf);
            if (signals?.Explain(a, result) is { Length: > 0 } model)
            {
                reasons += "; " + model;
            }

            yield return new Row(
                a,
                info.Id, info.Name, info.OwnerRepId, c.Status.Code(), c.Key, c.CycleDays, c.CycleBasis.Code(),
                m.HasBookedOrder ? IsoDate(m.LastOrderDay) : null, c.DaysSinceLastOrder(asOf), m.OrdersInRevenueWindow,
                m.RevenueInWindow, m.LastEngagementDay == AccountBook.NoDay ? null : IsoDate(m.LastEngagementDay),
                m.HasOpenOpportunity, reasons);
        }
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    private static string IsoDate(int day) => Csv.IsoDate.Format(DateOnly.FromDayNumber(day));

    private static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Money(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
