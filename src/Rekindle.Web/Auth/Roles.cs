namespace Rekindle.Web.Auth;

/// <summary>
/// The three roles and what each may do. Manager: everything. Rep: own accounts, the pool, own statements and own
/// handoff notes. Analyst: reads everything, runs campaigns and imports; never changes the policy or claims.
/// </summary>
public static class Roles
{
    public const string Manager = "manager";
    public const string Rep = "rep";
    public const string Analyst = "analyst";

    public static readonly IReadOnlyList<string> All = [Manager, Rep, Analyst];

    /// <summary>The role of that name (any case), or null.</summary>
    public static string? Parse(string? text) =>
        All.FirstOrDefault(r => string.Equals(r, text?.Trim(), StringComparison.OrdinalIgnoreCase));
}

/// <summary>The authorization policies endpoints and pages name; each is a set of roles.</summary>
public static class Can
{
    /// <summary>Any signed-in user (what they see is then narrowed by role: a rep sees own accounts).</summary>
    public const string Read = "read";

    /// <summary>Change the policy, deactivate reps, see every statement: managers.</summary>
    public const string Manage = "manage";

    /// <summary>Claim and release pool accounts, write handoff notes: reps (for themselves) and managers (for a rep).</summary>
    public const string WorkThePool = "pool";

    /// <summary>Plan campaigns, record results, import data: managers and analysts.</summary>
    public const string Analyse = "analyse";

    public static readonly IReadOnlyDictionary<string, string[]> RolesOf = new Dictionary<string, string[]>
    {
        [Read] = [Roles.Manager, Roles.Rep, Roles.Analyst],
        [Manage] = [Roles.Manager],
        [WorkThePool] = [Roles.Manager, Roles.Rep],
        [Analyse] = [Roles.Manager, Roles.Analyst],
    };

    /// <summary>Whether the user holds one of the policy's roles: pages ask this, so a page and its API refuse the same roles.</summary>
    public static bool May(this System.Security.Claims.ClaimsPrincipal user, string policy) => RolesOf[policy].Any(user.IsInRole);
}
