using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Pointer;
using Json.Schema;

namespace NegotiationTracker.Server.Tests.Fixtures.Contract;

/// <summary>
/// The OpenAPI document a server serves, read as the contract its answers must keep: for a request's method and path
/// the operation must exist, the status must be documented (or covered by <c>default</c>), and so must the content
/// type, the body (against the schema, $refs into components resolved) and every header that is not plain HTTP
/// plumbing or one of the security headers every response carries.
/// </summary>
public sealed class OpenApiContract
{
    /// <summary>Where the components are registered, so a <c>#/components/schemas/X</c> reference resolves without the rest of the document.</summary>
    private const string ComponentsBase = "https://contract.negotiation-tracker.test/components/schemas/";

    /// <summary>
    /// Headers any response may carry without being documented: transport, caching and content negotiation, and the
    /// security headers <c>SecurityHeaders</c> puts on every response. Everything else (X-Total-Count, Link, Retry-After,
    /// Location, Set-Cookie, Idempotent-Replayed…) is part of what an operation answers and must be in the document.
    /// </summary>
    private static readonly HashSet<string> Plumbing = new(StringComparer.OrdinalIgnoreCase)
    {
        "Date", "Server", "Connection", "Keep-Alive", "Transfer-Encoding", "Content-Type", "Content-Length", "Content-Encoding",
        "Content-Language", "Vary", "Cache-Control", "Pragma", "Expires", "ETag", "Last-Modified", "Accept-Ranges",
        "X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options", "Content-Security-Policy",
    };

    private static readonly ConcurrentDictionary<string, Lazy<Task<OpenApiContract>>> Served = new();

    private readonly JsonNode document;
    private readonly List<(string Template, Regex Pattern, bool[] Literal)> paths;
    private readonly ConcurrentDictionary<string, JsonSchema> schemas = new();
    private readonly EvaluationOptions options;

    // Evaluation shares the registry's resolved references; one response at a time keeps that beyond doubt.
    private readonly Lock evaluating = new();

    public OpenApiContract(JsonNode document)
    {
        this.document = document;
        options = new EvaluationOptions { OutputFormat = OutputFormat.List, EvaluateAs = SpecVersion.Draft202012 };
        foreach (var (name, schema) in document["components"]?["schemas"]?.AsObject() ?? [])
        {
            var component = Rebased(schema!.DeepClone());
            if (component is JsonObject shape)
            {
                shape["$id"] = ComponentsBase + name;
            }

            options.SchemaRegistry.Register(JsonSchema.FromText(component.ToJsonString()));
        }

        paths = (document["paths"]?.AsObject() ?? []).Select(p => p.Key).Select(template =>
        {
            var segments = template.Trim('/').Split('/');
            var pattern = string.Join("/", segments.Select(s => s.StartsWith('{') ? "[^/]+" : Regex.Escape(s)));
            return (template, new Regex($"^/{pattern}/?$", RegexOptions.IgnoreCase), segments.Select(s => !s.StartsWith('{')).ToArray());
        }).ToList();
    }

    /// <summary>The document the server at <paramref name="origin"/> serves, read once per server.</summary>
    public static Task<OpenApiContract> OfAsync(Uri origin) =>
        Served.GetOrAdd(origin.GetLeftPart(UriPartial.Authority), address => new Lazy<Task<OpenApiContract>>(() => ReadAsync(address))).Value;

    private static async Task<OpenApiContract> ReadAsync(string address)
    {
        using var client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(1) };
        var text = await client.GetStringAsync("/openapi/v1.json");
        return new OpenApiContract(JsonNode.Parse(text) ?? throw new InvalidOperationException("the OpenAPI document is empty"));
    }

    /// <summary>What the answer to <paramref name="method"/> <paramref name="path"/> breaks of the contract; empty when it keeps it.</summary>
    public IReadOnlyList<string> Check(HttpMethod method, string path, HttpResponseMessage response, string body)
    {
        var status = (int)response.StatusCode;
        var template = Template(path);
        if (template is null)
        {
            return [$"{method} {path} answered {status}, but the document has no path that matches it"];
        }

        var verb = method.Method.ToLowerInvariant();
        if (document["paths"]![template]![verb] is not JsonObject operation)
        {
            return [$"{method} {path} answered {status}, but the document has no {method.Method} operation on {template}"];
        }

        var name = $"{method.Method} {template} ({operation["operationId"]?.GetValue<string>() ?? "no operationId"})";
        var responses = operation["responses"]?.AsObject();
        var key = new[] { status.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{status / 100}XX", "default" }
            .FirstOrDefault(k => responses?.ContainsKey(k) == true);
        if (key is null)
        {
            return [$"{name} answered {status}, which it does not document (it documents {string.Join(", ", responses?.Select(r => r.Key) ?? [])})"];
        }

        var documented = responses![key]!.AsObject();
        var pointer = $"#/paths/{Escape(template)}/{verb}/responses/{key}";
        var at = $"{name} answered {status}";
        var violations = new List<string>();
        violations.AddRange(Headers(at, pointer, documented, response));
        violations.AddRange(Content(at, pointer, documented, response, body, method == HttpMethod.Head));
        return violations;
    }

    /// <summary>The document's path for a request path: literal segments outrank parameters, left to right, as routing ranks them.</summary>
    private string? Template(string path) =>
        paths.Where(p => p.Pattern.IsMatch(path))
            .OrderByDescending(p => string.Concat(p.Literal.Select(l => l ? '1' : '0')), StringComparer.Ordinal)
            .Select(p => p.Template)
            .FirstOrDefault();

    private IEnumerable<string> Headers(string at, string pointer, JsonObject documented, HttpResponseMessage response)
    {
        var declared = (documented["headers"]?.AsObject() ?? []).ToDictionary(h => h.Key, h => h.Value!, StringComparer.OrdinalIgnoreCase);
        var sent = response.Headers.Concat(response.Content.Headers).ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
        foreach (var (header, value) in sent.Where(h => !Plumbing.Contains(h.Key)))
        {
            if (!declared.TryGetValue(header, out var declaration))
            {
                yield return $"{at} with header {header}, which {pointer}/headers does not document";
                continue;
            }

            if (declaration["schema"] is { } schema)
            {
                foreach (var error in Evaluate($"{pointer}/headers/{header}/schema", schema, HeaderValue(value, schema)))
                {
                    yield return $"{at} with header {header}: {value}, not valid against {error}";
                }
            }
        }

        foreach (var (header, declaration) in declared.Where(d => d.Value["required"]?.GetValue<bool>() == true && !sent.ContainsKey(d.Key)))
        {
            yield return $"{at} without header {header}, which {pointer}/headers/{header} requires";
        }
    }

    private IEnumerable<string> Content(string at, string pointer, JsonObject documented, HttpResponseMessage response, string body, bool head)
    {
        var content = documented["content"]?.AsObject();
        var type = response.Content.Headers.ContentType?.MediaType;
        if (type is null)
        {
            if (body.Length > 0)
            {
                yield return $"{at} with a body but no Content-Type";
            }
            else if (content is { Count: > 0 } && !head)
            {
                yield return $"{at} with no body, but {pointer}/content documents {string.Join(", ", content.Select(c => c.Key))}";
            }

            yield break;
        }

        var media = content?.Select(c => c.Key).FirstOrDefault(k => Covers(k, type));
        if (media is null)
        {
            yield return $"{at} with {type}, which {pointer}/content does not document (it documents {string.Join(", ", content?.Select(c => c.Key) ?? ["no content"])})";
            yield break;
        }

        if (content![media]!["schema"] is not { } schema || !IsJson(type) || head)
        {
            yield break;
        }

        JsonNode? instance;
        string? unreadable = null;
        try
        {
            instance = JsonNode.Parse(body);
        }
        catch (JsonException e)
        {
            instance = null;
            unreadable = e.Message;
        }

        if (unreadable is not null)
        {
            yield return $"{at} with {type} that is not JSON: {unreadable}";
            yield break;
        }

        foreach (var error in Evaluate($"{pointer}/content/{Escape(media)}/schema", schema, instance))
        {
            yield return $"{at} with {type}: {error}";
        }
    }

    /// <summary>The instance's failures against a schema of the document, each naming where in the body and where in the schema.</summary>
    private IEnumerable<string> Evaluate(string pointer, JsonNode schema, JsonNode? instance)
    {
        var compiled = schemas.GetOrAdd(pointer, _ => JsonSchema.FromText(Rebased(schema.DeepClone()).ToJsonString()));
        EvaluationResults results;
        lock (evaluating)
        {
            results = compiled.Evaluate(instance, options);
        }

        if (results.IsValid)
        {
            return [];
        }

        var failures = (results.Details ?? []).Append(results).Where(d => d.Errors is { Count: > 0 })
            .Select(d => $"body {Location(d.InstanceLocation)} fails {pointer}{d.EvaluationPath}{Origin(d)}: {string.Join("; ", d.Errors!.Select(e => $"{e.Key}: {e.Value}"))}")
            .Distinct()
            .Take(12)
            .ToList();
        return failures.Count > 0 ? failures : [$"body fails {pointer} (no detail)"];
    }

    private static string Location(JsonPointer instance) => instance.Count == 0 ? "(root)" : instance.ToString();

    /// <summary>The component a failing keyword lives in, when evaluation went through a $ref.</summary>
    private static string Origin(EvaluationResults details) =>
        details.SchemaLocation.OriginalString.StartsWith(ComponentsBase, StringComparison.Ordinal)
            ? $" (#/components/schemas/{details.SchemaLocation.OriginalString[ComponentsBase.Length..]})"
            : "";

    private static JsonNode? HeaderValue(string value, JsonNode schema)
    {
        var types = schema["type"] switch
        {
            JsonArray many => many.Select(t => t!.GetValue<string>()).ToList(),
            JsonValue one => [one.GetValue<string>()],
            _ => [],
        };
        return (types.Contains("integer") || types.Contains("number")) && decimal.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? JsonValue.Create(number)
            : JsonValue.Create(value);
    }

    /// <summary>References into the document's components, pointed at where the components are registered.</summary>
    private static JsonNode Rebased(JsonNode node)
    {
        switch (node)
        {
            case JsonObject shape:
                foreach (var property in shape.ToList())
                {
                    if (property.Key == "$ref" && property.Value is JsonValue reference && reference.GetValue<string>() is var target
                        && target.StartsWith("#/components/schemas/", StringComparison.Ordinal))
                    {
                        var rest = target["#/components/schemas/".Length..];
                        var slash = rest.IndexOf('/');
                        shape["$ref"] = slash < 0 ? ComponentsBase + rest : $"{ComponentsBase}{rest[..slash]}#{rest[slash..]}";
                    }
                    else if (property.Value is not null)
                    {
                        Rebased(property.Value);
                    }
                }

                break;
            case JsonArray items:
                foreach (var item in items.Where(i => i is not null))
                {
                    Rebased(item!);
                }

                break;
        }

        return node;
    }

    private static bool Covers(string documented, string sent)
    {
        var declared = MediaTypeHeaderValue.TryParse(documented, out var parsed) ? parsed.MediaType! : documented;
        return declared == "*/*"
            || declared.Equals(sent, StringComparison.OrdinalIgnoreCase)
            || (declared.EndsWith("/*", StringComparison.Ordinal) && sent.StartsWith(declared[..^1], StringComparison.OrdinalIgnoreCase));
    }

    private static bool IsJson(string type) =>
        type.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase);

    private static string Escape(string segment) => segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
