using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Rekindle.App.Workspace;
using Rekindle.Storage;
using Spectre.Console;
using static Rekindle.Cli.Commands.PoolCommand;

namespace Rekindle.Cli.Commands;

/// <summary>
/// <c>rekindle reps add|list|import|deactivate</c>: the workspace's sales reps, without a CSV folder (a CDNOW or Online
/// Retail workspace has none until they are added, and the pool needs reps to claim).
/// </summary>
public static class RepsCommand
{
    public static Command Create(CliConsole console) => new("reps", "Sales reps of the workspace: add, list, import a reps file, deactivate")
    {
        Add(console), List(console), Import(console), IncentivesCommand.Deactivate(console),
    };

    private static Command Add(CliConsole console)
    {
        var id = new Argument<string>("REP_ID") { Description = "The rep's id (e.g. R001)" };
        var name = new Option<string>("--name") { Description = "The rep's name", Required = true };
        var email = new Option<string?>("--email") { Description = "The rep's e-mail" };
        var rate = new Option<decimal>("--commission-rate") { Description = "Commission rate in [0, 1] (default 0)" };
        var inactive = new Option<bool>("--inactive") { Description = "Add the rep as inactive (cannot receive accounts)" };
        var by = new Option<string?>("--by") { Description = "Who adds the rep (default: the user name)" };
        return WithWorkspace(new Command("add", "Add a sales rep (recorded in the audit log)") { id, name, email, rate, inactive, by }, console, (parse, db) =>
        {
            var rep = new Rep
            {
                RepId = parse.GetValue(id)!.Trim(),
                Name = parse.GetValue(name)!.Trim(),
                Email = parse.GetValue(email)?.Trim() ?? "",
                CommissionRate = parse.GetValue(rate),
                Active = !parse.GetValue(inactive),
            };
            if (new WorkspaceReps(db, console.Clock).Add(rep, parse.GetValue(by) ?? Environment.UserName) is { } refusal)
            {
                console.Error.WriteLine($"refused: {refusal}{(refusal.IdTaken ? " (rekindle reps list)" : "")}");
                return ExitCodes.Refused;
            }

            console.Out.WriteLine($"added rep {rep.RepId} ({rep.Name}){(rep.Active ? "" : ", inactive")}");
            return ExitCodes.Ok;
        });
    }

    private static Command List(CliConsole console)
    {
        var format = CliOptions.Format("table", "csv", "json");
        return WithWorkspace(new Command("list", "Every rep: id, name, e-mail, commission rate, active") { format }, console, (parse, db) =>
        {
            var reps = new WorkspaceReps(db, console.Clock).List();
            switch (parse.GetValue(format))
            {
                case "csv":
                    console.Out.WriteLine("rep_id,name,email,commission_rate,active");
                    foreach (var r in reps)
                    {
                        console.Out.WriteLine(string.Join(',', new[] { r.RepId, r.Name, r.Email, Rate(r.CommissionRate), r.Active ? "true" : "false" }.Select(PoolViews.Csv)));
                    }

                    break;
                case "json":
                    console.Out.WriteLine(JsonSerializer.Serialize(reps.Select(r => new { rep_id = r.RepId, name = r.Name, email = r.Email, commission_rate = r.CommissionRate, active = r.Active }), PoolViews.Json));
                    break;
                default:
                    if (reps.Count == 0)
                    {
                        console.Out.WriteLine("no rep yet: rekindle reps add REP_ID --name NAME (or rekindle reps import reps.csv)");
                        break;
                    }

                    var table = new Table().AddColumns("rep", "name", "e-mail").AddColumn(new TableColumn("commission").RightAligned()).AddColumn("active");
                    foreach (var r in reps)
                    {
                        table.AddRow(Markup.Escape(r.RepId), Markup.Escape(r.Name), Markup.Escape(r.Email), Rate(r.CommissionRate), r.Active ? "yes" : "no");
                    }

                    console.Ansi().Write(table);
                    break;
            }

            return ExitCodes.Ok;
        });
    }

    private static Command Import(CliConsole console)
    {
        var file = new Argument<string>("FILE") { Description = "A CSV file with the reps.csv columns: rep_id, name, email, commission_rate, active" };
        return WithWorkspace(new Command("import", "Add or update reps from a CSV file (reps.csv columns; one transaction, bad rows exit 2)") { file }, console, (parse, db) =>
        {
            var report = new WorkspaceImporter(db, console.Clock).Import(ImportFormat.Reps, parse.GetValue(file)!, new ImportOptions { Actor = Environment.UserName });
            console.Out.WriteLine($"reps: {report.Inserted} new, {report.Updated} changed, {report.Unchanged} unchanged");
            return ExitCodes.Ok;
        });
    }

    private static string Rate(decimal rate) => rate.ToString("0.####", CultureInfo.InvariantCulture);
}
