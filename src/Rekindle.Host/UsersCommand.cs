using System.CommandLine;
using Rekindle.Cli;
using Rekindle.Cli.Commands;
using Rekindle.Web.Auth;

namespace Rekindle.Host;

/// <summary>
/// <c>rekindle users add --email E --role R [--rep REP_ID] [--name NAME]</c>, <c>rekindle users list</c>, and
/// <c>rekindle users disable|enable|reset-password --email E</c>. A password is read from REKINDLE_PASSWORD or standard
/// input, or generated and shown once; it is stored hashed. Disabling a user and resetting a password end their sessions.
/// </summary>
public static class UsersCommand
{
    public const string PasswordVariable = "REKINDLE_PASSWORD";

    public static Command Create(CliConsole console)
    {
        var users = new Command("users", "Who may sign in to the web app");
        users.Add(Add(console));
        users.Add(List(console));
        users.Add(Change(console, "disable", "Disable a user: they cannot sign in, their sessions end and their API tokens stop working",
            (accounts, email) => accounts.Disable(email, "rekindle"), u => $"disabled {u.Email}; their sessions are ended"));
        users.Add(Change(console, "enable", "Let a disabled user sign in again",
            (accounts, email) => accounts.Enable(email, "rekindle"), u => $"enabled {u.Email}"));
        users.Add(ResetPassword(console));
        return users;
    }

    private static Command Add(CliConsole console)
    {
        var email = new Option<string>("--email") { Description = "Their email, used to sign in", Required = true };
        var role = new Option<string>("--role") { Description = "manager, rep or analyst", Required = true };
        var rep = new Option<string?>("--rep") { Description = "For a rep: their rep id in the workspace" };
        var name = new Option<string?>("--name") { Description = "Display name" };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the password from standard input" };
        var workspace = new WorkspaceOptions();
        var command = new Command("add", $"Add a user (password from ${PasswordVariable}, --password-stdin, or generated and shown once)") { email, role, rep, name, passwordStdin };
        workspace.AddTo(command);
        command.SetAction(parse => workspace.Run(parse, console, db =>
        {
            var generated = false;
            var password = parse.GetValue(passwordStdin) ? Console.In.ReadLine()?.TrimEnd('\r', '\n') : Environment.GetEnvironmentVariable(PasswordVariable);
            if (string.IsNullOrEmpty(password))
            {
                password = UserAccounts.NewPassword();
                generated = true;
            }

            try
            {
                var user = new UserAccounts(db, console.Clock).Add(parse.GetValue(email)!, parse.GetValue(role)!, password, parse.GetValue(rep), parse.GetValue(name));
                console.Out.WriteLine($"added {user.Email} as {user.Role}{(user.RepId is null ? "" : $" (rep {user.RepId})")}");
                if (generated)
                {
                    console.Out.WriteLine($"password: {password}   (shown once; it is stored hashed)");
                }

                return ExitCodes.Ok;
            }
            catch (UserRefusedException e)
            {
                console.Error.WriteLine($"refused: {e.Message}");
                return ExitCodes.BadInput;
            }
        }));
        return command;
    }

    private static Command Change(CliConsole console, string name, string description, Func<UserAccounts, string, Storage.WebUser> change, Func<Storage.WebUser, string> done)
    {
        var email = new Option<string>("--email") { Description = "The user's email", Required = true };
        var workspace = new WorkspaceOptions();
        var command = new Command(name, description) { email };
        workspace.AddTo(command);
        command.SetAction(parse => workspace.Run(parse, console, db => Refusable(console, () =>
            console.Out.WriteLine(done(change(new UserAccounts(db, console.Clock), parse.GetValue(email)!))))));
        return command;
    }

    private static Command ResetPassword(CliConsole console)
    {
        var email = new Option<string>("--email") { Description = "The user's email", Required = true };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the password from standard input" };
        var workspace = new WorkspaceOptions();
        var command = new Command("reset-password", $"Set a user's password (from ${PasswordVariable}, --password-stdin, or generated and shown once) and end their sessions") { email, passwordStdin };
        workspace.AddTo(command);
        command.SetAction(parse => workspace.Run(parse, console, db => Refusable(console, () =>
        {
            var password = parse.GetValue(passwordStdin) ? Console.In.ReadLine()?.TrimEnd('\r', '\n') : Environment.GetEnvironmentVariable(PasswordVariable);
            var generated = string.IsNullOrEmpty(password);
            password = generated ? UserAccounts.NewPassword() : password!;
            var user = new UserAccounts(db, console.Clock).ResetPassword(parse.GetValue(email)!, password, "rekindle");
            console.Out.WriteLine($"new password set for {user.Email}; their sessions are ended");
            if (generated)
            {
                console.Out.WriteLine($"password: {password}   (shown once; it is stored hashed)");
            }
        })));
        return command;
    }

    private static int Refusable(CliConsole console, Action run)
    {
        try
        {
            run();
            return ExitCodes.Ok;
        }
        catch (UserRefusedException e)
        {
            console.Error.WriteLine($"refused: {e.Message}");
            return ExitCodes.BadInput;
        }
    }

    private static Command List(CliConsole console)
    {
        var workspace = new WorkspaceOptions();
        var command = new Command("list", "The users: email, role, rep");
        workspace.AddTo(command);
        command.SetAction(parse => workspace.Run(parse, console, db =>
        {
            foreach (var user in new UserAccounts(db, console.Clock).List())
            {
                console.Out.WriteLine($"{user.Email}\t{user.Role}\t{user.RepId ?? "-"}{(user.Disabled ? "\tdisabled" : "")}");
            }

            return ExitCodes.Ok;
        }));
        return command;
    }
}
