using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rekindle.App.Pool;
using Rekindle.App.Workspace;
using Rekindle.Incentives;
using Rekindle.Storage;
using Rekindle.Web.Auth;
using Rekindle.Web.Hosting;

namespace Rekindle.Web.Pages.Statements;

/// <summary>One rep's incentive statement for a month (default: this month): a rep reads only their own (403 otherwise).</summary>
public sealed class StatementModel(PoolQueries pool, WorkspaceDb db, WebClock clock) : PageModel
{
    public Statement Statement { get; private set; } = null!;
    public Storage.Rep Rep { get; private set; } = null!;
    public string Currency { get; private set; } = "";
    public string? Problem { get; private set; }

    public IActionResult OnGet(string repId, string? period)
    {
        if (User.IsRep() && User.RepId() != repId)
        {
            return Denied.Page(ViewData, "A rep reads their own incentive statement only.");
        }

        var rep = db.Reps.Find(repId);
        if (rep is null)
        {
            return NotFound();
        }

        Rep = rep;
        var parsed = ParsePeriod(period, clock.Today, out var problem);
        Problem = problem;
        Statement = pool.Statement(repId, parsed);
        Currency = WorkspaceBook.ReportingCurrency(db) ?? "";
        return Page();
    }

    /// <summary>The month asked for (yyyy-MM), or this month with a problem saying why the text was not used.</summary>
    public static StatementPeriod ParsePeriod(string? text, DateOnly today, out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return StatementPeriod.Of(today);
        }

        if (StatementMonths.TryRead(text.Trim(), today, out var period, out var why))
        {
            return period;
        }

        problem = $"{why}: showing {StatementPeriod.Of(today)}.";
        return StatementPeriod.Of(today);
    }
}
