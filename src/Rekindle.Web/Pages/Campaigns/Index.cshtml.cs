using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rekindle.App.Reactivation;
using Rekindle.Storage;
using Rekindle.Web.Auth;

namespace Rekindle.Web.Pages.Campaigns;

/// <summary>The workspace's campaigns, newest first, with their size and attribution window: managers and analysts, as /api/campaigns.</summary>
public sealed class IndexModel(CampaignStore store) : PageModel
{
    public IReadOnlyList<Campaign> Campaigns { get; private set; } = [];

    public const string RepsRefused = "Campaigns are planned and measured by managers and analysts.";

    public IActionResult OnGet()
    {
        if (!User.May(Can.Analyse))
        {
            return Denied.Page(ViewData, RepsRefused);
        }

        Campaigns = [.. store.List().Reverse()];
        return Page();
    }
}
