using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rekindle.App.Pool;
using Rekindle.App.Workspace;
using Rekindle.Storage;
using Rekindle.Web.Auth;
using Rekindle.Web.Hosting;

namespace Rekindle.Web.Pages.Pool;

/// <summary>
/// The dormant-account pool: every signed-in user sees it; a rep claims for themselves with one click, a manager
/// for a named rep; analysts only look. Paged as the account list is; a rep at a claim limit sees the claim buttons
/// disabled with the reason. A granted claim goes to the account page with the handoff note; a refused
/// one comes back here with the rule in words.
/// </summary>
public sealed class IndexModel(PoolQueries pool, PoolActions actions, WorkspacePolicies policies, WorkspaceDb db, WebClock clock) : PageModel
{
    public const int PageSize = 50;

    public IReadOnlyList<PoolListRow> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public string Sort { get; private set; } = "waiting";
    public string Currency { get; private set; } = "";
    public IReadOnlyList<string> ActiveReps { get; private set; } = [];
    public string? Refusal { get; private set; }
    public string? RefusedAccount { get; private set; }

    /// <summary>For a rep: claims made today and open claims held, against the policy's limits.</summary>
    public (int Today, int MaxToday, int Open, int MaxOpen)? Limits { get; private set; }

    public bool MayClaim => User.IsRep() || User.IsManager();

    /// <summary>For a rep at a claim limit: why their claim buttons are disabled; null while they may claim.</summary>
    public string? ClaimBlocked => Blocked(Limits);

    /// <summary>The reason a rep with these counts cannot claim now, or null.</summary>
    public static string? Blocked((int Today, int MaxToday, int Open, int MaxOpen)? limits) => limits switch
    {
        { } l when l.Today >= l.MaxToday => $"You made {l.Today} claims today, the daily limit of {l.MaxToday}: claim again tomorrow.",
        { } l when l.Open >= l.MaxOpen => $"You hold {l.Open} open claims, the limit of {l.MaxOpen}: work or release one before claiming more.",
        _ => null,
    };

    /// <summary>The query's <c>page</c> is read by hand: Razor Pages keeps the name "page" for the page's own route value.</summary>
    public void OnGet(string? sort) => Load(sort);

    public IActionResult OnPost(string? account, string? rep, string? sort)
    {
        if (!MayClaim)
        {
            return Denied.Page(ViewData, "Analysts see the pool; only reps (for themselves) and managers (for a rep) claim.");
        }

        var claimer = User.IsRep() ? User.RepId() : string.IsNullOrWhiteSpace(rep) ? null : rep.Trim();
        if (string.IsNullOrWhiteSpace(account) || claimer is null)
        {
            Refusal = string.IsNullOrWhiteSpace(account) ? "Say which account to claim." : "Choose the rep the account is claimed for.";
            RefusedAccount = account;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Load(sort);
            return Page();
        }

        var outcome = actions.Claim(account.Trim(), claimer, clock.Today);
        if (outcome.Refusal is { } refusal)
        {
            Refusal = $"The claim of {account.Trim()} for {claimer} was refused: {refusal.Message} ({Explain(refusal.Rule)})";
            RefusedAccount = account.Trim();
            Response.StatusCode = StatusCodes.Status409Conflict;
            Load(sort);
            return Page();
        }

        return Redirect($"/accounts/{Uri.EscapeDataString(account.Trim())}?claimed=1");
    }

    /// <summary>This list with another page (the sort kept).</summary>
    public string Link(int page) => $"/pool?{(Sort == Api.PoolApi.ByValue ? "sort=value&" : "")}page={page.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>What each pool rule is for, in a sentence a rep understands.</summary>
    public static string Explain(Rekindle.Pool.RefusalRule rule) => rule switch
    {
        Rekindle.Pool.RefusalRule.AlreadyClaimed => "someone claimed it first; pick another account",
        Rekindle.Pool.RefusalRule.AccountNotInPool => "only accounts in the pool can be claimed",
        Rekindle.Pool.RefusalRule.ReclaimCooldown => "a rep cannot take back an account they let go until the cooldown has passed",
        Rekindle.Pool.RefusalRule.DailyClaimLimit => "the daily limit keeps the pool fair for everyone; try again tomorrow",
        Rekindle.Pool.RefusalRule.OpenClaimLimit => "work or release the accounts you hold before claiming more",
        Rekindle.Pool.RefusalRule.RepInactive => "accounts go to active reps only",
        Rekindle.Pool.RefusalRule.RepUnknown => "the rep is not in the workspace",
        _ => "a pool rule refused it",
    };

    private void Load(string? sort)
    {
        Sort = sort == Api.PoolApi.ByValue ? Api.PoolApi.ByValue : Api.PoolApi.ByWaiting;
        var text = Request.HasFormContentType && Request.Form.ContainsKey("page") ? Request.Form["page"] : Request.Query["page"];
        PageNumber = int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var p) && p > 0 ? p : 1;
        var today = clock.Today;
        var all = Api.PoolApi.Sorted(pool.List(today), Sort);
        Total = all.Count;
        Rows = [.. all.Skip(SnapshotQueries.Skip(PageNumber, PageSize)).Take(PageSize)];
        Currency = WorkspaceBook.ReportingCurrency(db) ?? "";
        if (User.IsManager())
        {
            ActiveReps = [.. db.Reps.Where(r => r.Active).OrderBy(r => r.RepId).Select(r => r.RepId)];
        }

        if (User.IsRep() && User.RepId() is { } me)
        {
            var policy = policies.CurrentPolicy().Policy;
            Limits = (
                db.PoolClaims.Count(c => c.RepId == me && c.ClaimedOn == today),
                policy.MaxClaimsPerRepPerDay,
                db.PoolClaims.Count(c => c.RepId == me && c.EndedOn == null && c.FirstSaleOn == null),
                policy.MaxOpenClaimsPerRep);
        }
    }
}
