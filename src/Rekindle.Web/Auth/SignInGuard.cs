using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Rekindle.Web.Auth;

/// <summary>
/// Limits on signing in, so that passwords cannot be guessed in bulk. Per client address, at most
/// <see cref="AttemptsPerAddress"/> sign-in posts a minute (ASP.NET Core's rate limiter, policy
/// <see cref="AddressPolicy"/>); per email, at most <see cref="AttemptsPerEmail"/> a minute; and after
/// <see cref="FailuresBeforeLockout"/> failures in a row an email is locked for <see cref="LockoutLength"/>, even to
/// its right password. Emails are tracked whether or not a user has them, so the answers never tell whether an
/// account exists. Kept in memory: a restart forgets them.
/// </summary>
public sealed class SignInGuard(TimeProvider clock, ILogger<SignInGuard> log) : IDisposable
{
    public const string AddressPolicy = "sign-in-address";
    public const int AttemptsPerAddress = 20;
    public const int AttemptsPerEmail = 10;
    public const int FailuresBeforeLockout = 5;
    public static readonly TimeSpan LockoutLength = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    /// <summary>Emails with failures beyond which those no longer locked are forgotten.</summary>
    private const int Tracked = 10_000;

    private readonly ConcurrentDictionary<string, Failures> failures = new(StringComparer.Ordinal);
    private readonly PartitionedRateLimiter<string> perEmail = PartitionedRateLimiter.Create<string, string>(email =>
        RateLimitPartition.GetSlidingWindowLimiter(email, _ => Limit(AttemptsPerEmail)));

    private sealed record Failures(int Count, DateTimeOffset? LockedUntil);

    /// <summary>The per-address policy of sign-in posts (a GET of the form is not limited).</summary>
    public static void AddPolicies(RateLimiterOptions options)
    {
        options.AddPolicy(AddressPolicy, http => HttpMethods.IsPost(http.Request.Method)
            ? RateLimitPartition.GetSlidingWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "", _ => Limit(AttemptsPerAddress))
            : RateLimitPartition.GetNoLimiter(""));
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.OnRejected = (context, token) =>
        {
            context.HttpContext.Response.Headers.RetryAfter = ((int)Window.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            context.HttpContext.RequestServices.GetService<ILogger<SignInGuard>>()?
                .LogWarning("sign-in attempts from {Address} over {Limit} a minute refused", context.HttpContext.Connection.RemoteIpAddress, AttemptsPerAddress);
            context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
            return new ValueTask(context.HttpContext.Response.WriteAsync(TooManyFromAddress, token));
        };
    }

    public const string TooManyFromAddress = "Too many sign-in attempts from your address. Wait a minute, then try again.";

    /// <summary>Null when the email may try to sign in now; otherwise why not, in words that hold whether or not the account exists.</summary>
    public string? Refusal(string email)
    {
        var key = Key(email);
        using var lease = perEmail.AttemptAcquire(key);
        if (!lease.IsAcquired)
        {
            return "Too many sign-in attempts for this email. Wait a minute, then try again.";
        }

        return failures.TryGetValue(key, out var f) && f.LockedUntil is { } until && until > clock.GetUtcNow()
            ? LockedMessage(until)
            : null;
    }

    /// <summary>Counts a failed sign-in; returns the lock's message when this failure locks the email.</summary>
    public string? Failed(string email, string? address)
    {
        var key = Key(email);
        var now = clock.GetUtcNow();
        var after = failures.AddOrUpdate(key, _ => new Failures(1, null), (_, f) => new Failures(f.LockedUntil is { } u && u <= now ? 1 : f.Count + 1, f.LockedUntil is { } v && v > now ? v : null));
        if (after.Count < FailuresBeforeLockout)
        {
            Forget(now);
            return null;
        }

        var locked = now + LockoutLength;
        failures[key] = new Failures(0, locked);
        log.LogWarning("sign-in for {Email} locked until {Until:u} after {Failures} failed attempts in a row (the last from {Address})", key, locked, FailuresBeforeLockout, address);
        return LockedMessage(locked);
    }

    public void Succeeded(string email) => failures.TryRemove(Key(email), out _);

    public void Dispose() => perEmail.Dispose();

    public static string LockedMessage(DateTimeOffset until) =>
        $"After {FailuresBeforeLockout} failed attempts, sign-in for this email is paused until {until.UtcDateTime:HH:mm} UTC. Try again then, or ask a manager to reset the password.";

    private void Forget(DateTimeOffset now)
    {
        if (failures.Count <= Tracked)
        {
            return;
        }

        foreach (var (key, f) in failures)
        {
            if (f.LockedUntil is not { } until || until <= now)
            {
                failures.TryRemove(key, out _);
            }
        }
    }

    private static string Key(string email) => email.Trim().ToLowerInvariant();

    private static SlidingWindowRateLimiterOptions Limit(int permits) => new()
    {
        PermitLimit = permits,
        Window = Window,
        SegmentsPerWindow = 6,
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
