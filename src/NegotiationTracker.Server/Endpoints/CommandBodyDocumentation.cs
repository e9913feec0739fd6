using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace NegotiationTracker.Server.Endpoints;

/// <summary>
/// Puts each command's body into the OpenAPI document. Command endpoints read their body themselves (strictly, see
/// CommandBody), so the generator sees no body parameter; the endpoint's <c>[Consumes(typeof(Command))]</c> names it.
/// Also drops Wolverine's default description (the operation id repeated), which tells a reader nothing.
/// </summary>
public sealed class CommandBodyDocumentation : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.Description == operation.OperationId)
        {
            operation.Description = null;
        }

        var accepts = context.Description.ActionDescriptor.EndpointMetadata.OfType<IAcceptsMetadata>().FirstOrDefault(a => a.RequestType is not null);
        if (accepts is null || operation.RequestBody is not null)
        {
            return;
        }

        var schema = await context.GetOrCreateSchemaAsync(accepts.RequestType!, cancellationToken: cancellationToken);
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "The command as JSON. Ids the path names may be left out; where the body repeats one, it must agree.",
            Content = accepts.ContentTypes.ToDictionary(type => type, _ => new OpenApiMediaType { Schema = schema }),
        };
    }
}
