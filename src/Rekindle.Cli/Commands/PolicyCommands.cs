using System.CommandLine;
using Rekindle.App.Policies;
using Rekindle.App.Reports;
using Rekindle.App.Workspace;
using Rekindle.Storage;
using Rekindle.Policies;
using Spectre.Console;

namespace Rekindle.Cli.Commands;

/// <summary><c>rekindle policy init|show</c>: the team's one policy document.</summary>
public static class PolicyCommands
{
    public static Command Create(CliConsole console)
    {
        var policy = new Command("policy", "The team's dormancy policy: one versioned document for everyone");

        var outOption = CliOptions.Out();
        var init = new Command("init", "Write the default policy (every parameter with its default)") { outOption };
        init.SetAction(parse =>
        {
            var json = PolicyJson.Write(Policy.Default);
            if (parse.GetValue(outOption) is { } path)
            {
                OutputFile.Write(path, w => w.Write(json));
                console.Error.WriteLine($"wrote {path} (policy version {PolicyJson.VersionId(Policy.Default)})");
            }
            else
            {
                console.Out.Write(json);
            }

            return ExitCodes.Ok;
        });

        var policyOption = CliOptions.PolicyFile();
        var format = CliOptions.Format("table", "json");
        var show = new Command("show", "Print the effective policy (--policy FILE, else the workspace's current version, else the defaults) and its version id") { policyOption, format };
        var workspace = new WorkspaceOptions().AddTo(show);
        show.SetAction(parse =>
        {
            var (effective, source) = Effective(parse.GetValue(policyOption), workspace.Location(parse), console.Clock);
            console.Error.WriteLine($"policy: {source}");
            if (parse.GetValue(format) == "json")
            {
                console.Out.Write(PolicyJson.Write(effective));
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumns("parameter", "value", "default", "meaning");
            foreach (var p in PolicyParameters.All)
            {
                var value = p.Display(effective);
                var @default = p.Display(Policy.Default);
                table.AddRow(Markup.Escape(p.Key), value == @default ? Markup.Escape(value) : $"[bold]{Markup.Escape(value)}[/]", Markup.Escape(@default), Markup.Escape(p.Meaning));
            }

            var ansi = console.Ansi();
            ansi.Write(table);
            ansi.WriteLine($"policy version {PolicyJson.VersionId(effective)}");
            return ExitCodes.Ok;
        });

        policy.Add(init);
        policy.Add(show);
        policy.Add(PolicyVersionCommands.Set(console));
        policy.Add(PolicyVersionCommands.Log(console));
        return policy;
    }

    /// <summary>
    /// The policy in force: the file when one is given; otherwise the workspace's current stored version, or the
    /// built-in defaults when the workspace has none. A SQLite workspace that does not exist yet is not created.
    /// </summary>
    private static (Policy Policy, string Source) Effective(string? file, WorkspaceLocation location, TimeProvider clock)
    {
        if (file is not null)
        {
            return (PolicyFile.Load(file), $"the file {file}");
        }

        if (location.Provider == WorkspaceProvider.Sqlite && !File.Exists(location.Display))
        {
            return (Policy.Default, $"the built-in defaults (no workspace at {location.Display})");
        }

        using var db = location.Open();
        var policies = new WorkspacePolicies(db, clock);
        return policies.Current() is { } current
            ? (WorkspacePolicies.Parse(current), $"version {current.Number} of the workspace {location.Display}, set by {current.SetBy} on {current.SetAtUtc:yyyy-MM-dd}: {current.Reason}")
            : (Policy.Default, $"the built-in defaults (the workspace {location.Display} stores no version yet)");
    }
}
