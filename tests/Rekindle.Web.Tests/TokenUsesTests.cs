using System.Diagnostics;
using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Rekindle.Web.Auth;

namespace Rekindle.Web.Tests;

/// <summary>A token request never writes: its last use is noted in memory and written later in a batch.</summary>
[Collection(WebCollection.Name)]
public sealed class TokenUsesTests(WebServer server)
{
    [Fact]
    public async Task Token_requests_are_served_while_another_connection_holds_the_write_lock()
    {
        using var writer = new SqliteConnection(server.Location.ConnectionString);
        writer.Open();
        using (var begin = writer.CreateCommand())
        {
            // As an import does: a write transaction held open (SQLite allows one writer at a time).
            begin.CommandText = "BEGIN IMMEDIATE; UPDATE web_users SET display_name = display_name;";
            begin.ExecuteNonQuery();
        }

        try
        {
            using var client = server.WithToken(Roles.Analyst);
            client.Timeout = TimeSpan.FromSeconds(20);
            var watch = Stopwatch.StartNew();
            foreach (var path in new[] { "/api/me", "/api/accounts?pageSize=5", "/api/pool" })
            {
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
            }

            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"three reads took {watch.Elapsed}");
        }
        finally
        {
            using var rollback = writer.CreateCommand();
            rollback.CommandText = "ROLLBACK;";
            rollback.ExecuteNonQuery();
        }
    }

    [Fact]
    public async Task Last_use_is_written_by_the_batch_not_by_the_request()
    {
        using var client = server.WithToken(Roles.Rep);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);
        var uses = server.Services.GetRequiredService<TokenUses>();
        using var db = server.Location.Open();
        uses.Flush(db);
        var written = db.ApiTokens.AsNoTracking().Where(t => t.UserId == db.WebUsers.Single(u => u.Email == server.Users[Roles.Rep].Email).Id && t.Name == "tests").Single().LastUsedUtc;
        Assert.Equal(server.Clock.GetUtcNow().UtcDateTime, written!.Value, TimeSpan.FromMinutes(2));
    }

    [Fact]
    public void A_token_is_noted_at_most_once_a_minute()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 30, 9, 0, 0, TimeSpan.Zero));
        var uses = new TokenUses(clock);
        uses.Seen(1);
        uses.Seen(2);
        Assert.Equal(2, uses.Pending);
        using var db = server.Location.Open();
        Assert.Equal(2, uses.Flush(db));
        uses.Seen(1);
        clock.Advance(TokenUses.Interval - TimeSpan.FromTicks(1));
        uses.Seen(1);
        Assert.Equal(0, uses.Pending);
        clock.Advance(TimeSpan.FromTicks(1));
        uses.Seen(1);
        Assert.Equal(1, uses.Pending);
        Assert.Equal(1, uses.Flush(db));
        Assert.Equal(0, uses.Pending);
    }
}
