using System.Globalization;
using Sylvan.Data.Csv;

namespace Rekindle.App.Generation.Exports;

internal sealed record SourceRep(string Id, long Number, string Name, string Email, bool Active);

internal sealed record SourceAccount(string Id, long Number, string Name, string Industry, string Region, DateOnly Created, string OwnerRepId);

internal sealed record SourceContact(
    string Id, long Number, string AccountId, string Name, string Role, string Email, string Phone, string Social, string Postal, string OptOut)
{
    public bool OptedOut(string channel) => OptOut.Split(';').Contains(channel, StringComparer.Ordinal);
}

internal sealed record SourceOrder(string Id, long Number, string AccountId, DateOnly Date, decimal Amount, string Currency, string Status);

internal sealed record SourceLine(string OrderId, string Sku, string ProductName, string Category, int Quantity, decimal UnitPrice);

internal sealed record SourceEngagement(string Id, long Number, string AccountId, DateOnly Date, string Kind, string Direction);

internal sealed record SourceOpportunity(string Id, long Number, string AccountId, DateOnly Opened, DateOnly? Closed, string Stage, decimal Amount);

/// <summary>
/// A generated company read back from its Rekindle CSV folder, in file order (accounts by id, each account's
/// rows together). Everything but the order lines and engagements is held in memory; those two, the largest
/// files, are read again by each writer that needs them.
/// </summary>
internal sealed class SourceCompany
{
    private readonly string folder;

    private SourceCompany(string folder)
    {
        this.folder = folder;
    }

    public IReadOnlyList<SourceRep> Reps { get; private init; } = [];
    public IReadOnlyList<SourceAccount> Accounts { get; private init; } = [];
    public IReadOnlyList<SourceContact> Contacts { get; private init; } = [];
    public IReadOnlyList<SourceOrder> Orders { get; private init; } = [];
    public IReadOnlyList<SourceOpportunity> Opportunities { get; private init; } = [];

    public static SourceCompany Read(string folder) => new(folder)
    {
        Reps = [.. Rows(folder, GeneratedFiles.Reps).Select(r => new SourceRep(r[0], Number(r[0]), r[1], r[2], r[4] == "true"))],
        Accounts = [.. Rows(folder, GeneratedFiles.Accounts).Select(r => new SourceAccount(r[0], Number(r[0]), r[1], r[2], r[3], Day(r[4]), r[5]))],
        Contacts = [.. Rows(folder, GeneratedFiles.Contacts).Select(r => new SourceContact(r[0], Number(r[0]), r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8]))],
        Orders = [.. Rows(folder, GeneratedFiles.Orders).Select(r => new SourceOrder(r[0], Number(r[0]), r[1], Day(r[2]), Money(r[3]), r[4], r[5]))],
        Opportunities = [.. Rows(folder, GeneratedFiles.Opportunities).Select(r =>
            new SourceOpportunity(r[0], Number(r[0]), r[1], Day(r[2]), r[3].Length == 0 ? null : Day(r[3]), r[4], Money(r[5])))],
    };

    public IEnumerable<SourceLine> Lines() =>
        Rows(folder, GeneratedFiles.OrderLines).Select(r =>
            new SourceLine(r[0], r[2], r[3], r[4], int.Parse(r[5], CultureInfo.InvariantCulture), Money(r[6])));

    public IEnumerable<SourceEngagement> Engagements() =>
        Rows(folder, GeneratedFiles.Engagements).Select(r => new SourceEngagement(r[0], Number(r[0]), r[1], Day(r[2]), r[3], r[4]));

    /// <summary>The number in a generated id: 42 for A000042, 7 for OP0000007.</summary>
    public static long Number(string id) => long.Parse(id.AsSpan(id.AsSpan().IndexOfAnyInRange('0', '9')), CultureInfo.InvariantCulture);

    private static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static decimal Money(string text) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);

    private static IEnumerable<string[]> Rows(string folder, string file)
    {
        var path = Path.Combine(folder, file);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{file}: not found in {folder} (expected a generated company)", path);
        }

        using var reader = CsvDataReader.Create(path, new CsvDataReaderOptions { HasHeaders = true });
        var fields = new string[reader.FieldCount];
        while (reader.Read())
        {
            var row = new string[fields.Length];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.GetString(i);
            }

            yield return row;
        }
    }
}
