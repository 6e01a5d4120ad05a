using Microsoft.AspNetCore.Http;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rekindle.App.Pool;
using Rekindle.Pool;
using Rekindle.Storage;
using Rekindle.Web.Auth;
using Rekindle.Web.Hosting;

namespace Rekindle.Web.Pages.Accounts;

/// <summary>
/// The handoff note form: players, policies and politics (required) and free text. A rep writes their own note on an
/// account they own or were the owner it was released from; a manager writes it for one of those reps; analysts
/// never. The pool rules decide (a refusal is shown in words); a blank required field is shown beside the field.
/// </summary>
public sealed class NoteModel(PoolQueries pool, PoolActions actions, WorkspaceDb db, WebClock clock) : PageModel
{
    public string AccountId { get; private set; } = "";
    public string AccountName { get; private set; } = "";
    public IReadOnlyList<string> Authors { get; private set; } = [];
    public string? Refusal { get; private set; }
    public bool Saved { get; private set; }

    [BindProperty]
    public string? Author { get; set; }

    [BindProperty]
    public string? Players { get; set; }

    [BindProperty]
    public string? Policies { get; set; }

    [BindProperty]
    public string? Politics { get; set; }

    [BindProperty]
    public string? FreeText { get; set; }

    /// <summary>Who may write a note on the account: its owner, the owner it was released from, the previous owner of its claim.</summary>
    public static IReadOnlyList<string> Candidates(AccountStanding? standing) => standing is null
        ? []
        : new[] { standing.Owner, standing.Entry?.PreviousOwnerRepId, standing.Claim?.PreviousOwnerRepId }
            .OfType<string>().Distinct(StringComparer.Ordinal).ToList();

    /// <summary>True when the user may open the form for the account: a rep who is a candidate author, a manager when there is one.</summary>
    public static bool MayWrite(ClaimsPrincipal user, AccountStanding? standing)
    {
        var candidates = Candidates(standing);
        return user.IsManager() ? candidates.Count > 0 : user.IsRep() && user.RepId() is { } rep && candidates.Contains(rep);
    }

    public IActionResult OnGet(string id, int? saved)
    {
        if (Load(id) is { } stop)
        {
            return stop;
        }

        Saved = saved == 1;
        Author = User.IsRep() ? User.RepId() : Authors[0];
        if (pool.Standing(id)?.NoteBy(Author) is { } note)
        {
            (Players, Policies, Politics, FreeText) = (note.Players, note.Policies, note.Politics, note.FreeText);
        }

        return Page();
    }

    public IActionResult OnPost(string id)
    {
        if (Load(id) is { } stop)
        {
            return stop;
        }

        var author = User.IsRep() ? User.RepId()! : Author;
        if (author is null || !Authors.Contains(author))
        {
            ModelState.AddModelError(nameof(Author), $"Choose who writes the note: {string.Join(", ", Authors)}.");
        }

        Require(nameof(Players), Players, "Who decides and who influences the buying?");
        Require(nameof(Policies), Policies, "How does the account buy (budgets, terms, purchase orders)?");
        Require(nameof(Politics), Politics, "What is going on between people, and with us?");
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var outcome = actions.Note(new HandoffNote(id, author!, clock.Today, Players!.Trim(), Policies!.Trim(), Politics!.Trim(), string.IsNullOrWhiteSpace(FreeText) ? null : FreeText.Trim()));
        if (outcome.Refusal is { } refusal)
        {
            Refusal = refusal.Message;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        var owner = db.Accounts.Where(a => a.AccountId == id).Select(a => a.OwnerRepId).FirstOrDefault();
        return !User.IsRep() || owner == User.RepId() ? Redirect($"/accounts/{Uri.EscapeDataString(id)}?noted=1") : Redirect($"/accounts/{Uri.EscapeDataString(id)}/note?saved=1");
    }

    private IActionResult? Load(string id)
    {
        var account = db.Accounts.Find(id);
        if (account is null)
        {
            return NotFound();
        }

        AccountId = account.AccountId;
        AccountName = account.Name;
        var standing = pool.Standing(id);
        Authors = Candidates(standing);
        if (!MayWrite(User, standing))
        {
            return Denied.Page(ViewData, User.IsRep() || User.IsManager()
                ? $"A handoff note on {id} is written by its owner or by the owner it was released from."
                : "Analysts read handoff notes; they do not write them.");
        }

        return null;
    }

    private void Require(string field, string? value, string question)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            ModelState.AddModelError(field, $"{field.ToLowerInvariant()} is required: {question}");
        }
    }
}
