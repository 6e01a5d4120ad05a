using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rekindle.App.Reactivation;
using Rekindle.Reactivation;
using Rekindle.Storage;
using Rekindle.Web.Auth;
using Rekindle.Web.Hosting;

namespace Rekindle.Web.Pages.Campaigns;

/// <summary>
/// A campaign's results as of today, as <c>rekindle campaign results</c> measures them: treatment against control
/// overall, by play and by segment, with the reactivation uplift and its 95% interval (managers and analysts, as the API). Reading measures; it stores
/// nothing (the CLI verb and the API store a measurement).
/// </summary>
public sealed class CampaignModel(CampaignStore store, CampaignMeasurer measurer, WebClock clock) : PageModel
{
    public Campaign Campaign { get; private set; } = null!;
    public CampaignResults Results { get; private set; } = null!;
    public string Currency { get; private set; } = "";
    public string UpliftChart { get; private set; } = "";

    public IActionResult OnGet(string name)
    {
        if (!User.May(Can.Analyse))
        {
            return Denied.Page(ViewData, IndexModel.RepsRefused);
        }

        var stored = store.Load(name.Trim());
        if (stored is null)
        {
            return NotFound();
        }

        Campaign = stored.Campaign;
        (Results, Currency) = measurer.Measure(stored, clock.Today);
        var rows = new[] { Results.Overall }.Concat(Results.ByPlay).ToList();
        UpliftChart = ChartSpec.Uplift(
            [.. rows.Select(r => r.Slice == "all" ? "overall" : r.Slice)],
            [.. rows.Select(r => Share(r.Treatment.ReactivationRate))],
            [.. rows.Select(r => Share(r.Control.ReactivationRate))],
            [.. rows.Select(r => r.ReactivationUplift is { } u ? new[] { Share(u.Lower), Share(u.Upper) } : null)],
            [.. rows.Select(r => r.ReactivationUplift is { } u ? Share(u.Estimate) : (decimal?)null)]);
        return Page();
    }

    /// <summary>
    /// The treatment group's mail, call or task list as a CSV download, exactly as <c>rekindle campaign export NAME
    /// --list LIST</c> writes it (contacts who opted out since the plan withheld; the control group never exported).
    /// </summary>
    public IActionResult OnGetExport(string name, string list, [FromServices] WorkspaceDb db)
    {
        if (!User.May(Can.Analyse))
        {
            return Denied.Page(ViewData, IndexModel.RepsRefused);
        }

        var stored = store.Load(name.Trim());
        if (stored is null || !CampaignExport.Lists.Contains(list, StringComparer.Ordinal))
        {
            return NotFound();
        }

        var directory = WorkspaceDirectory.Load(db, withOrderLines: false);
        var selection = CampaignExport.Select(stored.Plan, list, directory);
        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        CampaignExport.WriteCsv(selection, directory, stored.Campaign.Currency, text);
        return File(System.Text.Encoding.UTF8.GetBytes(text.ToString()), "text/csv; charset=utf-8", $"{stored.Campaign.Name}-{list}.csv");
    }

    /// <summary>"+4.2 pp [+1.0, +7.5]", or why there is no uplift.</summary>
    public static string UpliftText(UpliftRow row) => row.ReactivationUplift is { } u
        ? $"{Pages.Fmt.Points(u.Estimate)} [{Pages.Fmt.Points(u.Lower)}, {Pages.Fmt.Points(u.Upper)}]"
        : row.Control.Accounts == 0 ? "no control group" : "no treatment group";

    /// <summary>What the overall uplift means, in words.</summary>
    public string Verdict()
    {
        var o = Results.Overall;
        if (o.ReactivationUplift is not { } u)
        {
            return "No uplift can be measured: the campaign needs both a treatment and a control group.";
        }

        var provisional = Results.WindowClosed ? "" : " The attribution window is still open: figures are provisional.";
        return u.Lower > 0
            ? $"The campaign reactivated more accounts than the control group: {Pages.Fmt.Points(u.Estimate)}, and the 95% interval [{Pages.Fmt.Points(u.Lower)}, {Pages.Fmt.Points(u.Upper)}] lies above zero.{provisional}"
            : u.Upper < 0
                ? $"The treatment group did worse than control: {Pages.Fmt.Points(u.Estimate)}, interval [{Pages.Fmt.Points(u.Lower)}, {Pages.Fmt.Points(u.Upper)}].{provisional}"
                : $"No effect measured yet: the uplift {Pages.Fmt.Points(u.Estimate)} has an interval [{Pages.Fmt.Points(u.Lower)}, {Pages.Fmt.Points(u.Upper)}] that covers zero.{provisional}";
    }

    private static decimal Share(double rate) => Math.Round((decimal)rate, 4);
}
