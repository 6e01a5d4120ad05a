using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rekindle.App.Workspace;
using Rekindle.Policies;
using Rekindle.Storage;
using Rekindle.Web.Auth;

namespace Rekindle.Web.Pages.Policy;

/// <summary>One parameter that differs between a version and its predecessor.</summary>
public sealed record PolicyChange(string Key, string Meaning, string Before, string After);

/// <summary>
/// The team's policy: the current JSON (editable by a manager, with a reason; read-only for others, whose POST is
/// 403), every version with who, when, why and what changed, and the diff of a chosen version against its
/// predecessor (version 1 against the built-in defaults). An invalid policy is shown back with every problem and its key.
/// </summary>
public sealed class IndexModel(WorkspacePolicies policies) : PageModel
{
    public IReadOnlyList<PolicyVersion> Log { get; private set; } = [];
    public PolicyVersion? Current { get; private set; }
    public PolicyVersion? Chosen { get; private set; }
    public IReadOnlyList<PolicyChange> Diff { get; private set; } = [];
    public IReadOnlyList<PolicyProblem> Problems { get; private set; } = [];
    public string? Message { get; private set; }

    [BindProperty(Name = "content")]
    public string PolicyText { get; set; } = "";

    [BindProperty(Name = "reason")]
    public string? Reason { get; set; }

    public void OnGet(int? version, int? saved, int? unchanged)
    {
        Load(version);
        PolicyText = Current?.Content ?? PolicyJson.Write(Rekindle.Policies.Policy.Default);
        Message = saved is { } n ? $"Stored policy version {n}." : unchanged is { } u ? $"Nothing changed: the policy is already version {u}." : null;
    }

    public IActionResult OnPost()
    {
        if (!User.IsManager())
        {
            return Denied.Page(ViewData, "Only a manager changes the policy.");
        }

        var problems = new List<PolicyProblem>();
        var read = PolicyJson.Parse(PolicyText ?? "");
        problems.AddRange(read.Problems);
        if (string.IsNullOrWhiteSpace(Reason))
        {
            problems.Add(new PolicyProblem("reason", "say why the policy changes: every version records its reason"));
        }

        if (problems.Count > 0 || read.Policy is null)
        {
            Problems = problems;
            Load(null);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var result = policies.Set(read.Policy, Reason!, User.Email());
        return Redirect(result.Stored ? $"/policy?saved={result.Version.Number}" : $"/policy?unchanged={result.Version.Number}");
    }

    private void Load(int? version)
    {
        Log = policies.Log();
        Current = Log.Count > 0 ? Log[0] : null;
        Chosen = version is { } v ? Log.FirstOrDefault(x => x.Number == v) : Current;
        if (Chosen is null)
        {
            return;
        }

        var before = Log.FirstOrDefault(x => x.Number == Chosen.Number - 1) is { } p ? WorkspacePolicies.Parse(p) : Rekindle.Policies.Policy.Default;
        var after = WorkspacePolicies.Parse(Chosen);
        Diff = [.. PolicyParameters.All.Where(x => x.Display(before) != x.Display(after)).Select(x => new PolicyChange(x.Key, x.Meaning, x.Display(before), x.Display(after)))];
    }
}
