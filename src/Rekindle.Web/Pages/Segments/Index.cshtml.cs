using Microsoft.AspNetCore.Mvc.RazorPages;
using Rekindle.App.Reactivation;
using Rekindle.App.Workspace;
using Rekindle.Reactivation;
using Rekindle.Storage;
using Rekindle.Web.Auth;
using Rekindle.Web.Hosting;

namespace Rekindle.Web.Pages.Segments;

/// <summary>
/// The segment matrix of the lapsed accounts, as <c>rekindle segments</c> computes it: downtime band by spend tier
/// (accounts and revenue at stake), the reachable channels, and the accounts with the most at stake. As of the latest
/// snapshot's date (today when none is saved), so the cells' links list the same accounts; a rep sees their own.
/// </summary>
public sealed class IndexModel(SnapshotQueries snapshots, WorkspacePolicies policies, WorkspaceDb db, ClassifiedBookCache cache, WebClock clock) : PageModel
{
    public const int Top = 25;

    public SegmentedBook Book { get; private set; } = null!;
    public SegmentMatrix Matrix { get; private set; } = null!;
    public IReadOnlyList<AccountSegment> TopAccounts { get; private set; } = [];
    public string Currency { get; private set; } = "";
    public decimal MaxCellRevenue { get; private set; }

    public void OnGet()
    {
        var asOf = snapshots.Latest()?.AsOf ?? clock.Today;
        var result = WorkspaceSegments.Segment(db, policies.CurrentPolicy().Policy, asOf, cache: cache);
        Book = result.Segmented;
        Currency = result.Currency;
        var owner = User.OwnerScope(null);
        var accounts = owner is null ? Book.Accounts : [.. Book.Accounts.Where(a => a.OwnerRepId == owner)];
        Matrix = SegmentMatrix.Of(accounts, Book.Bands);
        MaxCellRevenue = Matrix.Rollup(SegmentAxes.Band | SegmentAxes.Tier).Select(c => c.RevenueAtStake).DefaultIfEmpty(0).Max();
        TopAccounts = [.. accounts.OrderByDescending(a => a.RevenueAtStake).ThenBy(a => a.AccountId, StringComparer.Ordinal).Take(Top)];
    }

    /// <summary>The account list of a cell: its code with * for the axes summed over.</summary>
    public static string Link(SegmentCell cell) => "/accounts?segment=" + Uri.EscapeDataString(cell.Code) + "&sort=revenue";

    /// <summary>A cell's background: the more revenue at stake, the stronger.</summary>
    /// <summary>
    /// The cell's shade as a class of site.css (heat-0 to heat-5, by its share of the largest cell's revenue): the
    /// Content-Security-Policy allows no style attribute.
    /// </summary>
    public string Heat(SegmentCell cell) => MaxCellRevenue <= 0 || cell.Accounts == 0
        ? ""
        : "heat-" + ((int)Math.Round(5 * (double)(cell.RevenueAtStake / MaxCellRevenue))).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
