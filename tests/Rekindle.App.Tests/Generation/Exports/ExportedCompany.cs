using System.Text;
using Rekindle.App.Generation;
using Rekindle.App.Generation.Exports;
using Sylvan.Data.Csv;

namespace Rekindle.App.Tests.Generation.Exports;

/// <summary>One small generated company and its three exports (Shopify split at 300 rows), written once for the tests that read them.</summary>
public sealed class ExportedCompany : IDisposable
{
    public const int ShopifyRowsPerFile = 300;
    public static readonly DateOnly AsOf = new(2026, 6, 30);

    public ExportedCompany()
    {
        Source = GeneratedCompany.Generate(new GeneratorOptions(AsOf, Accounts: 400, Reps: 8, Seed: 5));
        Root = Path.Combine(Path.GetTempPath(), "rekindle-export-" + Guid.NewGuid().ToString("N"));
        Options = new ExportOptions(AsOf, ShopifyRowsPerFile: ShopifyRowsPerFile);
        foreach (var format in Enum.GetValues<ExportFormat>())
        {
            Files[format] = ExportWriter.Write(Source.Directory, Folder(format), format, Options);
        }
    }

    public GeneratedCompany Source { get; }

    public string Root { get; }

    public ExportOptions Options { get; }

    public Dictionary<ExportFormat, IReadOnlyList<string>> Files { get; } = [];

    public string Folder(ExportFormat format) => Path.Combine(Root, format.ToString());

    public string PathOf(ExportFormat format, string file) => Path.Combine(Folder(format), file);

    /// <summary>The header and rows of an exported file, decoded with <paramref name="encoding"/> (UTF-8 when null).</summary>
    public (string[] Header, List<string[]> Rows) Read(ExportFormat format, string file, Encoding? encoding = null) => ReadCsv(PathOf(format, file), encoding);

    public static (string[] Header, List<string[]> Rows) ReadCsv(string path, Encoding? encoding = null)
    {
        using var text = new StreamReader(path, encoding ?? Encoding.UTF8);
        // Sylvan skips lines that start with '#' as comments by default, which would drop every Shopify order row.
        using var reader = CsvDataReader.Create(text, new CsvDataReaderOptions { HasHeaders = true, Comment = '\0' });
        string[] header = [.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetName)];
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add([.. Enumerable.Range(0, reader.RowFieldCount).Select(reader.GetString)]);
        }

        return (header, rows);
    }

    public static Encoding Windows1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }

    public void Dispose()
    {
        Directory.Delete(Source.Directory, recursive: true);
        Directory.Delete(Root, recursive: true);
    }
}
