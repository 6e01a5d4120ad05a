namespace Rekindle.App.Csv;

/// <summary>One file of the CSV folder format: its name and columns (documented in the README).</summary>
public sealed record FileSpec(string FileName, IReadOnlyList<string> Columns, bool Required)
{
    public CsvFile? Open(string folder, InputErrors errors) =>
        CsvFile.Open(PathIn(folder), FileName, Columns, [], errors);

    /// <summary>
    /// Reads <paramref name="stream"/> as this file (a part of it behind its header line). <paramref name="quoted"/>
    /// false says its rows hold no quote character, so no field can span lines.
    /// </summary>
    public CsvFile? Open(Stream stream, string folder, InputErrors errors, bool quoted = true) =>
        CsvFile.Open(stream, PathIn(folder), FileName, Columns, [], errors, quoted);

    public bool ExistsIn(string folder) => File.Exists(PathIn(folder));

    /// <summary>
    /// The file's path in <paramref name="folder"/>, its name matched without regard to case (<c>Orders.CSV</c> is
    /// orders.csv, as Windows and macOS users name it); the exact name when no file matches.
    /// </summary>
    public string PathIn(string folder)
    {
        var exact = Path.Combine(folder, FileName);
        if (File.Exists(exact) || !Directory.Exists(folder))
        {
            return exact;
        }

        return Directory.EnumerateFiles(folder).FirstOrDefault(f => string.Equals(Path.GetFileName(f), FileName, StringComparison.OrdinalIgnoreCase)) ?? exact;
    }
}

/// <summary>The CSV folder format: UTF-8, header row, ISO dates, invariant decimals. accounts and orders are required.</summary>
public static class CsvSchema
{
    public static readonly FileSpec Reps = new("reps.csv", ["rep_id", "name", "email", "commission_rate", "active"], false);
    public static readonly FileSpec Accounts = new("accounts.csv", ["account_id", "name", "industry", "region", "created_on", "owner_rep_id"], true);
    public static readonly FileSpec Contacts = new("contacts.csv", ["contact_id", "account_id", "name", "role", "email", "phone", "social", "postal_address", "opt_out"], false);
    public static readonly FileSpec Orders = new("orders.csv", ["order_id", "account_id", "order_date", "amount", "currency", "status"], true);
    public static readonly FileSpec OrderLines = new("order_lines.csv", ["order_id", "line_no", "sku", "product_name", "category", "quantity", "unit_price"], false);
    public static readonly FileSpec Engagements = new("engagements.csv", ["engagement_id", "account_id", "date", "kind", "direction"], false);
    public static readonly FileSpec Opportunities = new("opportunities.csv", ["opportunity_id", "account_id", "opened_on", "closed_on", "stage", "amount"], false);

    /// <summary>Optional exchange rates: units of the reporting currency per one unit of <c>currency</c>.</summary>
    public static readonly FileSpec Rates = new("rates.csv", ["currency", "rate"], false);

    public static IReadOnlyList<FileSpec> All { get; } = [Reps, Accounts, Contacts, Orders, OrderLines, Engagements, Opportunities, Rates];

    /// <summary>
    /// The files of <paramref name="folder"/> that no file of the format matches, each with a reason and, when one is
    /// near (engagement.csv, orders.txt), the name it probably meant: nothing in a folder is ignored without a word.
    /// </summary>
    public static IReadOnlyList<string> Unread(string folder)
    {
        var names = All.Select(s => s.FileName).Append("truth.csv").ToArray();
        var unread = new List<string>();
        foreach (var file in Directory.EnumerateFiles(folder).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal))
        {
            if (names.Contains(file, StringComparer.OrdinalIgnoreCase) || file.StartsWith('.'))
            {
                continue;
            }

            var near = names.Select(n => (Name: n, Distance: Distance(Path.GetFileNameWithoutExtension(file).ToLowerInvariant(), Path.GetFileNameWithoutExtension(n))))
                .Where(n => n.Distance <= 2).OrderBy(n => n.Distance).Select(n => n.Name).FirstOrDefault();
            unread.Add(near is null ? $"{file} (not a file of the CSV folder format)" : $"{file} (did you mean {near}?)");
        }

        return unread;
    }

    /// <summary>Levenshtein distance: edits that turn one name into the other.</summary>
    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var diagonal = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }

        return row[b.Length];
    }
}
