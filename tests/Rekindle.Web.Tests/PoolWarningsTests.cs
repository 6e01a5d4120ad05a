using Rekindle.App.Pool;
using Rekindle.Web.Auth;

namespace Rekindle.Web.Tests;

/// <summary>A rep's home page warns them of their accounts going to the pool soon, with the countdown and why.</summary>
[Collection(WebCollection.Name)]
public sealed class PoolWarningsTests(WebServer server)
{
    [Fact]
    public async Task Home_ForARep_ListsTheirUpcomingReleasesWithTheDaysLeft()
    {
        IReadOnlyList<Rekindle.Pool.ReleaseWarning> expected;
        using (var db = server.Location.Open())
        {
            expected = new PoolSweeper(db, server.Clock).Upcoming(WebServer.Today, server.RepId);
        }

        using var rep = await server.SignedIn(Roles.Rep);
        var home = await rep.GetStringAsync("/");

        Assert.Contains("data-testid=\"pool-warnings\"", home, StringComparison.Ordinal);
        Assert.Equal(expected.Count, home.Split("data-testid=\"pool-warning\"").Length - 1);
        foreach (var w in expected)
        {
            Assert.Contains($"data-account=\"{w.AccountId}\"", home, StringComparison.Ordinal);
            Assert.Contains($"<td class=\"num\" data-testid=\"days-left\">{w.DaysLeft}</td>", home, StringComparison.Ordinal);
        }

        if (expected.Count == 0)
        {
            Assert.Contains("None of your accounts is due for the pool", home, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(Roles.Manager)]
    [InlineData(Roles.Analyst)]
    public async Task Home_ForOtherRoles_HasNoPoolWarnings(string role)
    {
        using var client = await server.SignedIn(role);
        Assert.DoesNotContain("data-testid=\"pool-warnings\"", await client.GetStringAsync("/"), StringComparison.Ordinal);
    }
}
