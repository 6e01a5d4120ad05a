using System.Globalization;
using Rekindle.App.Csv;

namespace Rekindle.App.Workspace.Sources;

/// <summary>
/// <c>rekindle import --draft-mapping PATH</c>: a first mapping for a folder of CSV exports, made by matching each file's
/// headers to Rekindle's fields through common synonyms and sniffing the date formats of the first rows. What it could
/// not decide is marked with a <c>todo</c> for the user; nothing is guessed silently.
/// </summary>
public static class MappingDraft
{
    private static readonly string[] CandidateFormats =
    [
        "yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "dd/MM/yyyy", "MM/dd/yyyy", "d/M/yyyy", "M/d/yyyy", "dd.MM.yyyy",
        "dd-MM-yyyy", "yyyy/MM/dd", "dd/MM/yyyy HH:mm", "MM/dd/yyyy HH:mm", "M/d/yyyy H:mm", "yyyyMMdd",
    ];

    /// <summary>Header words (lower case, without spaces, _ or -) that name each field, best first.</summary>
    private static readonly Dictionary<string, string[]> Synonyms = new()
    {
        ["rep_id"] = ["repid", "ownerid", "userid", "salesrepid", "id"],
        ["account_id"] = ["accountid", "customerid", "customernumber", "customerno", "custno", "accountno", "clientno", "clientid", "companyid", "custid", "customer", "accountnumber", "account"],
        ["contact_id"] = ["contactid", "personid", "id"],
        ["order_id"] = ["orderid", "invoiceno", "orderno", "invoicenumber", "invoiceid", "ordernumber", "orderno", "invoice", "order", "id"],
        ["engagement_id"] = ["activityid", "engagementid", "eventid", "taskid", "id"],
        ["opportunity_id"] = ["opportunityid", "dealid", "opportunity", "deal", "id"],
        ["name"] = ["name", "accountname", "companyname", "customername", "company", "fullname"],
        ["email"] = ["email", "emailaddress", "mail"],
        ["phone"] = ["phone", "phonenumber", "telephone", "mobile"],
        ["role"] = ["title", "jobtitle", "role", "position"],
        ["industry"] = ["industry", "sector", "segment"],
        ["region"] = ["region", "state", "territory", "country", "billingstate", "billingcountry"],
        ["created_on"] = ["createdon", "createddate", "createdat", "created", "customersince", "since", "createdate"],
        ["owner_rep_id"] = ["owner", "ownerid", "accountowner", "salesrep", "rep", "repid"],
        ["order_date"] = ["orderdate", "invoicedate", "date", "createdat", "closedate", "orderedon"],
        ["amount"] = ["amount", "total", "totalamount", "value", "net", "revenue", "price"],
        ["currency"] = ["currency", "currencycode", "currencyisocode", "curr"],
        ["status"] = ["status", "state", "orderstatus", "financialstatus"],
        ["date"] = ["date", "activitydate", "createddate", "timestamp"],
        ["kind"] = ["kind", "type", "activitytype", "channel"],
        ["direction"] = ["direction", "inout"],
        ["opened_on"] = ["openedon", "createddate", "createdate", "created", "opened"],
        ["closed_on"] = ["closedon", "closedate", "closed"],
        ["stage"] = ["stage", "stagename", "dealstage", "status"],
        ["commission_rate"] = ["commissionrate", "commission"],
        ["active"] = ["active", "isactive", "enabled"],
        ["opt_out_email"] = ["optoutemail", "emailoptout", "hasoptedoutofemail", "unsubscribed", "donotemail"],
        ["opt_out_phone"] = ["optoutphone", "donotcall", "phoneoptout"],
    };

    /// <summary>Words in a file's name that say which table it holds.</summary>
    private static readonly Dictionary<string, string[]> TableWords = new()
    {
        ["reps"] = ["rep", "user", "owner", "staff", "employee"],
        ["accounts"] = ["account", "customer", "client", "compan"],
        ["contacts"] = ["contact", "person", "people"],
        ["orders"] = ["order", "invoice", "sale", "transaction"],
        ["engagements"] = ["activit", "engagement", "task", "event", "call"],
        ["opportunities"] = ["opportunit", "deal", "pipeline"],
    };

    public static ImportMapping Draft(string folder)
    {
        var files = Directory.EnumerateFiles(folder, "*.csv").Order(StringComparer.Ordinal).ToList();
        var tables = new Dictionary<string, TableMapping>();
        var formats = new List<string>();
        foreach (var (table, fields) in ImportMapping.Fields)
        {
            var file = files.Select(f => (Path: f, Score: Score(table, f))).Where(f => f.Score > 0).OrderByDescending(f => f.Score).FirstOrDefault().Path;
            if (file is null)
            {
                continue;
            }

            var (header, rows) = Sample(file);
            var mapped = new Dictionary<string, FieldMapping>();
            foreach (var field in fields)
            {
                var column = Synonyms.GetValueOrDefault(field, [field])
                    .Select(word => header.FirstOrDefault(h => Normal(h) == word))
                    .FirstOrDefault(h => h is not null && !mapped.Values.Any(m => m.Column == h));
                if (column is not null)
                {
                    mapped[field] = new FieldMapping { Column = column };
                    if (field is "status" or "kind" or "direction")
                    {
                        var words = rows.Select(r => r.GetValueOrDefault(column, "")).Where(v => v.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).Take(20).ToList();
                        var known = field switch
                        {
                            "status" => ["booked", "cancelled", "refunded"],
                            "direction" => ["inbound", "outbound"],
                            _ => Common.Codes.AllEngagementKinds,
                        };
                        var unknown = words.Where(w => !known.Contains(w, StringComparer.OrdinalIgnoreCase)).ToList();
                        if (unknown.Count > 0)
                        {
                            mapped[field] = new FieldMapping
                            {
                                Column = column,
                                Values = unknown.ToDictionary(w => w, _ => "?", StringComparer.OrdinalIgnoreCase),
                                Todo = $"say what each value means ({string.Join(", ", known)})",
                            };
                        }
                    }

                    if (field.EndsWith("_on", StringComparison.Ordinal) || field.EndsWith("date", StringComparison.Ordinal))
                    {
                        var values = rows.Select(r => r.GetValueOrDefault(column, "")).Where(v => v.Length > 0).ToList();
                        var format = CandidateFormats.FirstOrDefault(fmt => values.Count > 0 && values.All(v => DateTime.TryParseExact(v, fmt, CultureInfo.InvariantCulture, DateTimeStyles.None, out _)));
                        if (format is not null)
                        {
                            formats.Add(format);
                        }
                        else if (values.Count > 0)
                        {
                            mapped[field] = new FieldMapping { Column = column, Todo = $"dates such as \"{values[0]}\": add their format to dateFormats" };
                        }
                    }
                }
                else if (ImportMapping.RequiredFields[table].Contains(field))
                {
                    mapped[field] = new FieldMapping { Column = "?", Todo = $"no column of {Path.GetFileName(file)} looks like {field}: name it (columns: {string.Join(", ", header)})" };
                }
            }

            if (table == "orders" && !mapped.ContainsKey("currency"))
            {
                mapped["currency"] = new FieldMapping { Constant = "USD", Todo = "no currency column: set the currency of the amounts" };
            }

            tables[table] = new TableMapping { File = Path.GetFileName(file), Fields = mapped };
        }

        return new ImportMapping { Tables = tables, DateFormats = [.. formats.Distinct(StringComparer.Ordinal)] };
    }

    private static int Score(string table, string path)
    {
        var name = Path.GetFileNameWithoutExtension(path).ToLowerInvariant();
        return TableWords[table].Count(w => name.Contains(w, StringComparison.Ordinal));
    }

    private static string Normal(string header) =>
        new string(header.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant();

    private static (List<string> Header, List<Dictionary<string, string>> Rows) Sample(string path)
    {
        using var f = CsvFile.OpenExport(path, Path.GetFileName(path), [], [], new InputErrors());
        var header = f?.Unmapped.ToList() ?? [];
        var rows = new List<Dictionary<string, string>>();
        using var reader = Sylvan.Data.Csv.CsvDataReader.Create(new StreamReader(path, TextEncodings.Detect(path)), new Sylvan.Data.Csv.CsvDataReaderOptions { Comment = '\0' });
        while (rows.Count < 200 && reader.Read())
        {
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < Math.Min(reader.FieldCount, reader.RowFieldCount); i++)
            {
                row.TryAdd(reader.GetName(i), reader.GetString(i).Trim());
            }

            rows.Add(row);
        }

        return (header, rows);
    }
}
