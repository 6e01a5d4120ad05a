using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Rekindle.App.Csv;

namespace Rekindle.App.Workspace.Sources;

/// <summary>
/// How any other CSV export becomes Rekindle's tables (<c>rekindle import --mapping FILE.json</c>): for each table, its
/// source file and, for each field, the source column, a column with a value table, or a constant; the accepted date
/// formats; the words for true and false; the stage of an opportunity that means won or lost. A row of one table names
/// a row of another (an order's account) by the value of the mapped column, as the CSV folder format does.
/// </summary>
public sealed record ImportMapping
{
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The tables and the fields each can map (the CSV folder format's columns).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Fields = new Dictionary<string, string[]>
    {
        ["reps"] = ["rep_id", "name", "email", "commission_rate", "active"],
        ["accounts"] = ["account_id", "name", "industry", "region", "created_on", "owner_rep_id"],
        ["contacts"] = ["contact_id", "account_id", "name", "role", "email", "phone", "opt_out_email", "opt_out_phone"],
        ["orders"] = ["order_id", "account_id", "order_date", "amount", "currency", "status"],
        ["engagements"] = ["engagement_id", "account_id", "date", "kind", "direction"],
        ["opportunities"] = ["opportunity_id", "account_id", "opened_on", "closed_on", "stage", "amount"],
    };

    /// <summary>The fields a table cannot do without.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> RequiredFields = new Dictionary<string, string[]>
    {
        ["reps"] = ["rep_id"],
        ["accounts"] = ["account_id", "created_on"],
        ["contacts"] = ["contact_id", "account_id"],
        ["orders"] = ["order_id", "account_id", "order_date", "amount"],
        ["engagements"] = ["engagement_id", "account_id", "date", "kind"],
        ["opportunities"] = ["opportunity_id", "account_id", "opened_on"],
    };

    /// <summary>Date formats tried in order (.NET custom formats); yyyy-MM-dd and ISO 8601 are always accepted.</summary>
    public IReadOnlyList<string> DateFormats { get; init; } = [];

    public IReadOnlyList<string> TrueWords { get; init; } = ["true", "yes", "y", "1"];

    public IReadOnlyList<string> FalseWords { get; init; } = ["false", "no", "n", "0", ""];

    /// <summary>Opportunity stages (source text, any case) that close it as won or lost: "Won" → "won".</summary>
    public IReadOnlyDictionary<string, string> Stages { get; init; } = new Dictionary<string, string>();

    /// <summary>Each table's source; a table left out is not imported (accounts and orders are required).</summary>
    public IReadOnlyDictionary<string, TableMapping> Tables { get; init; } = new Dictionary<string, TableMapping>();

    /// <summary>Reads and checks a mapping file, every problem named with its path in the file.</summary>
    public static ImportMapping Load(string path)
    {
        ImportMapping? mapping;
        try
        {
            mapping = JsonSerializer.Deserialize<ImportMapping>(File.ReadAllText(path), Json);
        }
        catch (JsonException e)
        {
            throw new InputException(Path.GetFileName(path), $"not a valid mapping: {e.Message}");
        }
        catch (IOException e)
        {
            throw new InputException(path, e.Message);
        }

        var errors = new InputErrors();
        var name = Path.GetFileName(path);
        if (mapping is null)
        {
            throw new InputException(name, "the mapping is empty");
        }

        foreach (var required in new[] { "accounts", "orders" }.Where(t => !mapping.Tables.ContainsKey(t)))
        {
            errors.Add(name, 0, $"tables.{required}", "", "a mapping must say where accounts and orders come from");
        }

        foreach (var (table, source) in mapping.Tables)
        {
            if (!Fields.TryGetValue(table, out var fields))
            {
                errors.Add(name, 0, $"tables.{table}", "", $"unknown table (known: {string.Join(", ", Fields.Keys)})");
                continue;
            }

            if (string.IsNullOrWhiteSpace(source.File))
            {
                errors.Add(name, 0, $"tables.{table}.file", "", "the source file is required");
            }

            foreach (var field in source.Fields.Keys.Where(f => !fields.Contains(f)))
            {
                errors.Add(name, 0, $"tables.{table}.fields.{field}", "", $"unknown field (known: {string.Join(", ", fields)})");
            }

            foreach (var field in RequiredFields[table].Where(f => !source.Fields.ContainsKey(f)))
            {
                errors.Add(name, 0, $"tables.{table}.fields.{field}", "", "a required field is not mapped");
            }

            foreach (var (field, map) in source.Fields)
            {
                if ((map.Column is null) == (map.Constant is null))
                {
                    errors.Add(name, 0, $"tables.{table}.fields.{field}", "", "give either a column or a constant");
                }
            }
        }

        foreach (var (stage, meaning) in mapping.Stages.Where(s => s.Value is not ("won" or "lost" or "open")))
        {
            errors.Add(name, 0, $"stages.{stage}", meaning, "expected won, lost or open");
        }

        errors.ThrowIfAny();
        return mapping;
    }

    /// <summary>Parses a date with the mapping's formats (then ISO forms); null when none fits.</summary>
    public DateOnly? ParseDate(ReadOnlySpan<char> text)
    {
        foreach (var format in DateFormats)
        {
            if (DateTime.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed))
            {
                return DateOnly.FromDateTime(parsed);
            }
        }

        if (IsoDate.TryParse(text, out var iso))
        {
            return iso;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment) ? DateOnly.FromDateTime(moment.DateTime) : null;
    }

    public bool? ParseBoolean(string text) =>
        TrueWords.Contains(text, StringComparer.OrdinalIgnoreCase) ? true
        : FalseWords.Contains(text, StringComparer.OrdinalIgnoreCase) ? false
        : null;
}

/// <summary>One table's source: its file (in the export folder) and its fields.</summary>
public sealed record TableMapping
{
    public string File { get; init; } = "";

    public IReadOnlyDictionary<string, FieldMapping> Fields { get; init; } = new Dictionary<string, FieldMapping>();
}

/// <summary>
/// A field: <c>"Column name"</c>, or <c>{"column": "State", "values": {"paid": "booked"}}</c>, or <c>{"constant": "EUR"}</c>.
/// A value table maps source texts (any case) to Rekindle's; a text it does not list is kept as it is.
/// </summary>
[JsonConverter(typeof(FieldMappingConverter))]
public sealed record FieldMapping
{
    public string? Column { get; init; }

    public string? Constant { get; init; }

    public IReadOnlyDictionary<string, string>? Values { get; init; }

    /// <summary>The "uncertain" marker a drafted mapping leaves where it could not decide.</summary>
    public string? Todo { get; init; }
}

/// <summary>Reads a field as a plain column name or as an object.</summary>
internal sealed class FieldMappingConverter : JsonConverter<FieldMapping>
{
    public override FieldMapping? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return new FieldMapping { Column = reader.GetString() };
        }

        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        return new FieldMapping
        {
            Column = root.TryGetProperty("column", out var column) ? column.GetString() : null,
            Constant = root.TryGetProperty("constant", out var constant) ? constant.ToString() : null,
            Values = root.TryGetProperty("values", out var values)
                ? values.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.OrdinalIgnoreCase)
                : null,
            Todo = root.TryGetProperty("todo", out var todo) ? todo.GetString() : null,
        };
    }

    public override void Write(Utf8JsonWriter writer, FieldMapping value, JsonSerializerOptions options)
    {
        if (value.Constant is null && value.Values is null && value.Todo is null)
        {
            writer.WriteStringValue(value.Column);
            return;
        }

        writer.WriteStartObject();
        if (value.Column is not null)
        {
            writer.WriteString("column", value.Column);
        }

        if (value.Constant is not null)
        {
            writer.WriteString("constant", value.Constant);
        }

        if (value.Values is not null)
        {
            writer.WritePropertyName("values");
            JsonSerializer.Serialize(writer, value.Values, options);
        }

        if (value.Todo is not null)
        {
            writer.WriteString("todo", value.Todo);
        }

        writer.WriteEndObject();
    }
}
