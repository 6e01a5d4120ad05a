using System.Text.Encodings.Web;
using System.Text.Json;
using Rekindle.App.Csv;
using Rekindle.Reactivation;

namespace Rekindle.App.Reactivation;

/// <summary>A campaign's results as JSON: treatment and control per slice (overall, by segment, by play) with the uplift and its interval.</summary>
public static class CampaignResultsWriter
{
    public static void WriteJson(CampaignResults results, Stream stream)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("campaign", results.Name);
        json.WriteString("launch_on", IsoDate.Format(results.LaunchOn));
        json.WriteString("window_ends_on", IsoDate.Format(results.WindowEndsOn));
        json.WriteString("as_of", IsoDate.Format(results.AsOf));
        json.WriteBoolean("window_closed", results.WindowClosed);
        json.WritePropertyName("overall");
        WriteRow(json, results.Overall);
        WriteRows(json, "by_segment", results.BySegment);
        WriteRows(json, "by_play", results.ByPlay);
        json.WriteEndObject();
    }

    private static void WriteRows(Utf8JsonWriter json, string name, IReadOnlyList<UpliftRow> rows)
    {
        json.WriteStartArray(name);
        foreach (var row in rows)
        {
            WriteRow(json, row);
        }

        json.WriteEndArray();
    }

    private static void WriteRow(Utf8JsonWriter json, UpliftRow row)
    {
        json.WriteStartObject();
        json.WriteString("slice", row.Slice);
        WriteGroup(json, "treatment", row.Treatment);
        WriteGroup(json, "control", row.Control);
        WriteInterval(json, "reactivation_uplift", row.ReactivationUplift);
        WriteInterval(json, "response_uplift", row.ResponseUplift);
        if (row.IncrementalRevenue is { } revenue)
        {
            json.WriteNumber("incremental_revenue", Cents(revenue));
        }
        else
        {
            json.WriteNull("incremental_revenue");
        }

        json.WriteEndObject();
    }

    private static void WriteGroup(Utf8JsonWriter json, string name, GroupStats g)
    {
        json.WriteStartObject(name);
        json.WriteNumber("accounts", g.Accounts);
        json.WriteNumber("responded", g.Responded);
        json.WriteNumber("reactivated", g.Reactivated);
        json.WriteNumber("revenue", Cents(g.Revenue));
        json.WriteNumber("response_rate", Math.Round(g.ResponseRate, 6));
        json.WriteNumber("reactivation_rate", Math.Round(g.ReactivationRate, 6));
        json.WriteEndObject();
    }

    private static void WriteInterval(Utf8JsonWriter json, string name, Interval? interval)
    {
        if (interval is not { } i)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartObject(name);
        json.WriteNumber("estimate", Math.Round(i.Estimate, 6));
        json.WriteNumber("lower", Math.Round(i.Lower, 6));
        json.WriteNumber("upper", Math.Round(i.Upper, 6));
        json.WriteNumber("confidence", i.Confidence);
        json.WriteEndObject();
    }

    /// <summary>Two decimals always (477.40, not 477.4), whatever scale the amount was read with.</summary>
    private static decimal Cents(decimal value) => decimal.Round(value, 2, MidpointRounding.AwayFromZero) + 0.00m;
}
