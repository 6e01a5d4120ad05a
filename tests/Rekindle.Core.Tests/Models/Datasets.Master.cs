using System.Globalization;
using Rekindle.Models;

namespace Rekindle.Core.Tests.Models;

/// <summary>The full CDNOW master log (23,570 customers) summarised at the papers' calibration end, read once.</summary>
public static class CdnowMaster
{
    private static readonly Lazy<CustomerSummaries> SummaryLazy = new(Read);

    /// <summary>x, t_x, T (weeks) and mean spend of every master customer at 1997-09-30.</summary>
    public static CustomerSummaries Summary => SummaryLazy.Value;

    private static CustomerSummaries Read()
    {
        var rows = File.ReadLines(SharedData.Path("lifetimes/CDNOW_master.txt")).Skip(1)
            .Select(l => l.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Where(f => f.Length == 4).ToArray();
        return SummaryBuilder.Build(
            [.. rows.Select(f => f[0])],
            [.. rows.Select(f => DateOnly.ParseExact(f[1], "yyyyMMdd", CultureInfo.InvariantCulture))],
            [.. rows.Select(f => decimal.Parse(f[3], CultureInfo.InvariantCulture))],
            Datasets.CdnowCalibrationEnd,
            TimeUnit.Weeks);
    }
}
