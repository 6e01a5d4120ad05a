using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Rekindle.Storage;
using Rekindle.Web.Auth;
using Rekindle.Web.Hosting;

namespace Rekindle.Web.Tests;

/// <summary>
/// The real web app on a free port over a real SQLite workspace holding a small generated company (as of
/// <see cref="Today"/>), with one user of each role (their passwords generated, never written down) and an API
/// token for each. Shared by the tests of a collection; tests that change data use their own accounts.
/// </summary>
public sealed partial class WebServer : IAsyncLifetime
{
    public static readonly DateOnly Today = new(2026, 6, 30);
    private readonly string folder = Path.Combine(Path.GetTempPath(), "rekindle-web-" + Guid.NewGuid().ToString("N"));
    private WebApplication? app;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 6, 30, 9, 0, 0, TimeSpan.Zero));
    public WorkspaceLocation Location { get; private set; } = null!;
    public Uri Address { get; private set; } = null!;
    public IReadOnlyDictionary<string, DemoUser> Users { get; private set; } = new Dictionary<string, DemoUser>();
    public IReadOnlyDictionary<string, string> Tokens { get; private set; } = new Dictionary<string, string>();

    /// <summary>The running app's services.</summary>
    public IServiceProvider Services => app!.Services;

    /// <summary>The rep id of the rep user.</summary>
    public string RepId => Users[Roles.Rep].RepId!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        Location = WorkspaceLocation.Sqlite(Path.Combine(folder, "workspace.db"));
        var fill = DemoWorkspace.Fill(Location, Clock, Today, accounts: 400);
        Users = fill.Users.ToDictionary(u => u.Role);
        using (var db = Location.Open())
        {
            var accounts = new UserAccounts(db, Clock);
            Tokens = fill.Users.ToDictionary(u => u.Role, u => accounts.IssueToken(accounts.FindByEmail(u.Email)!.Id, "tests").Token);
        }

        app = RekindleServer.Build(new ServerSettings { Workspace = Location, Urls = "http://127.0.0.1:0", RunScheduler = false }, Clock,
            builder => builder.Logging.SetMinimumLevel(LogLevel.Warning));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Address = new Uri(address);
    }

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left to the temp folder's cleaner.
        }
    }

    /// <summary>A client that sends nothing to prove who it is.</summary>
    public HttpClient Anonymous() => new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Address };

    /// <summary>A client that authenticates with the role's personal API token.</summary>
    public HttpClient WithToken(string role)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens[role]);
        return client;
    }

    /// <summary>A client signed in through the sign-in form (session cookie), as a browser is.</summary>
    public Task<HttpClient> SignedIn(string role) => SignedIn(Users[role].Email, Users[role].Password);

    /// <summary>
    /// A client signed in with this email and password. Each comes from an address of its own (X-Forwarded-For, which
    /// the server takes from a proxy on this machine), so the tests' many sign-ins never meet the per-address limit.
    /// </summary>
    public async Task<HttpClient> SignedIn(string email, string password, CookieContainer? cookies = null)
    {
        cookies ??= new CookieContainer();
        var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = Address };
        client.DefaultRequestHeaders.Add("X-Forwarded-For", NewAddress());
        var form = await client.GetStringAsync("/login");
        var posted = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = email,
            ["password"] = password,
            ["__RequestVerificationToken"] = AntiforgeryToken(form),
        }));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        return client;
    }

    /// <summary>A client address no other client of this server used (10.x.y.z).</summary>
    public static string NewAddress()
    {
        var n = Interlocked.Increment(ref addresses);
        return $"10.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255}";
    }

    private static int addresses;

    /// <summary>A new user of the role (a fresh email; a rep needs their rep id), with their password.</summary>
    public (string Email, string Password) NewUser(string role = Roles.Manager, string? repId = null)
    {
        var email = $"user-{Guid.NewGuid():N}@example.com";
        var password = UserAccounts.NewPassword();
        using var db = Location.Open();
        new UserAccounts(db, Clock).Add(email, role, password, repId);
        return (email, password);
    }

    /// <summary>The anti-forgery token of a page's form.</summary>
    public static string AntiforgeryToken(string html) =>
        TokenPattern().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("the page has no anti-forgery token");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

[CollectionDefinition(Name)]
public sealed class WebCollection : ICollectionFixture<WebServer>
{
    public const string Name = "web";
}
