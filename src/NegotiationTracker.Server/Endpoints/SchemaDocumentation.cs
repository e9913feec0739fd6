using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using NegotiationTracker.Domain.Common;
using NegotiationTracker.Replay;

namespace NegotiationTracker.Server.Endpoints;

/// <summary>
/// Schemas the generator cannot see from the types alone, because a JSON converter writes them: a partial date is a
/// string ("2024", "2024-09", "2024-09-27" or an instant with its zone), and the diff's corrections are the correction
/// events themselves, each marked with its kind.
/// </summary>
public sealed class SchemaDocumentation : IOpenApiSchemaTransformer
{
    /// <summary>The texts <see cref="PartialDate.TryParse"/> reads and <see cref="PartialDate.ToString"/> writes.</summary>
    public const string PartialDatePattern = @"^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2}))?)?)?$";

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if (Nullable.GetUnderlyingType(type) is { } underlying && underlying == typeof(PartialDate))
        {
            Date(schema, JsonSchemaType.String | JsonSchemaType.Null);
        }
        else if (type == typeof(PartialDate))
        {
            Date(schema, JsonSchemaType.String);
        }
        else if (context.JsonPropertyInfo is { Name: "correctionsApplied" } property && property.DeclaringType == typeof(NegotiationDiff))
        {
            schema.Items = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "A correction event as stored, with its kind.",
                Required = new HashSet<string> { CorrectionsJsonConverter.KindProperty },
                Properties = new Dictionary<string, IOpenApiSchema>
                {
                    [CorrectionsJsonConverter.KindProperty] = new OpenApiSchema
                    {
                        Type = JsonSchemaType.String,
                        Enum = CorrectionsJsonConverter.KindWords.Select(word => (JsonNode)JsonValue.Create(word)).ToList(),
                    },
                },
            };
        }

        return Task.CompletedTask;
    }

    private static void Date(OpenApiSchema schema, JsonSchemaType type)
    {
        schema.Type = type;
        schema.Pattern = PartialDatePattern;
        schema.Description = "A date as precise as the record supports: a year (2011), a month (2024-09), a day (2024-09-27) "
            + "or an ISO-8601 instant with its zone (2024-09-27T14:30:00Z, 2024-09-27T15:00:00+03:00).";
    }
}
