using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Rekindle.App.Pool;
using Rekindle.Storage;
using Rekindle.Web;
using Rekindle.Web.Auth;
using Rekindle.Web.Hosting;

namespace Rekindle.Bench.Load;

/// <summary>
/// <c>dotnet run -c Release --project bench/Rekindle.Bench -- load --accounts 100000 --provider sqlite|postgres</c>:
/// the real server (Kestrel on a free loopback port, scheduler off) on a workspace of that many accounts, driven by
/// concurrent clients: (a) the account list with varied filters, sorts and pages, as the manager and as reps;
/// (b) claims of distinct pool accounts by the reps over the API. Prints p50/p95/p99 latency, throughput and errors per scenario.
/// Every loop is bounded by a count; traffic goes to 127.0.0.1 only.
/// </summary>
internal static class LoadBench
{
    private static readonly string[] Statuses = ["new", "active", "occasional", "passive", "inactive", "dormant"];
    private static readonly string[] Sorts = ["revenue", "name", "days", "status"];

    public static async Task<int> Run(string[] args)
    {
        var options = LoadOptions.Parse(args);
        var clock = new FixedClock(new DateTimeOffset(options.AsOf.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));
        var location = LoadWorkspace.Locate(options);
        var machine = $"{Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30)} GiB";
        Console.WriteLine($"load: {options.Accounts:N0} accounts on {location.Display}; {machine}; load average {LoadAverage()}");
        LoadWorkspace.Prepare(location, options, clock, (what, took, note) => Console.WriteLine($"  {what,-12} {took.TotalSeconds,8:0.0} s  {note}"));
        if (options.PrepareOnly)
        {
            return 0;
        }

        var users = LoadWorkspace.Users(location, clock);
        await using var app = RekindleServer.Build(new ServerSettings { Workspace = location, Urls = "http://127.0.0.1:0", RunScheduler = false }, clock,
            b => b.Logging.SetMinimumLevel(LogLevel.Warning));
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Clients * 2 }) { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };

        var rows = new List<string>();
        var list = await AccountList(http, users, options);
        rows.Add(Report(list, options, machine));
        var claims = await Claims(http, location, users, options);
        rows.Add(Report(claims, options, machine));

        await app.StopAsync();
        if (options.Out is { } file)
        {
            File.AppendAllLines(file, rows);
        }

        return list.Errors + claims.Errors == 0 ? 0 : 1;
    }

    /// <summary>GET /api/accounts with a random filter, sort and page; a third of the calls as the manager, the rest as reps.</summary>
    private static async Task<Latencies> AccountList(HttpClient http, List<LoadUser> users, LoadOptions options)
    {
        var manager = users.First(u => u.Role == Roles.Manager);
        var reps = users.Where(u => u.Role == Roles.Rep).ToList();
        async Task<string> Call(Random random)
        {
            var user = random.Next(3) == 0 ? manager : reps[random.Next(reps.Count)];
            var query = new List<string> { $"sort={Sorts[random.Next(Sorts.Length)]}", $"desc={(random.Next(2) == 0 ? "true" : "false")}", $"page={1 + random.Next(5)}" };
            if (random.Next(2) == 0)
            {
                query.Add($"status={Statuses[random.Next(Statuses.Length)]}");
            }

            if (random.Next(4) == 0)
            {
                query.Add($"key={(random.Next(2) == 0 ? "true" : "false")}");
            }

            if (user == manager && random.Next(3) == 0)
            {
                query.Add($"owner={reps[random.Next(reps.Count)].RepId}");
            }

            if (random.Next(5) == 0)
            {
                query.Add($"q={random.Next(10, 99)}");
            }

            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/accounts?" + string.Join('&', query));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", user.Token);
            using var response = await http.SendAsync(request);
            await response.Content.ReadAsByteArrayAsync();
            return response.IsSuccessStatusCode ? "ok" : $"error: {(int)response.StatusCode}";
        }

        // Warm-up (JIT, EF's compiled queries, connection pools): not measured.
        var warm = new Random(1);
        for (var i = 0; i < 20; i++)
        {
            await Call(warm);
        }

        var measured = new Latencies("account list (GET /api/accounts, varied filters/sorts/pages)");
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(c => Task.Run(async () =>
        {
            var random = new Random(1000 + c);
            while (Interlocked.Increment(ref next) < options.Requests)
            {
                await measured.Measure(() => Call(random));
            }
        })));
        measured.Wall = clock.Elapsed;
        return measured;
    }

    /// <summary>
    /// POST /api/pool/{id}/claim of distinct pool accounts, each by a rep with that rep's token, the reps in turn (never
    /// the rep who last owned the account, whom the cooldown refuses). A 409 (a rule refused) is an outcome, not an error.
    /// </summary>
    private static async Task<Latencies> Claims(HttpClient http, WorkspaceLocation location, List<LoadUser> users, LoadOptions options)
    {
        var reps = users.Where(u => u.Role == Roles.Rep).ToList();
        var pooled = LoadWorkspace.Pooled(location).Take(options.Claims).ToList();
        var measured = new Latencies("claim (POST /api/pool/{id}/claim, distinct pool accounts, reps in turn)");
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < pooled.Count)
            {
                var (account, previous) = pooled[i];
                var rep = reps[i % reps.Count].RepId == previous ? reps[(i + 1) % reps.Count] : reps[i % reps.Count];
                await measured.Measure(async () =>
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/pool/{Uri.EscapeDataString(account)}/claim")
                    {
                        Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json"),
                    };
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", rep.Token);
                    using var response = await http.SendAsync(request);
                    await response.Content.ReadAsByteArrayAsync();
                    return (int)response.StatusCode switch
                    {
                        200 => "granted",
                        409 => "refused",
                        var code => $"error: {code}",
                    };
                });
            }
        })));
        measured.Wall = clock.Elapsed;
        return measured;
    }

    private static string Report(Latencies l, LoadOptions options, string machine)
    {
        var row = l.Row(options.Provider == "postgres" ? "PostgreSQL" : "SQLite", options.Clients, machine, LoadAverage());
        Console.WriteLine($"{l.Scenario}: {l.Count:N0} requests in {l.Wall.TotalSeconds:0.0} s; p50 {l.Percentile(50):0} ms, p95 {l.Percentile(95):0} ms, p99 {l.Percentile(99):0} ms; " +
            $"{l.Throughput:0.0} req/s; {l.Errors} errors; outcomes: {l.Outcomes}");
        Console.WriteLine(row);
        return row;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
