using System.Globalization;
using Rekindle.App.Generation;
using Sylvan.Data.Csv;

namespace Rekindle.App.Tests.Generation;

/// <summary>A generated company read back from its CSV files: each file as its header and rows of text fields.</summary>
public sealed class GeneratedCompany
{
    private GeneratedCompany(string directory, GeneratorOptions options, GenerationReport report)
    {
        Directory = directory;
        Options = options;
        Report = report;
        foreach (var (file, _) in GeneratedFiles.All)
        {
            using var reader = CsvDataReader.Create(Path.Combine(directory, file), new CsvDataReaderOptions { HasHeaders = true });
            Headers[file] = [.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetName)];
            var rows = new List<string[]>();
            while (reader.Read())
            {
                rows.Add([.. Enumerable.Range(0, reader.RowFieldCount).Select(reader.GetString)]);
            }

            Rows[file] = rows;
        }
    }

    public string Directory { get; }

    public GeneratorOptions Options { get; }

    public GenerationReport Report { get; }

    public Dictionary<string, string[]> Headers { get; } = [];

    public Dictionary<string, List<string[]>> Rows { get; } = [];

    public List<string[]> Reps => Rows[GeneratedFiles.Reps];
    public List<string[]> Accounts => Rows[GeneratedFiles.Accounts];
    public List<string[]> Contacts => Rows[GeneratedFiles.Contacts];
    public List<string[]> Orders => Rows[GeneratedFiles.Orders];
    public List<string[]> OrderLines => Rows[GeneratedFiles.OrderLines];
    public List<string[]> Engagements => Rows[GeneratedFiles.Engagements];
    public List<string[]> Opportunities => Rows[GeneratedFiles.Opportunities];
    public List<string[]> Truth => Rows[GeneratedFiles.Truth];

    public static GeneratedCompany Generate(GeneratorOptions options)
    {
        var directory = Path.Combine(Path.GetTempPath(), "rekindle-gen-" + Guid.NewGuid().ToString("N"));
        var report = CompanyGenerator.Generate(options, directory);
        return new GeneratedCompany(directory, options, report);
    }

    public static DateOnly Date(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static decimal Money(string text) => decimal.Parse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
}

/// <summary>One company of 1,500 accounts as of 2026-06-30, generated once for the tests that only read it.</summary>
public sealed class GeneratedCompanyFixture : IDisposable
{
    public static readonly DateOnly AsOf = new(2026, 6, 30);

    public GeneratedCompany Company { get; } = GeneratedCompany.Generate(new GeneratorOptions(AsOf, Accounts: 1_500, Reps: 20, Seed: 7));

    public void Dispose() => System.IO.Directory.Delete(Company.Directory, recursive: true);
}
