using System.CommandLine;
using Rekindle.Cli;
using Rekindle.Cli.Commands;
using Cronos;
using Rekindle.Web;
using Rekindle.Web.Hosting;

namespace Rekindle.Host;

/// <summary>
/// <c>rekindle serve [--urls URL] [--demo] [--schedule CRON]</c>: the web app (API, dashboard, nightly jobs) on the
/// workspace. With --demo an empty workspace is first filled with a generated company and three demo users.
/// </summary>
public static class ServeCommand
{
    public static Command Create(CliConsole console)
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen", DefaultValueFactory = _ => ServerSettings.DefaultUrls };
        var demo = new Option<bool>("--demo") { Description = "Fill an empty workspace with a generated company and demo users first" };
        var schedule = new Option<string>("--schedule") { Description = "Cron expression (UTC) of the nightly snapshot and pool sweep", DefaultValueFactory = _ => ServerSettings.DefaultSchedule };
        var workspace = new WorkspaceOptions();
        var command = new Command("serve", "Run the web app: JSON API (/api, /openapi/v1.json, /scalar) and the dashboard") { urls, demo, schedule };
        workspace.AddTo(command);
        command.SetAction(parse =>
        {
            var cron = parse.GetValue(schedule)!;
            try
            {
                _ = CronExpression.Parse(cron);
            }
            catch (CronFormatException e)
            {
                throw new UsageException($"--schedule '{cron}' is not a cron expression: {e.Message}");
            }

            var location = workspace.Location(parse);
            if (parse.GetValue(demo))
            {
                var fill = DemoWorkspace.Fill(location, console.Clock, console.Today);
                console.Error.WriteLine($"demo: {fill.Note}");
                foreach (var user in fill.Users)
                {
                    console.Error.WriteLine($"demo user: {user.Email,-24} role {user.Role,-8}{(user.RepId is null ? "" : $" (rep {user.RepId})"),-14} password {user.Password}");
                }

                if (fill.Users.Count > 0)
                {
                    console.Error.WriteLine("These passwords are shown once; add more users with: rekindle users add --email E --role manager|rep|analyst");
                }
            }

            var app = RekindleServer.Build(new ServerSettings { Workspace = location, Urls = parse.GetValue(urls)!, Schedule = cron }, console.Clock);
            console.Error.WriteLine($"Rekindle on {location.Display}: open {parse.GetValue(urls)} (API reference at /scalar). Ctrl+C stops.");
            app.Run();
            return ExitCodes.Ok;
        });
        return command;
    }
}
