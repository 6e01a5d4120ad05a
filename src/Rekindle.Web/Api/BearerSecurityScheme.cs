using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Rekindle.Web.Api;

/// <summary>
/// Declares the personal API token (<c>Authorization: Bearer rk_...</c>) as the document's security scheme, required by
/// every operation, so the /scalar reference page can send a token with its requests.
/// </summary>
public sealed class BearerSecurityScheme : IOpenApiDocumentTransformer
{
    public const string Name = "ApiToken";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Name] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "A personal API token (rk_...): POST /api/me/tokens issues one; the dashboard's cookie works too.",
        };
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Name, document)] = [] }];
        return Task.CompletedTask;
    }
}
