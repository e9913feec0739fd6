using System.Text.Json;
using System.Text.Unicode;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using NegotiationTracker.Domain.Common;

namespace NegotiationTracker.Server.Endpoints.Commands;

/// <summary>
/// Reads a command from a request body, strictly: JSON only, every field the command requires present and not null, enum
/// words from the vocabulary only. The ids the path names are filled in (a body may leave them out) and must agree
/// with the body where it repeats them. Every refusal is a 400 naming the field, before any grain is asked.
/// </summary>
public sealed class CommandBody
{
    private const int MaxDepth = 16;
    private readonly JsonSerializerOptions strict;

    public CommandBody(IOptions<JsonOptions> json)
    {
        strict = new JsonSerializerOptions(json.Value.SerializerOptions)
        {
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
            MaxDepth = MaxDepth,
        };
    }

    public async Task<(T? Command, IResult? Problem)> ReadAsync<T>(HttpRequest request, params (string Field, string Value)[] fromPath)
        where T : class
    {
        foreach (var (field, value) in fromPath)
        {
            if (Validate.Slug(field, value) is { } notASlug)
            {
                return (null, Invalid(field, notASlug.Message));
            }
        }

        if (!request.HasJsonContentType())
        {
            return (null, Results.Problem(title: "Unsupported media type", detail: "send the command as application/json",
                statusCode: StatusCodes.Status415UnsupportedMediaType));
        }

        // Read whole (Kestrel caps it at 1 MiB) to check the encoding first: the parser would quietly turn broken UTF-8 into U+FFFD.
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        var bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        if (!Utf8.IsValid(bytes.Span))
        {
            return (null, Invalid("body", "the body is not valid UTF-8"));
        }

        try
        {
            return Read<T>(bytes.Span, fromPath);
        }
        catch (InvalidOperationException e) when (e.TargetSite?.DeclaringType?.Assembly == typeof(JsonNode).Assembly)
        {
            // An escaped lone surrogate ("\uD800") is well-formed JSON but no text. System.Text.Json throws this, not a
            // JsonException, wherever it unescapes it (a name, a path id, a field), which was a 500 (found by the fuzz tests).
            return (null, Invalid("body", $"the body holds text that is not valid UTF-16: {e.Message}"));
        }
    }

    private (T? Command, IResult? Problem) Read<T>(ReadOnlySpan<byte> bytes, (string Field, string Value)[] fromPath)
        where T : class
    {
        JsonNode? body;
        try
        {
            body = JsonNode.Parse(bytes, documentOptions: new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException e)
        {
            return (null, Invalid("body", $"the body is not well-formed JSON: {Plain(e)}"));
        }

        if (body is not JsonObject fields)
        {
            return (null, Invalid("body", "the body must be a JSON object with the command's fields"));
        }

        foreach (var (field, value) in fromPath)
        {
            if (fields[field] is JsonValue given && given.GetValueKind() == JsonValueKind.String && given.GetValue<string>() != value)
            {
                return (null, Invalid(field, $"the body names {field} '{given.GetValue<string>()}' but the path names '{value}'"));
            }

            fields[field] = value;
        }

        try
        {
            return (fields.Deserialize<T>(strict) ?? throw new JsonException("the body is null"), null);
        }
        catch (JsonException e)
        {
            var field = Field(e.Path);
            return (null, Invalid(field, EnumWords(typeof(T), field) is { } words ? $"{field} must be one of: {words}" : Plain(e)));
        }
    }

    /// <summary>For a field that takes a vocabulary word, the words it takes, so the caller need not guess.</summary>
    private static string? EnumWords(Type command, string field)
    {
        var property = command.GetProperties().FirstOrDefault(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name) == field);
        var type = property is null ? null : Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        return type is { IsEnum: true } ? string.Join(", ", Enum.GetNames(type).Select(JsonNamingPolicy.CamelCase.ConvertName)) : null;
    }

    /// <summary>"$.issues[0].title" becomes "issues[0].title": the field as the caller wrote it.</summary>
    private static string Field(string? path) => string.IsNullOrEmpty(path) || path == "$" ? "body" : path.TrimStart('$', '.');

    /// <summary>System.Text.Json's message without the .NET type names a caller has never seen.</summary>
    private static string Plain(JsonException e)
    {
        var message = e.Message;
        var pathAt = message.IndexOf(" Path: ", StringComparison.Ordinal);
        message = pathAt > 0 ? message[..pathAt] : message;
        return message.Replace("NegotiationTracker.Domain.Common.", "").Replace("NegotiationTracker.Domain.Negotiations.", "").Replace("NegotiationTracker.Domain.Parties.", "");
    }

    private static IResult Invalid(string field, string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "Invalid request; nothing was appended");
}
