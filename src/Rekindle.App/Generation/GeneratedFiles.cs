namespace Rekindle.App.Generation;

/// <summary>The files a generated company consists of, with their exact header rows.</summary>
public static class GeneratedFiles
{
    public const string Reps = "reps.csv";
    public const string Accounts = "accounts.csv";
    public const string Contacts = "contacts.csv";
    public const string Orders = "orders.csv";
    public const string OrderLines = "order_lines.csv";
    public const string Engagements = "engagements.csv";
    public const string Opportunities = "opportunities.csv";
    public const string Truth = "truth.csv";

    /// <summary>Each file name with its columns, in the order the generator writes them.</summary>
    public static IReadOnlyList<(string File, IReadOnlyList<string> Columns)> All { get; } =
    [
        (Reps, ["rep_id", "name", "email", "commission_rate", "active"]),
        (Accounts, ["account_id", "name", "industry", "region", "created_on", "owner_rep_id"]),
        (Contacts, ["contact_id", "account_id", "name", "role", "email", "phone", "social", "postal_address", "opt_out"]),
        (Orders, ["order_id", "account_id", "order_date", "amount", "currency", "status"]),
        (OrderLines, ["order_id", "line_no", "sku", "product_name", "category", "quantity", "unit_price"]),
        (Engagements, ["engagement_id", "account_id", "date", "kind", "direction"]),
        (Opportunities, ["opportunity_id", "account_id", "opened_on", "closed_on", "stage", "amount"]),
        (Truth, ["account_id", "churned_on"]),
    ];

    public static IReadOnlyList<string> ColumnsOf(string file) =>
        All.First(f => f.File == file).Columns;
}
