using System.Globalization;

namespace Rekindle.App.Csv;

/// <summary>
/// The reporting currency and the rates that convert other currencies into it (units of the reporting currency per
/// unit), read from rates files (rates.csv, an import's --rates). The reporting currency is given, or taken from the
/// first row that names a currency. Codes are compared without regard to case and kept in capitals.
/// </summary>
internal sealed class Currencies
{
    private readonly Dictionary<string, decimal> rates = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, decimal>.AlternateLookup<ReadOnlySpan<char>> lookup;
    private readonly List<string> sources = [];
    private readonly string ratesHint;

    /// <param name="reporting">The reporting currency, or null to take the first row's.</param>
    /// <param name="ratesHint">Where a rate would be given, named in the error when no rates file was read.</param>
    public Currencies(string? reporting, string ratesHint = "rates.csv")
    {
        this.ratesHint = ratesHint;
        Reporting = reporting?.ToUpperInvariant();
        lookup = rates.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The reporting currency; null until given or set by the first row that names a currency.</summary>
    public string? Reporting { get; private set; }

    /// <summary>The rates read, by currency code (capitals).</summary>
    public IReadOnlyDictionary<string, decimal> Rates => rates;

    /// <summary>
    /// Reads a rates file (<c>currency,rate</c>, the format of rates.csv) when it exists; its errors name the file as
    /// <paramref name="name"/>. A currency twice, in this file or an earlier one, is an error.
    /// </summary>
    public void Read(string path, string name, InputErrors errors)
    {
        if (!File.Exists(path))
        {
            return;
        }

        sources.Add(name);
        using var f = CsvFile.Open(path, name, CsvSchema.Rates.Columns, [], errors);
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
    }

    /// <summary>
    /// The rate of a row's currency (column <paramref name="column"/>) into the reporting currency: 1 for the reporting
    /// currency itself, or null with an error (no currency, or one no rates file gives).
    /// </summary>
    /// <remarks><paramref name="currency"/> is the row's currency as written.</remarks>
    public decimal? RateOf(CsvFile f, int column, out ReadOnlySpan<char> currency)
    {
        currency = f.Span(column);
        if (currency.IsEmpty)
        {
            f.Error(column, "", "a currency is required");
            return null;
        }

        Reporting ??= currency.ToString().ToUpperInvariant();
        if (currency.SequenceEqual(Reporting) || currency.Equals(Reporting, StringComparison.OrdinalIgnoreCase))
        {
            return 1m;
        }

        if (lookup.TryGetValue(currency, out var rate))
        {
            return rate;
        }

        var where = sources.Count == 0 ? ratesHint : string.Join(" or ", sources);
        f.Error(column, currency.ToString(), $"not the reporting currency {Reporting}, and no rate is given for it ({where})");
        return null;
    }
}
