using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rekindle.App.Reactivation;
using Rekindle.App.Workspace;
using Rekindle.Storage;
using Rekindle.Web.Api;
using Rekindle.Web.Auth;
using Rekindle.Web.Hosting;

namespace Rekindle.Web.Pages.Campaigns;

/// <summary>
/// The workspace's campaigns, newest first, with their size and attribution window, and a form that plans one (segment
/// filters, plays, holdout share, seed, launch date) through the same code as <c>POST /api/campaigns</c> and
/// <c>rekindle campaign plan</c>: managers and analysts, as /api/campaigns.
/// </summary>
public sealed class IndexModel(CampaignStore store, WorkspaceCampaigns campaigns, WorkspacePolicies policies, WebClock clock) : PageModel
{
    public const string RepsRefused = "Campaigns are planned and measured by managers and analysts.";

    public IReadOnlyList<Campaign> Campaigns { get; private set; } = [];

    /// <summary>Why the last plan was refused, one line a problem (empty when it was not).</summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Segments { get; set; }
    [BindProperty] public string? Plays { get; set; }
    [BindProperty] public string? Holdout { get; set; }
    [BindProperty] public int Seed { get; set; } = 1;
    [BindProperty] public DateOnly? LaunchOn { get; set; }

    /// <summary>The plays the policy's playbook offers.</summary>
    public IReadOnlyList<string> PlayNames => [.. policies.CurrentPolicy().Policy.Playbook.Rules.Select(r => r.Play).Distinct(StringComparer.Ordinal)];

    public IActionResult OnGet()
    {
        if (!User.May(Can.Analyse))
        {
            return Denied.Page(ViewData, RepsRefused);
        }

        Campaigns = [.. store.List().Reverse()];
        return Page();
    }

    /// <summary>Plans a campaign; on success goes to its page, else shows every problem beside the form.</summary>
    public IActionResult OnPostPlan()
    {
        if (!User.May(Can.Analyse))
        {
            return Denied.Page(ViewData, RepsRefused);
        }

        decimal? holdout = null;
        var problems = new List<string>();
        if (!string.IsNullOrWhiteSpace(Holdout))
        {
            if (decimal.TryParse(Holdout, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var share))
            {
                holdout = share;
            }
            else
            {
                problems.Add($"holdout: '{Holdout}' is not a share such as 0.1");
            }
        }

        if (problems.Count == 0)
        {
            var request = new PlanCampaignRequest(
                Name ?? "",
                LaunchOn: LaunchOn,
                Segments: Lines(Segments),
                Plays: Lines(Plays),
                HoldoutShare: holdout,
                Seed: Seed);
            var result = CampaignsApi.Plan(request, User, campaigns, store, policies, clock).Result;
            switch (result)
            {
                case Created<CampaignResponse>:
                    return Redirect($"/campaigns/{Uri.EscapeDataString(request.Name.Trim())}");
                case ValidationProblem invalid:
                    problems.AddRange(invalid.ProblemDetails.Errors.SelectMany(e => e.Value.Select(v => $"{e.Key}: {v}")));
                    break;
                case ProblemHttpResult problem:
                    problems.Add($"{problem.ProblemDetails.Title}: {problem.ProblemDetails.Detail}");
                    if (problem.ProblemDetails.Extensions.TryGetValue("problems", out var list) && list is IEnumerable<string> each)
                    {
                        problems.AddRange(each);
                    }

                    break;
            }
        }

        Problems = problems;
        Campaigns = [.. store.List().Reverse()];
        return Page();
    }

    private static List<string> Lines(string? text) =>
        [.. (text ?? "").Split(['\n', '\r'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
}
