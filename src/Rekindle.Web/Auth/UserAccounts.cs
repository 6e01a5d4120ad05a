using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Rekindle.Storage;

namespace Rekindle.Web.Auth;

/// <summary>Why a user could not be added.</summary>
public sealed class UserRefusedException(string message) : Exception(message)
{
    public UserRefusedException()
        : this("the user was refused")
    {
    }

    public UserRefusedException(string message, Exception inner)
        : this(message) => _ = inner;
}

/// <summary>A new API token: the secret is in <see cref="Token"/> and is shown once; only its hash is stored.</summary>
public sealed record IssuedToken(ApiToken Stored, string Token);

/// <summary>
/// The web app's users and their API tokens. Passwords are hashed by ASP.NET Core Identity's password hasher
/// (PBKDF2, salted, versioned); tokens are 32 random bytes kept as their SHA-256.
/// </summary>
public sealed class UserAccounts(WorkspaceDb db, TimeProvider clock)
{
    public const int MinimumPasswordLength = 10;
    public const string TokenPrefix = "rk_";
    private static readonly PasswordHasher<WebUser> Hasher = new();

    public IReadOnlyList<WebUser> List() => [.. db.WebUsers.AsNoTracking().OrderBy(u => u.Id)];

    public WebUser? Find(long id) => db.WebUsers.AsNoTracking().FirstOrDefault(u => u.Id == id);

    public WebUser? FindByEmail(string email)
    {
        var normal = Normalize(email);
        return db.WebUsers.AsNoTracking().FirstOrDefault(u => u.Email == normal);
    }

    /// <summary>Adds a user; refuses an unknown role, a duplicate email, a short password, or a rep without a known rep id.</summary>
    public WebUser Add(string email, string role, string password, string? repId = null, string? displayName = null)
    {
        var normal = Normalize(email);
        if (normal.Length < 3 || !normal.Contains('@', StringComparison.Ordinal))
        {
            throw new UserRefusedException($"'{email}' is not an email address");
        }

        var knownRole = Roles.Parse(role) ?? throw new UserRefusedException($"unknown role '{role}' (expected {string.Join(", ", Roles.All)})");
        if (password.Length < MinimumPasswordLength)
        {
            throw new UserRefusedException($"the password must have at least {MinimumPasswordLength} characters");
        }

        if (knownRole == Roles.Rep)
        {
            if (string.IsNullOrWhiteSpace(repId))
            {
                throw new UserRefusedException("a rep needs --rep REP_ID: the rep they are in the workspace");
            }

            if (!db.Reps.AsNoTracking().Any(r => r.RepId == repId))
            {
                throw new UserRefusedException($"rep '{repId}' is not in the workspace (import reps.csv first)");
            }
        }
        else if (repId is not null)
        {
            throw new UserRefusedException($"only a rep has a rep id; a {knownRole} does not");
        }

        if (db.WebUsers.AsNoTracking().Any(u => u.Email == normal))
        {
            throw new UserRefusedException($"a user with email {normal} already exists");
        }

        var user = new WebUser
        {
            Email = normal,
            DisplayName = displayName?.Trim() ?? "",
            Role = knownRole,
            RepId = knownRole == Roles.Rep ? repId : null,
            PasswordHash = "",
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            SecurityStamp = NewStamp(),
        };
        user.PasswordHash = Hasher.HashPassword(user, password);
        db.WebUsers.Add(user);
        db.AuditLog.Add(new AuditEntry
        {
            AtUtc = user.CreatedAtUtc,
            Actor = "rekindle",
            Action = "user_added",
            Entity = "web_user",
            EntityId = normal,
            Details = $"role {knownRole}" + (user.RepId is null ? "" : $", rep {user.RepId}"),
        });
        db.SaveChanges();
        return user;
    }

    /// <summary>The user whose email and password these are; null when either is wrong or the user is disabled.</summary>
    public WebUser? Verify(string email, string password)
    {
        var user = db.WebUsers.FirstOrDefault(u => u.Email == Normalize(email));
        if (user is null || user.Disabled)
        {
            // Hash anyway so that a wrong email takes as long as a wrong password.
            _ = Hasher.HashPassword(new WebUser { Email = "", Role = "", PasswordHash = "" }, password);
            return null;
        }

        switch (Hasher.VerifyHashedPassword(user, user.PasswordHash, password))
        {
            case PasswordVerificationResult.Success:
                return user;
            case PasswordVerificationResult.SuccessRehashNeeded:
                user.PasswordHash = Hasher.HashPassword(user, password);
                db.SaveChanges();
                return user;
            default:
                return null;
        }
    }

    /// <summary>The stamp the user's sessions must carry; null when the user is gone or disabled (no session is valid).</summary>
    public string? SessionStamp(long userId) =>
        db.WebUsers.AsNoTracking().Where(u => u.Id == userId && !u.Disabled).Select(u => u.SecurityStamp).FirstOrDefault();

    /// <summary>Ends every session of the user (their cookies carry the old stamp); API tokens are revoked one by one.</summary>
    public void EndSessions(long userId)
    {
        db.WebUsers.Where(u => u.Id == userId).ExecuteUpdate(u => u.SetProperty(x => x.SecurityStamp, NewStamp()));
    }

    /// <summary>Disables the user: they cannot sign in, their sessions end and their API tokens stop working.</summary>
    public WebUser Disable(string email, string actor) => Change(email, actor, "user_disabled", "", u => u.Disabled = true);

    /// <summary>Lets a disabled user sign in again (their old sessions stay ended).</summary>
    public WebUser Enable(string email, string actor) => Change(email, actor, "user_enabled", "", u => u.Disabled = false);

    /// <summary>Sets a new password (at least <see cref="MinimumPasswordLength"/> characters) and ends the user's sessions.</summary>
    public WebUser ResetPassword(string email, string password, string actor)
    {
        if (password.Length < MinimumPasswordLength)
        {
            throw new UserRefusedException($"the password must have at least {MinimumPasswordLength} characters");
        }

        return Change(email, actor, "password_reset", "", u => u.PasswordHash = Hasher.HashPassword(u, password));
    }

    private WebUser Change(string email, string actor, string action, string details, Action<WebUser> change)
    {
        var normal = Normalize(email);
        var user = db.WebUsers.FirstOrDefault(u => u.Email == normal) ?? throw new UserRefusedException($"no user with email {normal}");
        change(user);
        user.SecurityStamp = NewStamp();
        db.AuditLog.Add(new AuditEntry
        {
            AtUtc = clock.GetUtcNow().UtcDateTime,
            Actor = actor,
            Action = action,
            Entity = "web_user",
            EntityId = normal,
            Details = details,
        });
        db.SaveChanges();
        return user;
    }

    /// <summary>Issues a personal API token for <paramref name="userId"/>; the returned secret is not stored.</summary>
    public IssuedToken IssueToken(long userId, string name)
    {
        var secret = TokenPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var token = new ApiToken
        {
            UserId = userId,
            Name = string.IsNullOrWhiteSpace(name) ? "token" : name.Trim(),
            Prefix = secret[..10],
            Hash = Hash(secret),
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.ApiTokens.Add(token);
        db.SaveChanges();
        return new IssuedToken(token, secret);
    }

    public IReadOnlyList<ApiToken> Tokens(long userId) =>
        [.. db.ApiTokens.AsNoTracking().Where(t => t.UserId == userId).OrderBy(t => t.Id)];

    /// <summary>Revokes one of the user's tokens; false when it is not theirs or already revoked.</summary>
    public bool Revoke(long userId, long tokenId)
    {
        var token = db.ApiTokens.FirstOrDefault(t => t.Id == tokenId && t.UserId == userId && t.RevokedAtUtc == null);
        if (token is null)
        {
            return false;
        }

        token.RevokedAtUtc = clock.GetUtcNow().UtcDateTime;
        db.SaveChanges();
        return true;
    }

    /// <summary>
    /// The active user holding this token and the token's id, or null. Reads only: a request never writes (under
    /// SQLite a write waits for any import in progress); <see cref="TokenUses"/> records when tokens were last used.
    /// </summary>
    public (WebUser User, long TokenId)? FindByToken(string secret)
    {
        if (!secret.StartsWith(TokenPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var hash = Hash(secret);
        var found = db.ApiTokens.AsNoTracking().Where(t => t.Hash == hash && t.RevokedAtUtc == null)
            .Join(db.WebUsers.AsNoTracking().Where(u => !u.Disabled), t => t.UserId, u => u.Id, (t, u) => new { User = u, TokenId = t.Id })
            .FirstOrDefault();
        return found is null ? null : (found.User, found.TokenId);
    }

    /// <summary>A password of 16 random letters and digits, for generated demo users.</summary>
    public static string NewPassword() =>
        RandomNumberGenerator.GetString("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 16);

    private static string NewStamp() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private static string Normalize(string email) => email.Trim().ToLowerInvariant();

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
