using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rekindle.App.Pool;
using Rekindle.App.Reactivation;
using Rekindle.App.Workspace;
using Rekindle.Storage;
using Rekindle.Web.Api;
using Rekindle.Web.Auth;
using Rekindle.Web.Hosting;
using Rekindle.Web.Pages;
using Scalar.AspNetCore;

namespace Rekindle.Web;

/// <summary>
/// Builds the web app on a workspace: the JSON API under /api (OpenAPI at /openapi/v1.json, reference page at
/// /scalar), the dashboard pages, sign-in by cookie or personal API token, and the scheduled jobs.
/// </summary>
public static class RekindleServer
{
    public const string CookieName = "rekindle.auth";

    /// <summary>Pool threads ready at once: about as many as the concurrent requests a small team's server sees.</summary>
    public const int MinThreads = 64;

    /// <summary>
    /// The framework (Microsoft.*, System.*) logs at warning and above by default, so a request writes no line of its
    /// own; Rekindle's own messages (the nightly job) stay at information. Logging:LogLevel:Microsoft (appsettings or
    /// the environment variable Logging__LogLevel__Microsoft) still sets another level.
    /// </summary>
    public static void QuietFramework(ILoggingBuilder logging, IConfiguration configuration)
    {
        foreach (var category in new[] { "Microsoft", "System" })
        {
            if (configuration[$"Logging:LogLevel:{category}"] is null)
            {
                logging.AddFilter(category, LogLevel.Warning);
            }
        }
    }

    public static WebApplication Build(ServerSettings settings, TimeProvider clock, Action<WebApplicationBuilder>? configure = null)
    {
        // Migrate once at start-up, so requests never race to create the schema.
        using (settings.Workspace.Open())
        {
        }

        // The handlers call the workspace synchronously (EF), so a request waiting on PostgreSQL (a row lock of a
        // claim, the network) holds a pool thread. The pool adds threads slowly past its minimum (one per core), and
        // under 50 concurrent claims some waited tens of seconds for one: start with enough for the connections.
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, MinThreads), io);

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(RekindleServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        builder.WebHost.UseUrls(settings.Urls);
        QuietFramework(builder.Logging, builder.Configuration);
        AddServices(builder.Services, settings, clock);
        configure?.Invoke(builder);

        var app = builder.Build();

        // Behind a reverse proxy on this machine (see the README), the client's address and https come from its headers.
        app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto });
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        // Routing first: it applies an endpoint's upload limits (the import's) before the guard may read a form.
        app.UseRouting();
        app.UseAuthentication();
        app.UseCrossSiteGuard();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapEmbeddedAssets();
        app.MapOpenApi().AllowAnonymous();
        // No fonts from Scalar's CDN: the page loads from this app only (the CSP would block them anyway).
        app.MapScalarApiReference(o => o.AddPreferredSecuritySchemes(BearerSecurityScheme.Name).DisableDefaultFonts()).AllowAnonymous();
        app.MapGet("/health", () => Results.Ok(new { status = "ok" })).AllowAnonymous().ExcludeFromDescription();
        app.MapRekindleApi();
        app.MapRazorPages();
        return app;
    }

    private static void AddServices(IServiceCollection services, ServerSettings settings, TimeProvider clock)
    {
        services.AddSingleton(settings);
        services.AddSingleton(clock);
        services.AddSingleton<WebClock>();
        // Requests share pooled connections; the nightly job (whole-book writes) opens its own, with a larger cache.
        var requests = settings.Workspace.Pooled();
        services.AddScoped(_ => requests.CreateContext());
        services.AddScoped<UserAccounts>();
        services.AddSingleton<TokenUses>();
        services.AddHostedService<TokenUseWriter>();
        services.AddSingleton<ImportJobs>();
        services.AddHostedService(sp => sp.GetRequiredService<ImportJobs>());
        services.AddSingleton<SignInGuard>();
        services.AddRateLimiter(SignInGuard.AddPolicies);
        services.AddScoped<SnapshotQueries>();
        services.AddSingleton<ClassifiedBookCache>();
        services.AddScoped<AccountView>();
        services.AddScoped<WorkspacePolicies>();
        services.AddScoped<Snapshots>();
        services.AddScoped<SnapshotJob>();
        services.AddScoped<PoolActions>();
        services.AddScoped<WorkspaceReps>();
        services.AddScoped<PoolQueries>();
        services.AddScoped<PoolSweeper>();
        services.AddScoped<CampaignStore>();
        services.AddScoped<WorkspaceCampaigns>();
        services.AddScoped<SnapshotTransitions>();
        services.AddScoped<CampaignMeasurer>();
        services.AddScoped<Dashboard>();

        services.AddSingleton(new JobSchedule(settings.Schedule));
        services.AddSingleton(new RetryPolicy());
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<NightlyJob>(sp, settings.Workspace));
        services.AddScoped<JobsBoard>();
        services.AddScoped<PoolWarnings>();
        services.AddSingleton<PoolWarningsCache>();
        if (settings.RunScheduler)
        {
            services.AddHostedService<NightlyScheduler>();
        }

        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        });
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Rekindle API";
            document.Info.Description = "Accounts, their lifecycle status and reasons, segments, campaigns, the dormant-account pool and incentives. " +
                "Sign in with the dashboard's cookie, or send a personal API token as 'Authorization: Bearer rk_...'.";
            return Task.CompletedTask;
        }).AddDocumentTransformer<BearerSecurityScheme>().AddOperationTransformer<ApiResponses>());

        services.AddAuthentication(SmartScheme)
            .AddPolicyScheme(SmartScheme, "Cookie or API token", o => o.ForwardDefaultSelector = http =>
                http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? ApiTokenHandler.SchemeName
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = CookieName;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.LoginPath = "/login";
                o.LogoutPath = "/logout";
                o.AccessDeniedPath = "/denied";
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.Events.OnRedirectToLogin = ctx => ApiStatusOr(ctx, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = ctx => ApiStatusOr(ctx, StatusCodes.Status403Forbidden);
                o.Events.OnValidatePrincipal = CheckStamp;
            })
            .AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(ApiTokenHandler.SchemeName, null);

        var authorization = services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        foreach (var (name, roles) in Can.RolesOf)
        {
            authorization.AddPolicy(name, p => p.RequireAuthenticatedUser().RequireRole(roles));
        }

        services.AddRazorPages(o =>
        {
            o.Conventions.AllowAnonymousToPage("/Login");
            o.Conventions.AllowAnonymousToPage("/Denied");
        });
        services.AddAntiforgery(o => o.Cookie.Name = "rekindle.antiforgery");
    }

    private const string SmartScheme = "CookieOrToken";

    /// <summary>
    /// A session is valid while its user is enabled and still has the security stamp the session began with (sign-out,
    /// disabling and a new password change it), checked on every request, as ASP.NET Core Identity's stamp validator.
    /// </summary>
    private static async Task CheckStamp(CookieValidatePrincipalContext ctx)
    {
        var principal = ctx.Principal;
        var stamp = principal is null ? null : ctx.HttpContext.RequestServices.GetRequiredService<UserAccounts>().SessionStamp(principal.UserId());
        if (stamp is null || stamp.Length == 0 || stamp != principal!.Stamp())
        {
            ctx.RejectPrincipal();
            await ctx.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    /// <summary>An API call gets the status code; a page gets the redirect to the sign-in or denied page.</summary>
    private static Task ApiStatusOr(RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
        }
        else
        {
            ctx.Response.Redirect(ctx.RedirectUri);
        }

        return Task.CompletedTask;
    }
}
