using System.Security.Claims;

namespace Rekindle.Web.Auth;

/// <summary>What the rest of the app asks of the signed-in user: id, email, role and, for a rep, their rep id.</summary>
public static class SignedIn
{
    public const string RepIdClaim = "rekindle:rep";

    public static long UserId(this ClaimsPrincipal user) =>
        long.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : 0;

    public static string Email(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Email) ?? "";

    public static string DisplayName(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Name) ?? user.Email();

    public static string Role(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Role) ?? "";

    public static bool IsManager(this ClaimsPrincipal user) => user.IsInRole(Roles.Manager);

    public static bool IsRep(this ClaimsPrincipal user) => user.IsInRole(Roles.Rep);

    /// <summary>The rep the user is; null for managers and analysts.</summary>
    public static string? RepId(this ClaimsPrincipal user) => user.FindFirstValue(RepIdClaim) is { Length: > 0 } id ? id : null;

    /// <summary>
    /// The owner filter a user's view of accounts gets: a rep sees only their own accounts (whatever they ask for),
    /// others see the owner they asked for, or everyone.
    /// </summary>
    public static string? OwnerScope(this ClaimsPrincipal user, string? requested) => user.IsRep() ? user.RepId() ?? "\u0000none" : requested;

    /// <summary>The claims of a stored user.</summary>
    public static ClaimsIdentity Identity(Storage.WebUser user, string scheme)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(ClaimTypes.Email, user.Email),
            new(ClaimTypes.Name, user.DisplayName.Length > 0 ? user.DisplayName : user.Email),
            new(ClaimTypes.Role, user.Role),
        };
        if (user.RepId is { Length: > 0 } rep)
        {
            claims.Add(new Claim(RepIdClaim, rep));
        }

        return new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role);
    }
}
