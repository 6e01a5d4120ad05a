using System.Text.Json;
using Rekindle.App.Csv;
using Rekindle.Lifecycle;

namespace Rekindle.App.Reports;

/// <summary>A classification history as CSV (each account's transitions with their dates) and JSON (matrices).</summary>
public static class HistoryWriter
{
    public static void WriteCsv(ClassificationHistory history, TextWriter writer)
    {
        writer.Write("account_id,from_date,to_date,from_status,to_status\n");
        foreach (var t in history.Changes())
        {
            CsvText.Row(writer, t.AccountId, IsoDate.Format(t.From), IsoDate.Format(t.To), t.Before?.Code() ?? "", t.After.Code());
        }
    }

    public static void WriteJson(ClassificationHistory history, Stream stream)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("policy_version", history.PolicyVersion);
        json.WriteStartArray("dates");
        for (var i = 0; i < history.Dates.Count; i++)
        {
            json.WriteStartObject();
            json.WriteString("as_of", IsoDate.Format(history.Dates[i]));
            json.WriteNumber("accounts", history.Summaries[i].Accounts);
            json.WriteStartObject("by_status");
            foreach (var s in history.Summaries[i].ByStatus)
            {
                json.WriteNumber(s.Status.Code(), s.Accounts);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("transitions");
        foreach (var m in history.Transitions)
        {
            json.WriteStartObject();
            json.WriteString("from", IsoDate.Format(m.From));
            json.WriteString("to", IsoDate.Format(m.To));
            json.WriteNumber("changed", m.Changed);
            json.WriteStartObject("matrix");
            foreach (var before in LifecycleStatusCodes.All)
            {
                json.WriteStartObject(before.Code());
                foreach (var after in LifecycleStatusCodes.All)
                {
                    json.WriteNumber(after.Code(), m[before, after]);
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteStartObject("appeared");
            foreach (var after in LifecycleStatusCodes.All)
            {
                json.WriteNumber(after.Code(), m.Appeared[(int)after]);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
