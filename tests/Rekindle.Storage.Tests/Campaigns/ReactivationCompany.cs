using System.Globalization;
using System.Text;

namespace Rekindle.Storage.Tests.Campaigns;

/// <summary>
/// A small generated company (800 accounts, as of 2026-11-01), made once per test class with <c>rekindle generate</c>,
/// and the CSV helpers the campaign tests use.
/// </summary>
public sealed class ReactivationCompany : IDisposable
{
    public const string AsOf = "2026-11-01";
    private readonly TempFolder root = new();

    public ReactivationCompany()
    {
        Folder = root.File("company");
        var result = Rk.Run("generate", "--out", Folder, "--accounts", "800", "--as-of", AsOf);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException(result.ToString());
        }

        File.Delete(Path.Combine(Folder, "truth.csv"));
    }

    public string Folder { get; }

    /// <summary>A fresh folder for files a test writes (extra orders to import, exports).</summary>
    public string NewFolder(string name)
    {
        var folder = root.File(name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>An import folder holding only new booked orders (accounts.csv is required, so it is there, empty).</summary>
    public string OrdersFolder(IEnumerable<(string OrderId, string AccountId, DateOnly Date, decimal Amount)> orders)
    {
        var folder = NewFolder("orders");
        File.WriteAllText(Path.Combine(folder, "accounts.csv"), "account_id,name,industry,region,created_on,owner_rep_id\n");
        var text = new StringBuilder("order_id,account_id,order_date,amount,currency,status\n");
        foreach (var o in orders)
        {
            text.Append(CultureInfo.InvariantCulture, $"{o.OrderId},{o.AccountId},{o.Date:yyyy-MM-dd},{o.Amount:0.00},USD,booked\n");
        }

        File.WriteAllText(Path.Combine(folder, "orders.csv"), text.ToString());
        return folder;
    }

    /// <summary>The rows of a CSV text (RFC 4180 quoting; fields may hold commas, quotes and line breaks).</summary>
    public static List<string[]> ParseCsv(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add([.. row]);
                row.Clear();
            }
            else if (c != '\r')
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add([.. row]);
        }

        return rows;
    }

    public void Dispose() => root.Dispose();
}
