using System.CommandLine;
using System.Globalization;
using Rekindle.App.Csv;
using Rekindle.App.Workspace;

namespace Rekindle.Cli.Commands;

/// <summary><c>rekindle snapshots list|delete</c>: the workspace's saved classifications; a manager may delete one (audited).</summary>
public static class SnapshotsCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("snapshots", "Saved classification snapshots (classify --save): list them, or delete one");
        command.Add(List(console));
        command.Add(Delete(console));
        return command;
    }

    private static Command List(CliConsole console)
    {
        var command = new Command("list", "Every saved snapshot, newest first: date, policy version, accounts, who saved it");
        var workspace = new WorkspaceOptions().AddTo(command);
        command.SetAction(parse => workspace.Run(parse, console, db =>
        {
            var snapshots = new Snapshots(db, console.Clock).List();
            if (snapshots.Count == 0)
            {
                console.Out.WriteLine("no snapshot saved yet (rekindle classify --save)");
            }

            foreach (var s in snapshots)
            {
                console.Out.WriteLine($"{IsoDate.Format(s.AsOf)}  policy {s.PolicyVersionId}  {s.Accounts.ToString("#,0", CultureInfo.InvariantCulture)} accounts  saved by {s.SavedBy} at {s.SavedAtUtc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC");
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Delete(CliConsole console)
    {
        var date = new Argument<string>("DATE") { Description = "The snapshot's as-of date (yyyy-MM-dd)" };
        var reason = new Option<string?>("--reason") { Description = "Why it is deleted (required; goes to the audit log)" };
        var by = new Option<string?>("--by") { Description = "Who deletes it (default: the user name)" };
        var command = new Command("delete", "Delete the snapshot of a date (e.g. one saved by mistake), with its rows and transitions; the audit log records it") { date, reason, by };
        var workspace = new WorkspaceOptions().AddTo(command);
        command.SetAction(parse =>
        {
            var text = parse.GetValue(date)!;
            if (!IsoDate.TryParse(text, out var asOf))
            {
                throw new UsageException($"DATE {text} is not a valid date: use yyyy-MM-dd (a real calendar day)");
            }

            var why = parse.GetValue(reason);
            if (string.IsNullOrWhiteSpace(why))
            {
                throw new UsageException("--reason TEXT is required: a deleted snapshot says why in the audit log");
            }

            return workspace.Run(parse, console, db =>
            {
                if (new Snapshots(db, console.Clock).Delete(asOf, parse.GetValue(by) ?? Environment.UserName, why.Trim()) is { } refusal)
                {
                    console.Error.WriteLine($"refused: {refusal}");
                    return ExitCodes.Refused;
                }

                console.Out.WriteLine($"deleted the snapshot as of {IsoDate.Format(asOf)} (recorded in the audit log)");
                return ExitCodes.Ok;
            });
        });
        return command;
    }
}
