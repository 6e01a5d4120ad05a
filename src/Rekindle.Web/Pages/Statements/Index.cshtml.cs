using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rekindle.App.Pool;
using Rekindle.App.Workspace;
using Rekindle.Incentives;
using Rekindle.Storage;
using Rekindle.Web.Auth;
using Rekindle.Web.Hosting;

namespace Rekindle.Web.Pages.Statements;

/// <summary>
/// Incentive statements. /statements: a rep goes straight to their own; managers and analysts get every rep's totals
/// for the month with a link to each statement.
/// </summary>
public sealed class IndexModel(PoolQueries pool, WorkspaceDb db, WebClock clock) : PageModel
{
    public StatementPeriod Period { get; private set; }
    public IReadOnlyList<Statement> Statements { get; private set; } = [];
    public IReadOnlyList<Storage.Rep> Reps { get; private set; } = [];
    public string Currency { get; private set; } = "";
    public string? Problem { get; private set; }

    public IActionResult OnGet(string? period)
    {
        var parsed = StatementModel.ParsePeriod(period, clock.Today, out var problem);
        if (User.IsRep())
        {
            return User.RepId() is { } me
                ? Redirect($"/statements/{Uri.EscapeDataString(me)}?period={parsed}")
                : Denied.Page(ViewData, "Your user is not linked to a rep, so it has no statement.");
        }

        Period = parsed;
        Problem = problem;
        Reps = [.. db.Reps.OrderBy(r => r.RepId)];
        Statements = [.. Reps.Select(r => pool.Statement(r.RepId, Period))];
        Currency = WorkspaceBook.ReportingCurrency(db) ?? "";
        return Page();
    }
}
