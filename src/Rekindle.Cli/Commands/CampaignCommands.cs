using System.CommandLine;
using System.Globalization;
using Rekindle.App.Csv;
using Rekindle.App.Policies;
using Rekindle.App.Reactivation;
using Rekindle.App.Reports;
using Rekindle.App.Workspace;
using Rekindle.Policies;
using Rekindle.Reactivation;
using Spectre.Console;

namespace Rekindle.Cli.Commands;

/// <summary>
/// <c>rekindle campaign plan|export|results</c>: plan a campaign over lapsed accounts with a seeded control group and
/// store it in the workspace; export the treatment group for mail tools, callers and owners; measure the uplift.
/// </summary>
public static class CampaignCommands
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("campaign", "Reactivation campaigns: plan with a control group, export, and measure the uplift");
        command.Add(Plan(console));
        command.Add(Export(console));
        command.Add(Results(console));
        return command;
    }

    private static Command Plan(CliConsole console)
    {
        var name = new Option<string>("--name") { Description = "The campaign's name (unique in the workspace)", Required = true };
        var asOf = CliOptions.Date("--as-of", "Segment and plan as of this date (default: today)");
        var launch = CliOptions.Date("--launch", "The day messages go out and the attribution window opens (default: --as-of)");
        var segment = new Option<string[]>("--segment") { Description = "Accounts matching this filter (repeat for any of several), e.g. status=passive|inactive,tier=big,channels=email" };
        var play = new Option<string[]>("--play") { Description = "Run only this play (repeatable); default every play that sends or assigns something" };
        var holdout = new Option<decimal?>("--holdout") { Description = "Share held out as the control group, in [0, 1) (default: the policy's holdoutShare, 0.1)" };
        var seed = new Option<int>("--seed") { Description = "Seed of the holdout draw and offer codes: the same seed draws the same control group", DefaultValueFactory = _ => 1 };
        var policy = CliOptions.PolicyFile();
        var currency = new Option<string?>("--currency") { Description = "Shown after amount offers (default: the workspace's reporting currency)" };
        var command = new Command("plan", "Choose the accounts, give each a play, channel and contact, render the messages, hold out a control group, and store the plan")
        {
            name, asOf, launch, segment, play, holdout, seed, policy, currency,
        };
        var workspace = new WorkspaceOptions().AddTo(command);
        command.SetAction(parse => workspace.Run(parse, console, db =>
        {
            var campaignName = parse.GetValue(name)!.Trim();
            var store = new CampaignStore(db, console.Clock);
            if (store.Exists(campaignName))
            {
                console.Error.WriteLine($"refused: a campaign named '{campaignName}' already exists in the workspace: choose another name (rekindle campaign results {campaignName} shows it)");
                return ExitCodes.Refused;
            }

            var texts = parse.GetValue(segment) ?? [];
            var filters = new List<SegmentFilter>();
            foreach (var text in texts)
            {
                if (!SegmentFilter.TryParse(text, out var filter, out var error))
                {
                    throw new UsageException($"--segment {text}: {error}");
                }

                filters.Add(filter);
            }

            var date = parse.GetValue(asOf) ?? console.Today;
            var effective = parse.GetValue(policy) is { } file ? PolicyFile.Load(file) : new WorkspacePolicies(db, console.Clock).CurrentPolicy().Policy;
            var request = new CampaignRequest
            {
                Name = campaignName,
                LaunchOn = parse.GetValue(launch),
                Segments = filters,
                Plays = parse.GetValue(play) ?? [],
                HoldoutShare = parse.GetValue(holdout),
                Seed = parse.GetValue(seed),
                Currency = parse.GetValue(currency),
            };
            var outcome = new WorkspaceCampaigns(db, console.Clock).Plan(request, texts, effective, date, Environment.UserName);
            if (outcome.Problems.Count > 0)
            {
                foreach (var problem in outcome.Problems)
                {
                    console.Error.WriteLine($"error: {problem}");
                }

                console.Error.WriteLine($"{outcome.Problems.Count} problem(s); nothing was planned.");
                return ExitCodes.BadInput;
            }

            if (outcome.NothingMatched is { } nothing)
            {
                console.Error.WriteLine($"error: {nothing}");
                return ExitCodes.BadInput;
            }

            if (outcome.Refusal is { } refusal)
            {
                console.Error.WriteLine($"refused: {refusal}");
                return ExitCodes.Refused;
            }

            var plan = outcome.Plan!;
            ShowPlan(console, plan);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Export(CliConsole console)
    {
        var name = new Argument<string>("NAME") { Description = "The campaign" };
        var format = CliOptions.Format("csv");
        var list = new Option<string>("--list")
        {
            Description = "mail: email messages (email, first name, last name, company, subject, body, offer code, account id); calls: phone plays with the rep who calls; tasks: owner tasks and letters",
            DefaultValueFactory = _ => CampaignExport.Mail,
        };
        list.AcceptOnlyFromAmong([.. CampaignExport.Lists]);
        var output = CliOptions.Out();
        var command = new Command("export", "Write the treatment group's messages for mail tools, or the call or task list (the control group is never exported)")
        {
            name, format, list, output,
        };
        var workspace = new WorkspaceOptions().AddTo(command);
        command.SetAction(parse => workspace.Run(parse, console, db =>
        {
            var stored = Find(db, console, parse.GetValue(name)!);
            if (stored is null)
            {
                return ExitCodes.BadInput;
            }

            var directory = WorkspaceDirectory.Load(db, withOrderLines: false);
            var selection = CampaignExport.Select(stored.Plan, parse.GetValue(list)!, directory);
            foreach (var w in selection.Withheld)
            {
                console.Error.WriteLine($"withheld: account {w.Member.AccountId} (play {w.Member.Play}): {w.Reason}");
            }

            var target = parse.GetValue(output);
            ClassifyCommand.Emit(console, target, "csv", w => CampaignExport.WriteCsv(selection, directory, stored.Campaign.Currency, w), _ => { }, () => { });
            console.Error.WriteLine($"exported {selection.Members.Count} {selection.List} row(s) of campaign {stored.Campaign.Name}{(target is null ? "" : " to " + target)}; {selection.Withheld.Count} withheld; control group ({stored.Campaign.ControlAccounts}) not exported");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Results(CliConsole console)
    {
        var name = new Argument<string>("NAME") { Description = "The campaign" };
        var asOf = CliOptions.Date("--as-of", "Measure with what is known on this date (default: today)");
        var format = CliOptions.Format("table", "json");
        var output = CliOptions.Out();
        var command = new Command("results", "Treatment against control: accounts, responded, reactivated, revenue, and the uplift with its 95% interval, overall, by segment and by play")
        {
            name, asOf, format, output,
        };
        var workspace = new WorkspaceOptions().AddTo(command);
        command.SetAction(parse => workspace.Run(parse, console, db =>
        {
            var stored = Find(db, console, parse.GetValue(name)!);
            if (stored is null)
            {
                return ExitCodes.BadInput;
            }

            var (results, currency) = new CampaignMeasurer(db, console.Clock).Measure(stored, parse.GetValue(asOf) ?? console.Today);
            new CampaignStore(db, console.Clock).SaveOutcomes(stored.Campaign, results);
            ClassifyCommand.Emit(console, parse.GetValue(output), parse.GetValue(format)!, _ => { }, s => CampaignResultsWriter.WriteJson(results, s),
                () => ShowResults(console, results, currency));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static StoredCampaign? Find(Storage.WorkspaceDb db, CliConsole console, string name)
    {
        var store = new CampaignStore(db, console.Clock);
        var stored = store.Load(name.Trim());
        if (stored is null)
        {
            var known = store.List().Select(c => c.Name).ToList();
            console.Error.WriteLine($"error: no campaign named '{name}' in the workspace ({(known.Count == 0 ? "none planned yet: rekindle campaign plan --name NAME" : "campaigns: " + string.Join(", ", known))})");
        }

        return stored;
    }

    private static void ShowPlan(CliConsole console, CampaignPlan plan)
    {
        var ansi = console.Ansi();
        var treatment = plan.Treatment.Count();
        var control = plan.Control.Count();
        ansi.WriteLine($"Planned campaign {plan.Name} as of {IsoDate.Format(plan.AsOf)}, launch {IsoDate.Format(plan.LaunchOn)}: {N(plan.Members.Count)} accounts, " +
            $"{N(treatment)} treatment, {N(control)} control (holdout {plan.HoldoutShare.ToString(CultureInfo.InvariantCulture)}, seed {plan.Seed}); " +
            $"attribution window {plan.AttributionWindowDays} days; policy {plan.PolicyVersion}");
        var table = new Table().AddColumn("play").AddColumn(new TableColumn("treatment").RightAligned()).AddColumn(new TableColumn("control").RightAligned())
            .AddColumn("lists");
        foreach (var g in plan.Members.GroupBy(m => m.Play, StringComparer.Ordinal).OrderBy(g => g.Min(m => m.Priority)).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            var lists = string.Join(", ", g.Where(m => m.Group == CampaignGroup.Treatment).GroupBy(CampaignExport.ListOf).OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key} {N(l.Count())}"));
            table.AddRow(Markup.Escape(g.Key), N(g.Count(m => m.Group == CampaignGroup.Treatment)), N(g.Count(m => m.Group == CampaignGroup.Control)), lists);
        }

        ansi.Write(table);
        foreach (var reason in plan.Skipped.GroupBy(s => s.Reason, StringComparer.Ordinal))
        {
            ansi.WriteLine($"Skipped {N(reason.Count())} account(s): {reason.Key}");
        }

        ansi.WriteLine($"Next: rekindle campaign export {plan.Name} --format csv --list mail|calls|tasks; rekindle campaign results {plan.Name}");
    }

    private static void ShowResults(CliConsole console, CampaignResults results, string currency)
    {
        var ansi = console.Ansi();
        ansi.WriteLine($"Campaign {results.Name}: launch {IsoDate.Format(results.LaunchOn)}, attribution window to {IsoDate.Format(results.WindowEndsOn)}, as of {IsoDate.Format(results.AsOf)}" +
            (results.WindowClosed ? "" : " (window still open: figures are provisional)"));
        Show(ansi, "Overall", [results.Overall], currency);
        Show(ansi, "By play", results.ByPlay, currency);
        Show(ansi, "By segment", results.BySegment, currency);
        ansi.WriteLine("Uplift: treatment reactivation rate minus control rate, with Newcombe's 95% interval; an interval that covers 0 shows no effect measured.");
    }

    private static void Show(IAnsiConsole ansi, string title, IReadOnlyList<UpliftRow> rows, string currency)
    {
        var table = new Table().Title(title).AddColumn("slice");
        foreach (var column in new[] { "T accts", "T resp", "T react", $"T revenue ({currency})", "C accts", "C resp", "C react", $"C revenue ({currency})", "uplift", "95% interval" })
        {
            table.AddColumn(new TableColumn(column).RightAligned());
        }

        foreach (var r in rows)
        {
            var u = r.ReactivationUplift;
            table.AddRow(Markup.Escape(r.Slice), N(r.Treatment.Accounts), N(r.Treatment.Responded), N(r.Treatment.Reactivated), Money(r.Treatment.Revenue),
                N(r.Control.Accounts), N(r.Control.Responded), N(r.Control.Reactivated), Money(r.Control.Revenue),
                u is { } i ? Points(i.Estimate) : "-", u is { } j ? Markup.Escape($"[{Points(j.Lower)}, {Points(j.Upper)}]") : "-");
        }

        ansi.Write(table);
    }

    private static string Points(double rate) => (rate * 100).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + " pp";

    private static string N(int value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    private static string Money(decimal value) => value.ToString("#,0", CultureInfo.InvariantCulture);
}
