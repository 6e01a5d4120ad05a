using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Rekindle.Web.Auth;

/// <summary>Authenticates <c>Authorization: Bearer rk_...</c> with a personal API token.</summary>
public sealed class ApiTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, UserAccounts users, TokenUses uses)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (users.FindByToken(header["Bearer ".Length..].Trim()) is not { } found)
        {
            return Task.FromResult(AuthenticateResult.Fail("the API token is not valid or was revoked"));
        }

        uses.Seen(found.TokenId);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(SignedIn.Identity(found.User, SchemeName)), SchemeName)));
    }
}
