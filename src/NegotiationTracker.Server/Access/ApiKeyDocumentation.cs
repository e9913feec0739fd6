using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace NegotiationTracker.Server.Access;

/// <summary>
/// Declares how a caller presents its API key (the X-Api-Key header, or as a bearer token; for reads, also the web view's
/// session cookie), so the API page (Scalar) asks for a key and sends it. <see cref="OperationAccessDocumentation"/> says, per
/// operation, which of them it takes.
/// </summary>
public sealed class ApiKeyDocumentation : IOpenApiDocumentTransformer
{
    public const string BearerSchemeName = "Bearer";
    public const string SessionSchemeName = "Session";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[ApiKeyAuthentication.SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyAuthentication.Header,
            Description = "An API key, `ntk_<id>_<secret>`. Its role decides what it may do: reader (every query and the web view), recorder "
                + "(also commands and imports), admin (also key management). Create one with: negotiation keys create --role recorder --name \"Your name\"",
        };
        document.Components.SecuritySchemes[BearerSchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = $"The same API key as a bearer token (`Authorization: Bearer ntk_<id>_<secret>`), for clients that cannot set {ApiKeyAuthentication.Header}.",
        };
        document.Components.SecuritySchemes[SessionSchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Cookie,
            Name = ApiKeyAuthentication.Cookie,
            Description = "The web view's session, opened by POST /sign-in with a key and carrying that key's role; a random token, never the key. "
                + "It authorizes reading only: a POST under /api/ authenticated by it is refused (403).",
        };

        // Either one: the requirements of one list are alternatives.
        document.Security ??= [];
        document.Security.Add(Requirement(ApiKeyAuthentication.SchemeName, document));
        document.Security.Add(Requirement(BearerSchemeName, document));
        return Task.CompletedTask;
    }

    public static OpenApiSecurityRequirement Requirement(string scheme, OpenApiDocument document) =>
        new() { [new OpenApiSecuritySchemeReference(scheme, document)] = [] };
}
