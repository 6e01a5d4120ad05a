using System.Security.Claims;

namespace Rekindle.Web.Auth;

/// <summary>What the rest of the app asks of the signed-in user: id, email, role and, for a rep, their rep id.</summary>
public static class SignedIn
{
    public const string RepIdClaim = "rekindle:rep";

    /// <summary>The user's security stamp when the session began; a session whose stamp is no longer the user's is refused.</summary>
    public const string StampClaim = "rekindle:stamp";

    public static string Stamp(this ClaimsPrincipal user) => user.FindFirstValue(StampClaim) ?? "";

    public static long UserId(this ClaimsPrincipal user) =>
        long.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : 0;

    public static string Email(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Email) ?? "";

    public static string DisplayName(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Name) ?? user.Email();

    public static string Role(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Role) ?? "";

    public static bool IsManager(this ClaimsPrincipal user) => user.IsInRole(Roles.Manager);

    public static bool IsRep(this ClaimsPrincipal user) => user.IsInRole(Roles.Rep);

    /// <summary>
    /// Whether the user reads contacts' addresses (email, phone, social, postal): managers and reps (who only open their
    /// own accounts); analysts see who the contacts are and which channels reach them. The API and the page both ask this.
    /// </summary>
    public static bool SeesContactAddresses(this ClaimsPrincipal user) => user.IsManager() || user.IsRep();

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
            new(StampClaim, user.SecurityStamp),
        };
        if (user.RepId is { Length: > 0 } rep)
        {
            claims.Add(new Claim(RepIdClaim, rep));
        }

        return new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role);
    }
}
