using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Rekindle.App.Policies;
using Rekindle.App.Workspace;
using Spectre.Console;

namespace Rekindle.Cli.Commands;

/// <summary><c>rekindle policy set|log</c>: the workspace's policy versions: who changed what, when and why.</summary>
public static class PolicyVersionCommands
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Set(CliConsole console)
    {
        var file = new Argument<string>("FILE") { Description = "The policy JSON document (rekindle policy init writes one)" };
        var reason = new Option<string?>("--reason") { Description = "Why the policy changes (required)" };
        var by = new Option<string?>("--by") { Description = "Who changes it (default: the user name)" };
        var command = new Command("set", "Store a new version of the workspace's policy, with who, when, why and what changed") { file, reason, by };
        var workspace = new WorkspaceOptions().AddTo(command);
        command.SetAction(parse =>
        {
            var why = parse.GetValue(reason);
            if (string.IsNullOrWhiteSpace(why))
            {
                throw new UsageException("--reason TEXT is required: every policy change says why");
            }

            var policy = PolicyFile.Load(parse.GetValue(file));
            return workspace.Run(parse, console, db =>
            {
                var result = new WorkspacePolicies(db, console.Clock).Set(policy, why, parse.GetValue(by) ?? Environment.UserName);
                var v = result.Version;
                if (!result.Stored)
                {
                    console.Out.WriteLine($"policy unchanged: it is already version {v.Number} ({v.VersionId}); nothing stored");
                    return ExitCodes.Ok;
                }

                console.Out.WriteLine($"stored policy version {v.Number} ({v.VersionId}) by {v.SetBy}: {v.Reason}");
                foreach (var line in v.Changes.Split('\n'))
                {
                    console.Out.WriteLine("  " + line);
                }

                return ExitCodes.Ok;
            });
        });
        return command;
    }

    public static Command Log(CliConsole console)
    {
        var format = CliOptions.Format("table", "json");
        var command = new Command("log", "List the workspace's policy versions, newest first") { format };
        var workspace = new WorkspaceOptions().AddTo(command);
        command.SetAction(parse => workspace.Run(parse, console, db =>
        {
            var versions = new WorkspacePolicies(db, console.Clock).Log();
            if (parse.GetValue(format) == "json")
            {
                var rows = versions.Select(v => new { number = v.Number, version = v.VersionId, setAtUtc = v.SetAtUtc, setBy = v.SetBy, reason = v.Reason, changes = v.Changes.Split('\n') });
                console.Out.WriteLine(JsonSerializer.Serialize(rows, Indented));
                return ExitCodes.Ok;
            }

            if (versions.Count == 0)
            {
                console.Out.WriteLine("no policy version stored: the workspace uses the built-in defaults (rekindle policy set FILE --reason TEXT)");
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumns("#", "version", "set at (UTC)", "by", "reason", "changes");
            foreach (var v in versions)
            {
                table.AddRow(
                    v.Number.ToString(CultureInfo.InvariantCulture), v.VersionId, v.SetAtUtc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                    Markup.Escape(v.SetBy), Markup.Escape(v.Reason), Markup.Escape(v.Changes));
            }

            console.Ansi().Write(table);
            return ExitCodes.Ok;
        }));
        return command;
    }
}
