using Microsoft.AspNetCore.Mvc.RazorPages;
using Rekindle.App.Workspace;
using Rekindle.Lifecycle;
using Rekindle.Web.Auth;
using Rekindle.Web.Hosting;

namespace Rekindle.Web.Pages;

/// <summary>
/// Home: the book (a rep's own book) from the saved snapshots: accounts and revenue share by status, the status flow
/// over time, the downtime histogram, revenue concentration and the key accounts that are lapsing.
/// </summary>
public sealed class IndexModel(Dashboard dashboard) : PageModel
{
    public DashboardFigures? Figures { get; private set; }
    public string AccountsChart { get; private set; } = "";
    public string RevenueChart { get; private set; } = "";
    public string FlowChart { get; private set; } = "";
    public string DowntimeChart { get; private set; } = "";
    public string ParetoChart { get; private set; } = "";

    /// <summary>The owner asked for (managers and analysts; a rep always sees their own book).</summary>
    public string? Owner { get; private set; }

    public void OnGet(string? owner)
    {
        Owner = User.OwnerScope(string.IsNullOrWhiteSpace(owner) ? null : owner.Trim());
        Figures = dashboard.Load(Owner);
        if (Figures is not { } f)
        {
            return;
        }

        var labels = f.Totals.Select(t => t.Status.Code()).ToArray();
        AccountsChart = ChartSpec.Bar(labels, "accounts", f.Totals.Select(t => (decimal)t.Accounts));
        RevenueChart = ChartSpec.Doughnut(labels, f.Totals.Select(t => t.Revenue12m));
        FlowChart = ChartSpec.StackedArea(
            [.. f.Flow.Select(p => Fmt.Date(p.AsOf))],
            LifecycleStatusCodes.All.Select(s => new ChartSpec.Series(s.Code(), [.. f.Flow.Select(p => (decimal)p.Accounts[s])], ChartSpec.Colour(s))),
            "accounts");
        DowntimeChart = ChartSpec.StackedBar(
            [.. f.Downtime.Select(b => b.Label)],
            LifecycleStatusCodes.All.Where(s => f.Downtime.Any(b => b.Accounts[s] > 0))
                .Select(s => new ChartSpec.Series(s.Code(), [.. f.Downtime.Select(b => (decimal)b.Accounts[s])], ChartSpec.Colour(s))),
            "buying cycles since the last order", "accounts");
        ParetoChart = ChartSpec.Line(
            [.. Enumerable.Range(0, 101).Select(p => p + "%")],
            [
                new ChartSpec.Series("share of revenue", [.. f.Pareto.Points.Select(p => (decimal)Math.Round(p, 4))], "#c2410c"),
                new ChartSpec.Series("if every account gave the same", [.. Enumerable.Range(0, 101).Select(p => p / 100m)], "#9aa5b1-dashed"),
            ],
            "share of accounts (largest first)", "share of revenue", percent: true);
    }

    /// <summary>"The top 20% of the 312 accounts that bought in the last 12 months give 81% of the revenue."</summary>
    public string ConcentrationInWords()
    {
        var p = Figures!.Pareto;
        return p.Accounts == 0
            ? "No account bought in the last 12 months."
            : $"The top 20% of accounts ({Fmt.N(p.TopCount(20))} of the {Fmt.N(p.Accounts)} that bought in the last 12 months) give {Fmt.Percent(p.TopShare(20), 0)} of the revenue; " +
              $"the top half give {Fmt.Percent(p.TopShare(50), 0)}.";
    }
}
