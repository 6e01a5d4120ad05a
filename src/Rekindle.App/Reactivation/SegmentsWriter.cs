using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Rekindle.App.Csv;
using Rekindle.App.Reports;
using Rekindle.Lifecycle;
using Rekindle.Reactivation;

namespace Rekindle.App.Reactivation;

/// <summary>
/// The segmented book as CSV (one row per lapsed account, or one per matrix cell) and JSON (axes, matrix and
/// accounts); byte-identical for the same inputs. Money in the reporting currency, two decimals.
/// </summary>
public static class SegmentsWriter
{
    public static readonly string[] AccountColumns =
    [
        "account_id", "name", "owner_rep_id", "status", "key", "last_order_date", "days_since_last_order", "band", "tier",
        "channels", "segment", "lifetime_spend", "average_annual_spend", "revenue_at_stake", "play", "favourite", "favourite_level",
    ];

    public static readonly string[] CellColumns =
    [
        "band", "tier", "channels", "segment", "accounts", "key_accounts", "passive", "inactive", "dormant", "revenue_at_stake",
    ];

    public static void WriteAccountsCsv(SegmentedBook book, ReactivationDirectory directory, TextWriter writer)
    {
        CsvText.Row(writer, AccountColumns);
        foreach (var s in book.Accounts)
        {
            var favourite = Favourite(book, directory, s);
            CsvText.Row(writer, s.AccountId, s.AccountName, s.OwnerRepId, s.Status.Code(), s.Key ? "true" : "false", IsoDate.Format(s.LastOrderOn),
                N(s.DaysSinceLastOrder), s.BandLabel, s.Tier.Code(), s.Channels.Code(), s.SegmentCode, Money(s.LifetimeSpend),
                Money(s.AverageAnnualSpend), Money(s.RevenueAtStake), s.PlayId, favourite?.Name, Level(favourite));
        }
    }

    public static void WriteCellsCsv(SegmentedBook book, TextWriter writer)
    {
        CsvText.Row(writer, CellColumns);
        foreach (var c in book.Matrix.Cells)
        {
            CsvText.Row(writer, c.BandLabel, c.Tier?.Code(), c.Channels?.Code(), c.Code, N(c.Accounts), N(c.KeyAccounts), N(c.Passive),
                N(c.Inactive), N(c.Dormant), Money(c.RevenueAtStake));
        }
    }

    public static void WriteJson(SegmentedBook book, ReactivationDirectory directory, Stream stream)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("as_of", IsoDate.Format(book.AsOf));
        json.WriteString("policy_version", book.PolicyVersion);
        json.WriteStartObject("bands");
        json.WriteBoolean("auto", book.Bands.Auto);
        json.WriteStartArray("edges_days");
        foreach (var edge in book.Bands.EdgesDays)
        {
            json.WriteNumberValue(edge);
        }

        json.WriteEndArray();
        json.WriteStartArray("labels");
        foreach (var label in book.Bands.Labels)
        {
            json.WriteStringValue(label);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteStartObject("tier_cuts");
        json.WriteString("source", book.TierCutsFromPolicy ? "policy" : "shares");
        json.WriteNumber("big_from", Cents(book.TierCuts.Big));
        json.WriteNumber("medium_from", Cents(book.TierCuts.Medium));
        json.WriteEndObject();
        json.WriteStartObject("matrix");
        WriteCell(json, "total", book.Matrix.Total);
        WriteCells(json, "by_band_and_tier", book.Matrix.Rollup(SegmentAxes.Band | SegmentAxes.Tier));
        WriteCells(json, "by_channels", book.Matrix.Rollup(SegmentAxes.Channels));
        WriteCells(json, "cells", book.Matrix.Cells);
        json.WriteEndObject();
        json.WriteStartArray("accounts");
        foreach (var s in book.Accounts)
        {
            json.WriteStartObject();
            json.WriteString("account_id", s.AccountId);
            json.WriteString("name", s.AccountName);
            json.WriteString("owner_rep_id", s.OwnerRepId);
            json.WriteString("status", s.Status.Code());
            json.WriteBoolean("key", s.Key);
            json.WriteString("last_order_date", IsoDate.Format(s.LastOrderOn));
            json.WriteNumber("days_since_last_order", s.DaysSinceLastOrder);
            json.WriteString("band", s.BandLabel);
            json.WriteString("tier", s.Tier.Code());
            json.WriteString("channels", s.Channels.Code());
            json.WriteString("segment", s.SegmentCode);
            json.WriteNumber("lifetime_spend", Cents(s.LifetimeSpend));
            json.WriteNumber("average_annual_spend", Cents(s.AverageAnnualSpend));
            json.WriteNumber("revenue_at_stake", Cents(s.RevenueAtStake));
            if (s.PlayId is { } play)
            {
                json.WriteString("play", play);
            }
            else
            {
                json.WriteNull("play");
            }

            var favourite = Favourite(book, directory, s);
            WriteText(json, "favourite", favourite?.Name);
            WriteText(json, "favourite_level", Level(favourite));

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteCells(Utf8JsonWriter json, string name, IReadOnlyList<SegmentCell> cells)
    {
        json.WriteStartArray(name);
        foreach (var c in cells)
        {
            WriteCell(json, null, c);
        }

        json.WriteEndArray();
    }

    private static void WriteCell(Utf8JsonWriter json, string? name, SegmentCell c)
    {
        if (name is null)
        {
            json.WriteStartObject();
        }
        else
        {
            json.WriteStartObject(name);
        }

        json.WriteString("segment", c.Code);
        WriteText(json, "band", c.BandLabel);
        WriteText(json, "tier", c.Tier?.Code());
        WriteText(json, "channels", c.Channels?.Code());
        json.WriteNumber("accounts", c.Accounts);
        json.WriteNumber("key_accounts", c.KeyAccounts);
        json.WriteNumber("passive", c.Passive);
        json.WriteNumber("inactive", c.Inactive);
        json.WriteNumber("dormant", c.Dormant);
        json.WriteNumber("revenue_at_stake", Cents(c.RevenueAtStake));
        json.WriteEndObject();
    }

    private static void WriteText(Utf8JsonWriter json, string name, string? value)
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

    /// <summary>The product (or category) the account bought most and has not bought within its cycle.</summary>
    public static FavouriteProduct? Favourite(SegmentedBook book, ReactivationDirectory directory, AccountSegment s) =>
        FavouriteProducts.Find(directory.LinesOf(s.AccountId), book.AsOf, s.CycleDays);

    private static string? Level(FavouriteProduct? f) => f is null ? null : f.Level == FavouriteLevel.Product ? "product" : "category";

    internal static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    internal static string Money(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>Two decimals always (477.40, not 477.4), whatever scale the amount was read with.</summary>
    private static decimal Cents(decimal value) => decimal.Round(value, 2, MidpointRounding.AwayFromZero) + 0.00m;
}
