namespace Rekindle.App.Generation.Exports;

/// <summary>The systems whose export files <c>rekindle generate --as</c> can write.</summary>
public enum ExportFormat
{
    Salesforce,
    HubSpot,
    Shopify,
}

/// <summary>
/// How to write an export: <see cref="AsOf"/> is the export day (HubSpot names its files with it, Shopify's
/// recent orders are still unpaid or unfulfilled); <see cref="Zip"/> packs a Salesforce export into one .zip as
/// Salesforce delivers it; <see cref="ShopifyRowsPerFile"/> is the most line-item rows per orders_export_N.csv.
/// </summary>
public sealed record ExportOptions(DateOnly AsOf, bool Zip = false, int ShopifyRowsPerFile = ExportOptions.DefaultShopifyRowsPerFile)
{
    public const int DefaultShopifyRowsPerFile = 50_000;

    /// <summary>The mapping from Rekindle ids to the source system's ids, written beside every export.</summary>
    public const string IdMapFile = "rekindle-ids.csv";

    public IReadOnlyList<string> Validate() =>
        ShopifyRowsPerFile < 1 ? [$"split-rows: must be at least 1 (got {ShopifyRowsPerFile})"] : [];
}

/// <summary>Writes a generated company (a Rekindle CSV folder) as a source system would export it.</summary>
public static class ExportWriter
{
    /// <summary>
    /// Reads the Rekindle CSV folder <paramref name="sourceFolder"/> (as written by <see cref="CompanyGenerator"/>)
    /// and writes it into <paramref name="outFolder"/> in <paramref name="format"/>. Returns the files written.
    /// The same input and options give byte-identical files.
    /// </summary>
    public static IReadOnlyList<string> Write(string sourceFolder, string outFolder, ExportFormat format, ExportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid export options: " + string.Join("; ", problems), nameof(options));
        }

        var company = SourceCompany.Read(sourceFolder);
        Directory.CreateDirectory(outFolder);
        return format switch
        {
            ExportFormat.Salesforce => SalesforceExport.Write(company, outFolder, options),
            ExportFormat.HubSpot => HubSpotExport.Write(company, outFolder, options),
            ExportFormat.Shopify => ShopifyExport.Write(company, outFolder, options),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown export format"),
        };
    }
}
