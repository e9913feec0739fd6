using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace NegotiationTracker.Server.Access;

/// <summary>
/// Per operation, the ways in that differ from the document's (a key in X-Api-Key or as a bearer token): the endpoints
/// <see cref="Roles"/> leaves open take none, reads also take the web view's session cookie, and on a server started with
/// anonymous reads a read needs no credential at all (the empty requirement).
/// </summary>
public sealed class OperationAccessDocumentation : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var policies = context.Description.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>().Select(a => a.Policy).ToList();
        if (policies.Count == 0)
        {
            operation.Security = [];
            return Task.CompletedTask;
        }

        if (context.Description.HttpMethod is not "GET" || context.Document is not { } document)
        {
            return Task.CompletedTask;
        }

        operation.Security =
        [
            ApiKeyDocumentation.Requirement(ApiKeyAuthentication.SchemeName, document),
            ApiKeyDocumentation.Requirement(ApiKeyDocumentation.BearerSchemeName, document),
            ApiKeyDocumentation.Requirement(ApiKeyDocumentation.SessionSchemeName, document),
        ];
        if (policies.All(p => p == Roles.ReadPolicy) && context.ApplicationServices.GetService<ServerSettings>() is { AnonymousReads: true })
        {
            operation.Security.Insert(0, new OpenApiSecurityRequirement());
        }

        return Task.CompletedTask;
    }
}
