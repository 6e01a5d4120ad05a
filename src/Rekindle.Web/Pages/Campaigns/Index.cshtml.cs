using Microsoft.AspNetCore.Mvc.RazorPages;
using Rekindle.App.Reactivation;
using Rekindle.Storage;

namespace Rekindle.Web.Pages.Campaigns;

/// <summary>The workspace's campaigns, newest first, with their size and attribution window.</summary>
public sealed class IndexModel(CampaignStore store) : PageModel
{
    public IReadOnlyList<Campaign> Campaigns { get; private set; } = [];

    public void OnGet() => Campaigns = [.. store.List().Reverse()];
}
