using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rekindle.Web.Auth;

namespace Rekindle.Web.Pages;

/// <summary>
/// Sign-in with email and password; the session is an HTTP-only, same-site cookie. Attempts are limited per address
/// and per email, and an email is locked for a while after repeated failures (<see cref="SignInGuard"/>).
/// </summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(SignInGuard.AddressPolicy)]
public sealed class LoginModel(UserAccounts users, SignInGuard guard) : PageModel
{
    public const string WrongPassword = "That email and password do not match a user.";

    public string? Error { get; private set; }
    public string? Email { get; private set; }
    public string ReturnUrl { get; private set; } = "/";

    public void OnGet(string? returnUrl) => ReturnUrl = Local(returnUrl);

    public async Task<IActionResult> OnPostAsync(string email, string password, string? returnUrl)
    {
        ReturnUrl = Local(returnUrl);
        Email = email;
        if (guard.Refusal(email ?? "") is { } refusal)
        {
            Error = refusal;
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }

        var user = users.Verify(email ?? "", password ?? "");
        if (user is null)
        {
            Error = guard.Failed(email ?? "", HttpContext.Connection.RemoteIpAddress?.ToString()) ?? WrongPassword;
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }

        guard.Succeeded(email ?? "");

        var principal = new System.Security.Claims.ClaimsPrincipal(SignedIn.Identity(user, CookieAuthenticationDefaults.AuthenticationScheme));
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        return LocalRedirect(ReturnUrl);
    }

    private string Local(string? url) => url is { Length: > 0 } && Url.IsLocalUrl(url) ? url : "/";
}
