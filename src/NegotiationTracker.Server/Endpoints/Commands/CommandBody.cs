using System.Text.Json;
using System.Text.Unicode;
using System.Text.Json.Nodes;
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
            return (null, Invalid("body", $"the body is not well-formed JSON{At(e)}"));
        }

        if (body is not JsonObject fields)
        {
            return (null, Invalid("body", "the body must be a JSON object with the command's fields"));
        }

        foreach (var (field, value) in fromPath)
        {
            // Where the body repeats an id the path names, it is a string and the same one: a number was silently replaced.
            if (fields[field] is { } repeated && repeated.GetValueKind() != JsonValueKind.String)
            {
                return (null, Invalid(field, $"{field} must be a string"));
            }

            if (fields[field] is JsonValue given && given.GetValue<string>() != value)
            {
                return (null, Invalid(field, $"the body names {field} '{given.GetValue<string>()}' but the path names '{value}'"));
            }

            fields[field] = value;
        }

        if (Missing<T>(fields) is { Count: > 0 } missing)
        {
            return (null, Results.ValidationProblem(missing.ToDictionary(field => field, field => new[] { $"{field} is required" }),
                title: "Invalid request; nothing was appended"));
        }

        if ((Blank(fields, "") ?? NotASlug(fields, "")) is var (refusedField, refusal))
        {
            return (null, Invalid(refusedField, refusal));
        }

        try
        {
            // A JSON null body never gets here (it is not an object), so null from Deserialize cannot happen.
            return (fields.Deserialize<T>(strict) ?? throw new JsonException("the body is null"), null);
        }
        catch (JsonException e)
        {
            var field = Field(e.Path);
            return (null, Invalid(field, Explain(typeof(T), fields, e.Path, field)));
        }
    }

    /// <summary>The fields the command requires that the body leaves out, by their JSON names (every field it has; an optional one may be null).</summary>
    private List<string> Missing<T>(JsonObject fields) =>
        strict.GetTypeInfo(typeof(T)).Properties.Where(p => p.IsRequired || IsConstructorParameter(typeof(T), p.Name))
            .Select(p => p.Name).Where(name => !fields.ContainsKey(name)).ToList();

    private static bool IsConstructorParameter(Type command, string jsonName) =>
        command.GetConstructors().Any(c => c.GetParameters().Any(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name!) == jsonName));

    /// <summary>
    /// A blank string is never a value here: an optional field is left out or null when there is none. Refused for every
    /// string in the body, nested ones too, so "" and "   " are a 400 naming the field rather than a value stored or a grain key.
    /// </summary>
    private static (string, string)? Blank(JsonNode? node, string path) => node switch
    {
        JsonObject o => o.Select(p => Blank(p.Value, Join(path, p.Key))).FirstOrDefault(r => r is not null),
        JsonArray a => a.Select((item, i) => Blank(item, $"{path}[{i}]")).FirstOrDefault(r => r is not null),
        JsonValue v when v.GetValueKind() == JsonValueKind.String && string.IsNullOrWhiteSpace(v.GetValue<string>()) =>
            (path, $"{path} is blank: give a value, or leave the field out where it is optional"),
        _ => null,
    };

    /// <summary>
    /// Every field named <c>…Id</c> (or each entry of <c>…Ids</c>) holds an id, and ids are slugs: they key grains and name
    /// streams. Checked here, once for every command, so no grain is asked for a key Orleans refuses (a blank key was a 500).
    /// </summary>
    private static (string, string)? NotASlug(JsonNode? node, string path, bool ids = false) => node switch
    {
        JsonObject o => o.Select(p => NotASlug(p.Value, Join(path, p.Key), p.Key.EndsWith("Id", StringComparison.Ordinal) || p.Key.EndsWith("Ids", StringComparison.Ordinal)))
            .FirstOrDefault(r => r is not null),
        JsonArray a => a.Select((item, i) => NotASlug(item, $"{path}[{i}]", ids && path.EndsWith("Ids", StringComparison.Ordinal))).FirstOrDefault(r => r is not null),
        JsonValue v when ids && v.GetValueKind() == JsonValueKind.String && Validate.Slug(path, v.GetValue<string>()) is { } rejection => (path, rejection.Message),
        _ => null,
    };

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    /// <summary>Why System.Text.Json refused a field, in the caller's words: the field and the kind of JSON value it takes, never a .NET type.</summary>
    private static string Explain(Type command, JsonObject fields, string? jsonPath, string field)
    {
        if (field == "body")
        {
            return "the body must be a JSON object with the command's fields";
        }

        var type = TypeAt(command, field);
        if (type is null)
        {
            return $"{field} is not a field of this command";
        }

        if (ValueAt(fields, jsonPath) is null)
        {
            return $"{field} is required and cannot be null";
        }

        return $"{field} must be {Kind(type)}";
    }

    /// <summary>The .NET type a field path ("issues[0].title") reads into, or null where no such field exists.</summary>
    private static Type? TypeAt(Type command, string field)
    {
        Type? type = command;
        foreach (var segment in field.Split('.'))
        {
            var name = segment.Split('[')[0];
            var property = type?.GetProperties().FirstOrDefault(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name) == name);
            type = property is null ? null : Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (type is not null && segment.Contains('['))
            {
                type = Element(type);
            }
        }

        return type;
    }

    private static Type? Element(Type type) =>
        type.IsArray ? type.GetElementType() : type.GetInterfaces().Append(type)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    private static JsonNode? ValueAt(JsonObject fields, string? jsonPath)
    {
        JsonNode? node = fields;
        foreach (var segment in (jsonPath ?? "$").TrimStart('$').Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = segment.Split('[');
            node = node is JsonObject o ? o[parts[0]] : null;
            foreach (var index in parts.Skip(1))
            {
                node = node is JsonArray a && int.TryParse(index.TrimEnd(']'), out var i) && i < a.Count ? a[i] : null;
            }
        }

        return node;
    }

    /// <summary>The kind of JSON value a .NET type is read from, as a caller would put it.</summary>
    private static string Kind(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            _ when type == typeof(string) => "a string",
            _ when type == typeof(char) => "a string of one character",
            _ when type == typeof(bool) => "true or false",
            _ when type == typeof(int) || type == typeof(long) || type == typeof(short) => "a whole number",
            _ when type == typeof(double) || type == typeof(decimal) || type == typeof(float) => "a number",
            _ when type == typeof(PartialDate) => "a date as a string: a year, a month or a day (2024, 2024-02, 2024-02-01)",
            _ when type == typeof(DateTimeOffset) || type == typeof(DateTime) => "a date and time as a string",
            { IsEnum: true } => $"one of: {string.Join(", ", Enum.GetNames(type).Select(JsonNamingPolicy.CamelCase.ConvertName))}",
            _ when Element(type) is { } element => $"an array of {Plural(Kind(element))}",
            _ => "a JSON object",
        };
    }

    private static string Plural(string kind) => kind.StartsWith("a ", StringComparison.Ordinal) ? kind[2..] + "s" : kind;

    /// <summary>"$.issues[0].title" becomes "issues[0].title": the field as the caller wrote it.</summary>
    private static string Field(string? path) => string.IsNullOrEmpty(path) || path == "$" ? "body" : path.TrimStart('$', '.');

    /// <summary>Where the parser stopped, without its message (which may name .NET types).</summary>
    private static string At(JsonException e) =>
        e.LineNumber is { } line && e.BytePositionInLine is { } column ? $" (line {line + 1}, byte {column + 1})" : "";

    private static IResult Invalid(string field, string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "Invalid request; nothing was appended");
}
