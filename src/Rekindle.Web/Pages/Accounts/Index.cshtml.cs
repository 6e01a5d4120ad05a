using Microsoft.AspNetCore.Mvc.RazorPages;
using Rekindle.App.Reactivation;
using Rekindle.App.Workspace;
using Rekindle.Lifecycle;
using Rekindle.Storage;
using Rekindle.Web.Auth;

namespace Rekindle.Web.Pages.Accounts;

/// <summary>
/// The account list from the latest snapshot: filter by status, key flag, owner, segment and text; sort; page. A rep
/// sees only their own accounts, whatever the owner filter says.
/// </summary>
public sealed class IndexModel(SnapshotQueries snapshots, WorkspacePolicies policies, WorkspaceDb db, ClassifiedBookCache cache) : PageModel
{
    public const int PageSize = 50;

    public string? Status { get; private set; }
    public string? Key { get; private set; }
    public string? Owner { get; private set; }
    public string? Segment { get; private set; }
    public string? Q { get; private set; }
    public string Sort { get; private set; } = "revenue";
    public bool Desc { get; private set; } = true;
    public List<string> Problems { get; } = [];
    public SnapshotPage? Result { get; private set; }
    public string Currency { get; private set; } = "";

    public int Pages => Result is null ? 0 : Math.Max(1, (Result.Total + PageSize - 1) / PageSize);

    /// <summary>The query's <c>page</c> is read by hand: Razor Pages keeps the name "page" for the page's own route value.</summary>
    public void OnGet(string? status, string? key, string? owner, string? segment, string? q, string? sort, string? desc)
    {
        var page = int.TryParse(Request.Query["page"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var p) && p > 0 ? p : 1;
        Status = Blank(status);
        Key = Blank(key);
        Owner = Blank(owner);
        Segment = Blank(segment);
        Q = Blank(q);
        Sort = Blank(sort)?.ToLowerInvariant() ?? "revenue";
        Desc = Blank(desc) is not { } d || !string.Equals(d, "false", StringComparison.OrdinalIgnoreCase);
        var query = new AccountQuery { Owner = User.OwnerScope(Owner), Search = Q, Descending = Desc, Page = page, PageSize = PageSize };
        if (Status is not null)
        {
            if (LifecycleStatusCodes.TryParse(Status, out var s))
            {
                query = query with { Status = s };
            }
            else
            {
                Problems.Add($"'{Status}' is not a status (prospect, new, active, occasional, passive, inactive, dormant).");
            }
        }

        if (Key is not null)
        {
            if (bool.TryParse(Key, out var k))
            {
                query = query with { Key = k };
            }
            else
            {
                Problems.Add($"key is true or false, not '{Key}'.");
            }
        }

        var order = Sort switch
        {
            "revenue" => AccountSort.Revenue,
            "name" => AccountSort.Name,
            "days" => AccountSort.DaysSinceLastOrder,
            "status" => AccountSort.Status,
            _ => (AccountSort?)null,
        };
        if (order is null)
        {
            Problems.Add($"'{Sort}' is not a sort (name, revenue, days, status).");
        }

        var snapshot = snapshots.Latest();
        if (snapshot is null || Problems.Count > 0)
        {
            return;
        }

        if (Segment is not null)
        {
            if (!SegmentSelector.TryParse(Segment, out var matches, out var error))
            {
                Problems.Add(error);
                return;
            }

            var segmented = WorkspaceSegments.Segment(db, policies.CurrentPolicy().Policy, snapshot.AsOf, cache: cache).Segmented;
            query = query with { Only = segmented.Accounts.Where(matches).Select(a => a.AccountId).ToHashSet(StringComparer.Ordinal) };
        }

        Currency = WorkspaceBook.ReportingCurrency(db) ?? "";
        Result = snapshots.Accounts(snapshot, query with { Sort = order!.Value });
    }

    /// <summary>This list's address with some query values changed (null removes one).</summary>
    public string Link(int? page = null, string? sort = null, bool? desc = null)
    {
        var values = new List<(string, string?)>
        {
            ("status", Status), ("key", Key), ("owner", User.IsRep() ? null : Owner), ("segment", Segment), ("q", Q),
            ("sort", sort ?? Sort), ("desc", (desc ?? Desc) ? null : "false"), ("page", page is > 1 ? page.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : null),
        };
        var query = string.Join("&", values.Where(v => v.Item2 is not null).Select(v => v.Item1 + "=" + Uri.EscapeDataString(v.Item2!)));
        return "/accounts" + (query.Length > 0 ? "?" + query : "");
    }

    /// <summary>The link of a sortable column header: the same sort flips the direction.</summary>
    public string SortLink(string column) => Link(sort: column, desc: column == Sort ? !Desc : column != "name");

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
