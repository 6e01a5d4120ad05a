using Rekindle.App.Csv;
using Rekindle.Lifecycle;

namespace Rekindle.App.Reports;

/// <summary>For each status, how many of its accounts had truly dropped out by the as-of date (a generated company's truth.csv).</summary>
public sealed record TruthAgreement(IReadOnlyList<TruthRow> Rows)
{
    public static TruthAgreement Of(BookClassification result, string truthFile)
    {
        var churned = ReadChurnDates(truthFile);
        var asOf = result.AsOf;
        var accounts = new int[LifecycleStatusCodes.All.Count];
        var dropped = new int[accounts.Length];
        for (var a = 0; a < result.Accounts.Count; a++)
        {
            var c = result.Accounts[a];
            if (!c.Exists)
            {
                continue;
            }

            accounts[(int)c.Status]++;
            if (churned.TryGetValue(result.Book.Accounts[a].Id, out var on) && on <= asOf)
            {
                dropped[(int)c.Status]++;
            }
        }

        return new TruthAgreement(LifecycleStatusCodes.All
            .Select(s => new TruthRow(s, accounts[(int)s], dropped[(int)s]))
            .ToArray());
    }

    /// <summary>account_id to churned_on for the accounts that have one.</summary>
    public static Dictionary<string, DateOnly> ReadChurnDates(string truthFile)
    {
        var errors = new InputErrors();
        var result = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        using (var f = CsvFile.Open(truthFile, Path.GetFileName(truthFile), ["account_id", "churned_on"], [], errors))
        {
            while (f is not null && f.Read())
            {
                var id = f.Required(0);
                if (f.Date(1, required: false) is { } on && id is not null)
                {
                    result[id] = on;
                }
            }
        }

        errors.ThrowIfAny();
        return result;
    }
}

public sealed record TruthRow(LifecycleStatus Status, int Accounts, int TrulyDroppedOut)
{
    public double Share => Accounts == 0 ? 0 : (double)TrulyDroppedOut / Accounts;
}
