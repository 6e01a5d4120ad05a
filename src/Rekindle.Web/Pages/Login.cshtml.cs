using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rekindle.Web.Auth;

namespace Rekindle.Web.Pages;

/// <summary>Sign-in with email and password; the session is an HTTP-only, same-site cookie.</summary>
public sealed class LoginModel(UserAccounts users) : PageModel
{
    public string? Error { get; private set; }
    public string? Email { get; private set; }
    public string ReturnUrl { get; private set; } = "/";

    public void OnGet(string? returnUrl) => ReturnUrl = Local(returnUrl);

    public async Task<IActionResult> OnPostAsync(string email, string password, string? returnUrl)
    {
        ReturnUrl = Local(returnUrl);
        Email = email;
        var user = users.Verify(email ?? "", password ?? "");
        if (user is null)
        {
            Error = "That email and password do not match a user.";
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }

        var principal = new System.Security.Claims.ClaimsPrincipal(SignedIn.Identity(user, CookieAuthenticationDefaults.AuthenticationScheme));
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        return LocalRedirect(ReturnUrl);
    }

    private string Local(string? url) => url is { Length: > 0 } && Url.IsLocalUrl(url) ? url : "/";
}
