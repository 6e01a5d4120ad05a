using System.Globalization;
using Rekindle.Models;

namespace Rekindle.Core.Tests.Models;

/// <summary>The public data sets the model tests use, read once and shared (and their fits, computed once).</summary>
public static class Datasets
{
    public static readonly DateOnly CdnowCalibrationEnd = new(1997, 9, 30);
    public static readonly DateOnly CdnowHoldoutEnd = new(1998, 6, 30);

    private static readonly Lazy<CustomerSummaries> CdnowSummaryLazy = new(ReadCdnowSummary);
    private static readonly Lazy<(string[] Ids, DateOnly[] Dates, decimal[] Amounts)> CdnowElogLazy = new(() => ReadElog("btyd/cdnowElog.csv"));
    private static readonly Lazy<(string[] Ids, DateOnly[] Dates, decimal[] Amounts)> OnlineRetailLazy = new(ReadOnlineRetail);
    private static readonly Dictionary<ModelKind, Lazy<FitResult>> CdnowFits = ModelKinds.All.ToDictionary(
        m => m.Kind, m => new Lazy<FitResult>(() => ModelFitter.Fit(m.Kind, CdnowSummary)));

    /// <summary>BTYD's cdnowSummary at full precision: x, t.x, T.cal (weeks), x.star and m.x.</summary>
    public static CustomerSummaries CdnowSummary => CdnowSummaryLazy.Value;

    /// <summary>The CDNOW sample event log (sample id, date, sales).</summary>
    public static (string[] Ids, DateOnly[] Dates, decimal[] Amounts) CdnowElog => CdnowElogLazy.Value;

    /// <summary>Online Retail invoices (customer id, invoice date, amount in GBP).</summary>
    public static (string[] Ids, DateOnly[] Dates, decimal[] Amounts) OnlineRetail => OnlineRetailLazy.Value;

    /// <summary>A model fitted once on <see cref="CdnowSummary"/>.</summary>
    public static FitResult CdnowFit(ModelKind kind) => CdnowFits[kind].Value;

    private static CustomerSummaries ReadCdnowSummary()
    {
        var rows = File.ReadAllLines(SharedData.Path("btyd/cdnowSummary_cbs.csv")).Skip(1).Select(l => l.Split(',')).ToArray();
        var spend = File.ReadAllLines(SharedData.Path("btyd/cdnowSummary_m_x.csv")).Skip(1).Select(l => l.Split(',')).ToArray();
        double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);
        return new CustomerSummaries(
            [.. rows.Select(r => D(r[1]))],
            [.. rows.Select(r => D(r[2]))],
            [.. rows.Select(r => D(r[3]))],
            [.. spend.Select(r => D(r[1]))],
            [.. rows.Select(r => D(r[4]))],
            [.. rows.Select(r => r[0])]);
    }

    private static (string[], DateOnly[], decimal[]) ReadElog(string relative)
    {
        var rows = File.ReadAllLines(SharedData.Path(relative)).Skip(1).Select(l => l.Split(',')).ToArray();
        return (
            [.. rows.Select(r => r[1])],
            [.. rows.Select(r => DateOnly.ParseExact(r[2], "yyyyMMdd", CultureInfo.InvariantCulture))],
            [.. rows.Select(r => decimal.Parse(r[4], CultureInfo.InvariantCulture))]);
    }

    private static (string[], DateOnly[], decimal[]) ReadOnlineRetail()
    {
        var rows = File.ReadAllLines(SharedData.Path("online_retail/online_retail_invoices.csv")).Skip(1).Select(l => l.Split(',')).ToArray();
        return (
            [.. rows.Select(r => r[0])],
            [.. rows.Select(r => DateOnly.ParseExact(r[2][..10], "yyyy-MM-dd", CultureInfo.InvariantCulture))],
            [.. rows.Select(r => decimal.Parse(r[5], CultureInfo.InvariantCulture))]);
    }
}
