using System.Globalization;
using Rekindle.App.Csv;

namespace Rekindle.App.Workspace;

/// <summary>The reporting currency and the rates that convert other currencies into it.</summary>
internal static class Rates
{
    /// <summary>Reads a rates CSV (currency, rate: units of the reporting currency per unit) when it exists.</summary>
    public static void Read(string path, ImportRun run, Dictionary<string, decimal> rates)
    {
        if (!File.Exists(path))
        {
            return;
        }

        var before = run.Errors.Count;
        using var f = CsvFile.Open(path, Path.GetFileName(path), CsvSchema.Rates.Columns, [], run.Errors);
        while (f is not null && f.Read())
        {
            var currency = f.Required(0)?.ToUpperInvariant();
            var rate = f.Decimal(1);
            if (rate is <= 0)
            {
                f.Error(1, rate.Value.ToString(CultureInfo.InvariantCulture), "a rate must be greater than 0");
            }
            else if (currency is not null && rate is not null && !rates.TryAdd(currency, rate.Value))
            {
                f.Error(0, currency, "duplicate currency");
            }
        }

        run.FatalIfNew(before);
    }

    /// <summary>
    /// The rate of a row's currency into the reporting currency (1 for the reporting currency itself), or null with
    /// an error. The first order of a new workspace sets its reporting currency, unless --currency did.
    /// </summary>
    public static decimal? Of(ImportRun run, CsvFile f, int column, string currency, Dictionary<string, decimal> rates)
    {
        if (currency.Length == 0)
        {
            f.Error(column, "", "a currency is required");
            return null;
        }

        run.Currency ??= run.Options.Currency?.ToUpperInvariant() ?? currency;
        if (currency == run.Currency)
        {
            return 1m;
        }

        if (rates.TryGetValue(currency, out var rate))
        {
            return rate;
        }

        f.Error(column, currency, $"not the workspace's reporting currency {run.Currency}, and no rate is given for it (rates.csv or --rates)");
        return null;
    }
}
