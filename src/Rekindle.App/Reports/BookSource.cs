using Rekindle.App.Csv;
using Rekindle.Lifecycle;

namespace Rekindle.App.Reports;

/// <summary>Where a command's facts come from: a CSV folder, or a public order log in a known format.</summary>
public static class BookSource
{
    /// <summary>Reads <paramref name="path"/>: a CSV folder when <paramref name="format"/> is null or "csv", else a log file.</summary>
    public static LoadedBook Load(string path, string? format, LoadOptions? options = null)
    {
        if (format is null or "csv")
        {
            return BookLoader.Load(path, options);
        }

        var kind = ExternalFormats.Parse(format);
        var errors = new InputErrors();
        var orders = ExternalFormats.Read(kind, path, errors);
        errors.ThrowIfAny();
        return new LoadedBook(ExternalFormats.ToBook(orders), ExternalFormats.CurrencyOf(kind), new Dictionary<string, RepInfo>());
    }
}
