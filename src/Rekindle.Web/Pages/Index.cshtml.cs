using Microsoft.AspNetCore.Mvc.RazorPages;
using Rekindle.App.Workspace;
using Rekindle.Lifecycle;
using Rekindle.Storage;
using Rekindle.Web.Hosting;

namespace Rekindle.Web.Pages;

/// <summary>Home: the book by status (accounts and revenue share) from the latest saved snapshot.</summary>
public sealed class IndexModel(SnapshotQueries snapshots) : PageModel
{
    public ClassificationSnapshot? Snapshot { get; private set; }
    public IReadOnlyList<StatusTotals> Totals { get; private set; } = [];
    public string AccountsChart { get; private set; } = "";
    public string RevenueChart { get; private set; } = "";

    public void OnGet()
    {
        Snapshot = snapshots.Latest();
        if (Snapshot is null)
        {
            return;
        }

        Totals = snapshots.Totals(Snapshot.Id);
        var labels = Totals.Select(t => t.Status.Code()).ToArray();
        AccountsChart = ChartSpec.Bar(labels, "accounts", Totals.Select(t => (decimal)t.Accounts));
        RevenueChart = ChartSpec.Doughnut(labels, Totals.Select(t => t.Revenue12m));
    }
}
