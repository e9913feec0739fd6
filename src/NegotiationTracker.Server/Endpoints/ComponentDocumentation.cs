using System.Text.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace NegotiationTracker.Server.Endpoints;

/// <summary>
/// An enum met first as a nullable member (<c>Stance?</c>) becomes a component whose values include null, and every
/// nullable reference to it is already <c>oneOf [null, $ref]</c>: null then matches both branches, which <c>oneOf</c>
/// forbids, and a non-nullable reference would admit null. A component enum lists its words only, and for the same
/// reason no component admits null itself (a partial date met first as <c>PartialDate?</c>).
/// </summary>
public sealed class ComponentDocumentation : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var schema in (document.Components?.Schemas?.Values ?? []).OfType<OpenApiSchema>())
        {
            if (schema.Type is { } type && type.HasFlag(JsonSchemaType.Null) && type != JsonSchemaType.Null)
            {
                schema.Type = type & ~JsonSchemaType.Null;
            }

            if (schema.Enum is not { Count: > 0 })
            {
                continue;
            }

            var words = schema.Enum!.Where(value => value is not null && value.GetValueKind() != JsonValueKind.Null).ToList();
            if (words.Count == schema.Enum!.Count)
            {
                continue;
            }

            schema.Enum = words;
            if (words.All(w => w!.GetValueKind() == JsonValueKind.String))
            {
                schema.Type = JsonSchemaType.String;
            }
        }

        return Task.CompletedTask;
    }
}
