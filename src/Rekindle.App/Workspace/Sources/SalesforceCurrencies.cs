using Rekindle.App.Csv;

namespace Rekindle.App.Workspace.Sources;

/// <summary>
/// A Salesforce org's currencies: the corporate currency and each currency's conversion rate (units per corporate unit)
/// from CurrencyType.csv, and dated rates from DatedConversionRate.csv (advanced currency management), which win for
/// the dates they cover. An amount in the corporate currency is itself; another is amount / rate.
/// </summary>
internal sealed class SalesforceCurrencies
{
    private static readonly string[] TypeColumns = ["IsoCode", "ConversionRate", "IsCorporate"];
    private static readonly string[] DatedColumns = ["IsoCode", "ConversionRate", "StartDate", "NextStartDate"];
    private readonly Dictionary<string, decimal> rates = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<(DateOnly From, DateOnly? To, decimal Rate)>> dated = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The corporate currency (null when the export has no CurrencyType.csv: a single-currency org).</summary>
    public string? Corporate { get; private set; }

    public int DatedRates => dated.Values.Sum(d => d.Count);

    public IReadOnlyDictionary<string, decimal> Rates => rates;

    public static SalesforceCurrencies Read(string? typePath, string? datedPath, InputErrors errors)
    {
        var currencies = new SalesforceCurrencies();
        if (typePath is not null)
        {
            using var f = CsvFile.OpenExport(typePath, Path.GetFileName(typePath), TypeColumns, [], errors);
            while (f is not null && f.Read())
            {
                var iso = f.Required(0)?.ToUpperInvariant();
                var rate = ExportFields.Amount(f, 1, required: true);
                var corporate = ExportFields.Boolean(f, 2);
                if (rate is <= 0)
                {
                    f.Error(1, f.Text(1), "a conversion rate must be greater than 0");
                    continue;
                }

                if (iso is null || rate is null)
                {
                    continue;
                }

                currencies.rates[iso] = rate.Value;
                if (corporate == true)
                {
                    currencies.Corporate = iso;
                }
            }

            if (currencies.Corporate is null && currencies.rates.Count > 0)
            {
                errors.Add(Path.GetFileName(typePath), 0, "IsCorporate", "", "no currency is marked corporate (IsCorporate = 1)");
            }
        }

        if (datedPath is not null)
        {
            using var f = CsvFile.OpenExport(datedPath, Path.GetFileName(datedPath), DatedColumns, [], errors);
            while (f is not null && f.Read())
            {
                var iso = f.Required(0)?.ToUpperInvariant();
                var rate = ExportFields.Amount(f, 1, required: true);
                var from = ExportFields.Date(f, 2);
                var to = ExportFields.Date(f, 3, required: false);
                if (iso is null || rate is not > 0 || from is null)
                {
                    continue;
                }

                if (!currencies.dated.TryGetValue(iso, out var list))
                {
                    currencies.dated[iso] = list = [];
                }

                list.Add((from.Value, to, rate.Value));
            }
        }

        return currencies;
    }

    /// <summary>Units of <paramref name="currency"/> per corporate unit on <paramref name="date"/>, or null when none is known.</summary>
    public decimal? RateOn(string currency, DateOnly date)
    {
        if (string.Equals(currency, Corporate, StringComparison.OrdinalIgnoreCase))
        {
            return 1m;
        }

        if (dated.TryGetValue(currency, out var periods))
        {
            foreach (var (from, to, rate) in periods)
            {
                if (from <= date && (to is null || date < to))
                {
                    return rate;
                }
            }
        }

        return rates.TryGetValue(currency, out var plain) ? plain : null;
    }
}
