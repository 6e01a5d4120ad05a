using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rekindle.App.Pool;
using Rekindle.App.Workspace;
using Rekindle.Pool;
using Rekindle.Storage;
using Rekindle.Web.Auth;
using Rekindle.Web.Hosting;

namespace Rekindle.Web.Pages.Accounts;

/// <summary>
/// One account as of today: status and reasons, key flag, cycle, status history, timeline, contacts, owners and the
/// handoff notes the user may read. A rep opens only accounts they own (403 otherwise).
/// </summary>
public sealed class AccountModel(AccountView view, WorkspacePolicies policies, PoolQueries pool, WorkspaceDb db, WebClock clock) : PageModel
{
    public AccountDetails Details { get; private set; } = null!;
    public IReadOnlyList<HandoffNote> Notes { get; private set; } = [];
    public AccountStanding? Standing { get; private set; }
    public bool Claimed { get; private set; }
    public bool NoteSaved { get; private set; }
    public bool MayWriteNote { get; private set; }

    /// <summary>The contacts as the API gives them to this user: without addresses for analysts.</summary>
    public IReadOnlyList<Api.ContactItem> Contacts { get; private set; } = [];

    public bool ContactsHidden { get; private set; }

    public IActionResult OnGet(string id, int? claimed, int? noted)
    {
        var account = db.Accounts.Find(id);
        if (account is null)
        {
            return NotFound();
        }

        if (User.IsRep() && account.OwnerRepId != User.RepId())
        {
            return Denied.Page(ViewData, $"{id} is not one of your accounts: a rep opens the accounts they own.");
        }

        Details = view.Load(id, clock.Today, policies.CurrentPolicy().Policy)!;
        ContactsHidden = !User.SeesContactAddresses();
        Contacts = [.. Details.Contacts.Select(p => Api.AccountDetailsApi.Contact(p, ContactsHidden))];
        Standing = pool.Standing(id);
        Notes = VisibleNotes(Standing);
        Claimed = claimed == 1;
        NoteSaved = noted == 1;
        MayWriteNote = NoteModel.MayWrite(User, Standing);
        return Page();
    }

    /// <summary>A rep reads the note left for their claim and their own; managers and analysts read every author's latest note.</summary>
    private List<HandoffNote> VisibleNotes(AccountStanding? standing)
    {
        if (standing is null)
        {
            return [];
        }

        if (User.RepId() is { } rep && User.IsRep())
        {
            var seen = new List<HandoffNote>();
            if (standing.Claim is { } claim && claim.RepId == rep && standing.NoteBy(claim.PreviousOwnerRepId) is { } handed)
            {
                seen.Add(handed);
            }

            if (standing.NoteBy(rep) is { } own && !seen.Contains(own))
            {
                seen.Add(own);
            }

            return seen;
        }

        return [.. standing.Notes.GroupBy(n => n.AuthorRepId, StringComparer.Ordinal).Select(g => g.Last()).OrderByDescending(n => n.WrittenOn)];
    }
}
