using System.CommandLine;
using System.Globalization;
using Rekindle.App.Policies;
using Rekindle.App.Workspace;
using Rekindle.Lifecycle;
using Rekindle.Storage;
using Spectre.Console;

namespace Rekindle.Cli.Commands;

/// <summary><c>rekindle account ID [--as-of D]</c>: one account of the workspace: status and reasons, history, timeline, contacts, owners.</summary>
public static class AccountCommand
{
    public static Command Create(CliConsole console)
    {
        var id = new Argument<string>("ACCOUNT_ID") { Description = "The account's id" };
        var asOf = CliOptions.Date("--as-of", "Status as of this date (default: today)");
        var policy = CliOptions.PolicyFile();
        var limit = new Option<int>("--events") { Description = "Timeline events to show (latest first)", DefaultValueFactory = _ => 30 };
        var command = new Command("account", "Show one account: status and reasons, status history, timeline, contacts, owners") { id, asOf, policy, limit };
        var workspace = new WorkspaceOptions().AddTo(command);
        command.SetAction(parse => workspace.Run(parse, console, db =>
        {
            var effective = parse.GetValue(policy) is { } file ? PolicyFile.Load(file) : new WorkspacePolicies(db, console.Clock).CurrentPolicy().Policy;
            var accountId = parse.GetValue(id)!;
            var details = new AccountView(db).Load(accountId, parse.GetValue(asOf) ?? console.Today, effective, Math.Max(1, parse.GetValue(limit)));
            if (details is null)
            {
                console.Error.WriteLine($"error: no account {accountId} in the workspace");
                return ExitCodes.BadInput;
            }

            Show(console, details);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static void Show(CliConsole console, AccountDetails d)
    {
        var ansi = console.Ansi();
        var a = d.Account;
        var c = d.Classification;
        var about = Words.Join("; ", Words.Join(", ", a.Industry, a.Region), $"created {Iso(a.CreatedOn)}", a.OwnerRepId is { Length: > 0 } owner ? $"owner {owner}" : null);
        ansi.MarkupLine($"[bold]{Markup.Escape(Words.Join(" ", a.AccountId, a.Name))}[/]  {Markup.Escape(about)}");
        var status = c.Exists ? c.Status.Code() + (c.Key ? ", key account" : "") : "not yet created";
        ansi.MarkupLine($"As of {Iso(d.AsOf)}: [bold]{Markup.Escape(status)}[/] (policy {d.PolicyVersion})");
        ansi.WriteLine("  " + d.Reasons);

        ansi.Write(new Rule("Status history (saved snapshots)").LeftJustified());
        if (d.History.Count == 0)
        {
            ansi.WriteLine("no saved snapshot yet (rekindle classify --save)");
        }

        foreach (var h in d.History)
        {
            var change = d.Transitions.FirstOrDefault(t => t.ToDate == h.AsOf);
            var arrow = change is null ? "" : $"  ({(change.Before is { } b ? b.Code() : "new")} -> {change.After.Code()} since {Iso(change.FromDate!.Value)})";
            ansi.WriteLine($"{Iso(h.AsOf)}  {h.Status.Code()}{(h.Key ? " (key)" : "")}  policy {h.PolicyVersionId}{arrow}");
        }

        ansi.Write(new Rule($"Timeline ({d.Timeline.Count} of {d.TimelineTotal} events up to {Iso(d.AsOf)}, latest first; amounts as ordered)").LeftJustified());
        foreach (var t in d.Timeline)
        {
            ansi.WriteLine($"{Iso(t.Date)}  {t.Kind,-11}  {t.Text}{(t.Counts ? "" : "  (does not count: not in engagementKinds)")}");
        }

        ansi.Write(new Rule("Contacts").LeftJustified());
        if (d.Contacts.Count == 0)
        {
            ansi.WriteLine("no contact on record");
        }

        foreach (var p in d.Contacts)
        {
            var optOut = new[] { p.OptOutEmail ? "email" : null, p.OptOutPhone ? "phone" : null, p.OptOutSocial ? "social" : null, p.OptOutPostal ? "postal" : null }.OfType<string>().ToList();
            ansi.WriteLine(Words.Contact(p.Name, p.Role, [p.Email, p.Phone, p.Social, p.PostalAddress]) + (optOut.Count > 0 ? $"; opted out of {string.Join(", ", optOut)}" : ""));
        }

        ansi.Write(new Rule("Owners").LeftJustified());
        if (d.Owners.Count == 0)
        {
            ansi.WriteLine("no owner on record");
        }

        foreach (var o in d.Owners)
        {
            ansi.WriteLine($"{Iso(o.FromDate)} to {(o.ToDate is { } to ? Iso(to) : "now")}  {o.RepId}  ({o.Reason})");
        }
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
