using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rekindle.Web.Auth;

namespace Rekindle.Web.Pages;

/// <summary>
/// Signs out (POST only, with the anti-forgery token of the layout's form): the user's security stamp changes, so every
/// session cookie of theirs stops working, a copied one included.
/// </summary>
public sealed class LogoutModel(UserAccounts users) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            users.EndSessions(User.UserId());
        }

        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Redirect("/login");
    }
}
