namespace Rekindle.App.Csv;

/// <summary>One file of the CSV folder format: its name and columns (documented in the README).</summary>
public sealed record FileSpec(string FileName, IReadOnlyList<string> Columns, bool Required)
{
    public CsvFile? Open(string folder, InputErrors errors) =>
        CsvFile.Open(Path.Combine(folder, FileName), FileName, Columns, [], errors);

    /// <summary>
    /// Reads <paramref name="stream"/> as this file (a part of it behind its header line). <paramref name="quoted"/>
    /// false says its rows hold no quote character, so no field can span lines.
    /// </summary>
    public CsvFile? Open(Stream stream, string folder, InputErrors errors, bool quoted = true) =>
        CsvFile.Open(stream, Path.Combine(folder, FileName), FileName, Columns, [], errors, quoted);

    public bool ExistsIn(string folder) => File.Exists(Path.Combine(folder, FileName));
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
}
