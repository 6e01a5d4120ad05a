using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Rekindle.Web.Auth;

namespace Rekindle.Web.Api;

/// <summary>The JSON API under /api: every endpoint needs a signed-in user; each area narrows by role.</summary>
public static class ApiRoutes
{
    public static IEndpointRouteBuilder MapRekindleApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization(Can.Read);
        MeApi.Map(api);
        AccountsApi.Map(api);
        JobsApi.Map(api);
        ClassificationApi.Map(api);
        SegmentsApi.Map(api);
        CampaignsApi.Map(api);
        PoolApi.Map(api);
        RepsApi.Map(api);
        StatementsApi.Map(api);
        PolicyApi.Map(api);
        ImportApi.Map(api);
        return app;
    }
}
