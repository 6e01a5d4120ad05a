using Microsoft.Extensions.Time.Testing;
using Rekindle.Host;
using Rekindle.Storage;
using Rekindle.Web.Auth;

namespace Rekindle.Cli.Tests;

/// <summary><c>rekindle users disable|enable|reset-password</c>: each ends the user's sessions (a new security stamp).</summary>
public class UsersCommandTests
{
    [Fact]
    public void Disable_enable_and_reset_password_change_the_user_and_their_stamp()
    {
        using var folder = new TempFolder();
        var db = folder.File("rekindle.db");
        Environment.SetEnvironmentVariable(UsersCommand.PasswordVariable, null);
        var added = Cli.Run("users", "add", "--email", "Ann@Example.com", "--role", "manager", "--db", db);
        Assert.Equal(0, added.ExitCode);
        var password = added.Out.Split("password: ")[1].Split(' ')[0];
        var location = WorkspaceLocation.Sqlite(db);
        var stamp = Stamp(location);

        var disabled = Cli.Run("users", "disable", "--email", "ann@example.com", "--db", db);
        Assert.Equal((0, "disabled ann@example.com; their sessions are ended"), (disabled.ExitCode, disabled.Out.Trim()));
        Assert.NotEqual(stamp, Stamp(location));
        Assert.Null(Verify(location, password));
        Assert.Contains("\tdisabled", Cli.Run("users", "list", "--db", db).Out, StringComparison.Ordinal);

        Assert.Equal(0, Cli.Run("users", "enable", "--email", "ann@example.com", "--db", db).ExitCode);
        Assert.NotNull(Verify(location, password));

        stamp = Stamp(location);
        var reset = Cli.Run("users", "reset-password", "--email", "ann@example.com", "--db", db);
        Assert.Equal(0, reset.ExitCode);
        var fresh = reset.Out.Split("password: ")[1].Split(' ')[0];
        Assert.NotEqual(stamp, Stamp(location));
        Assert.Null(Verify(location, password));
        Assert.NotNull(Verify(location, fresh));
    }

    [Theory]
    [InlineData("disable")]
    [InlineData("enable")]
    [InlineData("reset-password")]
    public void Unknown_email_is_refused_with_exit_code_2(string verb)
    {
        using var folder = new TempFolder();
        var result = Cli.Run("users", verb, "--email", "nobody@example.com", "--db", folder.File("rekindle.db"));
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("refused: no user with email nobody@example.com", result.Error.Trim());
    }

    private static string Stamp(WorkspaceLocation location)
    {
        using var db = location.Open();
        return db.WebUsers.Single().SecurityStamp;
    }

    private static WebUser? Verify(WorkspaceLocation location, string password)
    {
        using var db = location.Open();
        return new UserAccounts(db, new FakeTimeProvider(Cli.Today)).Verify("ann@example.com", password);
    }
}
