using NegotiationTracker.Hosting;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace NegotiationTracker.Server.Access;

/// <summary>Declares the API key in the OpenAPI document, so the API page (Scalar) asks for one and sends it.</summary>
public sealed class ApiKeyDocumentation : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "NegotiationTracker";
        document.Info.Description = "An event-sourced ledger of policy negotiations. Reads need a reader key, commands a recorder key, "
            + $"key management an admin key, sent in the {Wire.ApiKeyHeader} header.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[ApiKeyAuthentication.SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = Wire.ApiKeyHeader,
            Description = "Create one with: negotiation keys create --role recorder --name \"Your name\"",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyAuthentication.SchemeName, document)] = [] });
        return Task.CompletedTask;
    }
}
