using Microsoft.Playwright;
using Rekindle.App.Pool;
using Rekindle.Pool;
using Rekindle.Web.Tests;

namespace Rekindle.Browser.Tests;

/// <summary>
/// The real server (<see cref="WebServer"/>) and one headless Chromium for the whole collection; each test opens its
/// own <see cref="BrowserSession"/> (a fresh context: no cookies shared between tests). Before the first test, the
/// previous owners of a few pooled accounts write their handoff notes, so a rep who claims one has a note to read.
/// </summary>
public sealed class BrowserSite : IAsyncLifetime
{
    private readonly Dictionary<string, string> signedInState = [];
    private IPlaywright? playwright;
    private IBrowser? browser;

    public WebServer Server { get; } = new();

    /// <summary>
    /// Pooled accounts (not the rep user's own former accounts) with the handoff note their previous owner wrote, the
    /// longest waiting first (the pool page's first rows). Each test that claims one uses its own.
    /// </summary>
    public IReadOnlyList<HandoffNote> PooledWithNotes { get; private set; } = [];

    public IBrowser Browser => browser ?? throw new InvalidOperationException(Chromium.Missing);

    public async Task InitializeAsync()
    {
        if (!Chromium.Installed)
        {
            if (Chromium.UnderCi)
            {
                throw new InvalidOperationException(Chromium.Missing);
            }

            return; // every test is skipped with the reason (BrowserFact)
        }

        await Server.InitializeAsync();
        PooledWithNotes = WriteHandoffNotes(3);
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(Chromium.LaunchOptions);
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
        await Server.DisposeAsync();
    }

    /// <summary>A fresh browser context and page, signed in as nobody yet.</summary>
    public Task<BrowserSession> Open() => Open(storageState: null);

    /// <summary>
    /// A fresh session signed in as <paramref name="role"/>: through the sign-in form the first time, then with the
    /// session cookie that sign-in gave (the form is tested by <see cref="SignInTests"/>; hashing a password per test
    /// would only make the tests slow).
    /// </summary>
    public async Task<BrowserSession> SignedIn(string role)
    {
        if (signedInState.TryGetValue(role, out var state))
        {
            return await Open(state);
        }

        var session = await Open();
        await session.SignIn(role);
        signedInState[role] = await session.Context.StorageStateAsync();
        return session;
    }

    private async Task<BrowserSession> Open(string? storageState)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Server.Address.ToString().TrimEnd('/'),
            Locale = "en-US",
            TimezoneId = "UTC",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            StorageState = storageState,
        });
        context.SetDefaultTimeout(15_000);
        return new BrowserSession(this, context, await context.NewPageAsync());
    }

    /// <summary>
    /// Another active rep (not the rep user, not the account's previous owner) claims <paramref name="accountId"/>
    /// behind the browser's back, as a colleague would at the same moment; returns that rep's id.
    /// </summary>
    public string ClaimByAnotherRep(string accountId)
    {
        using var db = Server.Location.Open();
        var previous = new PoolQueries(db).List(WebServer.Today).Single(r => r.Pooled.AccountId == accountId).Pooled.PreviousOwnerRepId;
        var other = db.Reps.Where(r => r.Active && r.RepId != Server.RepId && r.RepId != previous)
            .Select(r => r.RepId).OrderBy(r => r).First();
        var claimed = new PoolActions(db, Server.Clock).Claim(accountId, other, WebServer.Today);
        Assert.True(claimed.Granted, claimed.Refusal?.Message);
        return other;
    }

    private List<HandoffNote> WriteHandoffNotes(int count)
    {
        using var db = Server.Location.Open();
        var candidates = new PoolQueries(db).List(WebServer.Today)
            .Where(r => r.Pooled.PreviousOwnerRepId is { } previous && previous != Server.RepId)
            .Take(count)
            .ToList();
        if (candidates.Count < count)
        {
            throw new InvalidOperationException($"the generated workspace has {candidates.Count} pooled accounts to write notes on; the tests need {count}");
        }

        var actions = new PoolActions(db, Server.Clock);
        var notes = new List<HandoffNote>();
        foreach (var row in candidates)
        {
            var note = new HandoffNote(
                row.Pooled.AccountId,
                row.Pooled.PreviousOwnerRepId!,
                WebServer.Today,
                Players: $"Buyer at {row.Name}: ask for the purchasing lead, not the owner",
                Policies: "Net 60 payment terms; orders over 5,000 need a purchase order",
                Politics: "They left after a late delivery in spring; acknowledge it first",
                FreeText: $"Handoff for {row.Pooled.AccountId} by {row.Pooled.PreviousOwnerRepId}");
            var written = actions.Note(note);
            if (!written.Granted)
            {
                throw new InvalidOperationException($"seeding the handoff note on {note.AccountId} was refused: {written.Refusal!.Message}");
            }

            notes.Add(note);
        }

        return notes;
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserSite>
{
    public const string Name = "browser";
}
