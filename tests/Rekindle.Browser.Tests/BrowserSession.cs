using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Rekindle.Browser.Tests;

/// <summary>
/// One test's browser context and page. Collects the page's script errors so a test can assert that a page drew
/// without any; closes the context when disposed.
/// </summary>
public sealed partial class BrowserSession(BrowserSite site, IBrowserContext context, IPage page) : IAsyncDisposable
{
    private readonly List<string> errors = Listen(page);

    public IPage Page => page;

    public IBrowserContext Context => context;

    /// <summary>Uncaught script errors and console errors seen on the page so far.</summary>
    public IReadOnlyList<string> ScriptErrors => errors;

    /// <summary>Signs in through the form, as a person does, and waits to land on the home page.</summary>
    public Task SignIn(string role) => SignIn(site.Server.Users[role].Email, site.Server.Users[role].Password, role);

    /// <summary>Signs in through the form as the user with this email and password, whose role is <paramref name="role"/>.</summary>
    public async Task SignIn(string email, string password, string role)
    {
        await page.GotoAsync("/login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(NotLogin());
        await Assertions.Expect(page.GetByTestId("who")).ToContainTextAsync(role);
    }

    /// <summary>Goes to <paramref name="path"/> and fails unless the server answered 200.</summary>
    public async Task<IResponse> Visit(string path)
    {
        var response = await page.GotoAsync(path) ?? throw new InvalidOperationException($"no response for {path}");
        Assert.True(response.Ok, $"{path} answered {response.Status} {response.StatusText}");
        return response;
    }

    public async ValueTask DisposeAsync() => await context.CloseAsync();

    private static List<string> Listen(IPage page)
    {
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        return errors;
    }

    [GeneratedRegex("^(?!.*/login).*$")]
    private static partial Regex NotLogin();
}
