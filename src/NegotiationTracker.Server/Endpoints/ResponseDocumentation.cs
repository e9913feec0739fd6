using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;
using NegotiationTracker.Domain.Common;
using NegotiationTracker.Hosting.Access;
using NegotiationTracker.Server.Access;
using NegotiationTracker.Server.Endpoints.Commands;
using Wolverine.Http;

namespace NegotiationTracker.Server.Endpoints;

/// <summary>
/// What the answers carry beyond their bodies, and what the path accepts: the headers endpoints declare with
/// <see cref="ResponseHeaderAttribute"/>, bodies declared with <see cref="ResponseBodyAttribute"/>, and the answers
/// every operation of a kind can give whoever wrote them (a 401's WWW-Authenticate, the sign-in redirect of a page, the
/// 503 with Retry-After while the database is down, a replayed command's marker); path ids as the server checks them.
/// </summary>
public sealed class ResponseDocumentation : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var route = "/" + (context.Description.RelativePath ?? "").TrimStart('/');
        var method = context.Description.HttpMethod ?? "";
        operation.Responses ??= [];

        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>().Where(p => p.In == ParameterLocation.Path))
        {
            parameter.Schema = parameter.Name == "keyId"
                ? new OpenApiSchema { Type = JsonSchemaType.String, Pattern = ApiKey.IdPattern, MaxLength = ApiKey.IdLength }
                : new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Pattern = Validate.SlugPattern,
                    MaxLength = Validate.MaxIdLength,
                    Description = "A slug: lower-case letters, digits and single hyphens.",
                };
        }

        foreach (var body in metadata.OfType<ResponseBodyAttribute>())
        {
            var schema = await context.GetOrCreateSchemaAsync(body.Type, cancellationToken: cancellationToken);
            var response = Response(operation, body.Status, "");
            response.Content ??= new Dictionary<string, OpenApiMediaType>();
            response.Content[body.ContentType] = new OpenApiMediaType { Schema = schema };
        }

        foreach (var header in metadata.OfType<ResponseHeaderAttribute>())
        {
            Header(Response(operation, header.Status, ""), header.Name, header.Description, header.Always,
                header.Integer ? JsonSchemaType.Integer : JsonSchemaType.String);
        }

        if (operation.Responses.TryGetValue("401", out var unauthorized) && unauthorized is OpenApiResponse refused)
        {
            Header(refused, "WWW-Authenticate", $"The scheme to authenticate with: {ApiKeyAuthentication.SchemeName}, in the {ApiKeyAuthentication.Header} header.", always: true);
            if (method == HttpMethods.Get && !route.StartsWith("/api/", StringComparison.Ordinal))
            {
                var redirect = Response(operation, StatusCodes.Status302Found, "A browser (Accept: text/html) that has not signed in is sent to the sign-in page.");
                Header(redirect, "Location", "The sign-in page, with this page as its returnUrl.", always: true);
            }
        }

        // Answered before any endpoint runs (NulInAddress; Wolverine's parsing of typed query values): problem JSON, even for a page.
        var invalid = Response(operation, StatusCodes.Status400BadRequest, "The request is not valid: a field or query value, or an address holding a NUL character.");
        invalid.Content ??= new Dictionary<string, OpenApiMediaType>();
        if (!invalid.Content.ContainsKey("application/problem+json"))
        {
            invalid.Content["application/problem+json"] = new OpenApiMediaType
            {
                Schema = Problem(context, nameof(HttpValidationProblemDetails)),
            };
        }

        // CrossSiteRequests refuses a cookie-authenticated unsafe request (no antiforgery token, another origin) before the endpoint runs.
        if (method is not ("GET" or "HEAD") && !route.StartsWith("/sign-in", StringComparison.Ordinal))
        {
            var forbidden = Response(operation, StatusCodes.Status403Forbidden, "Refused: a signed-in browser's request without this server's antiforgery token, or from another origin.");
            forbidden.Content ??= new Dictionary<string, OpenApiMediaType>();
            forbidden.Content.TryAdd("application/problem+json", new OpenApiMediaType
            {
                Schema = Problem(context, nameof(ProblemDetails)),
            });
        }

        // Kestrel's own refusal of a request line longer than it reads, given a problem body by KestrelRefusals.
        var tooLong = Response(operation, StatusCodes.Status414UriTooLong, "The path and query are longer than the server reads.");
        tooLong.Content ??= new Dictionary<string, OpenApiMediaType>();
        tooLong.Content.TryAdd("application/problem+json", new OpenApiMediaType
        {
            Schema = Problem(context, nameof(ProblemDetails)),
        });

        if (route != "/health/live")
        {
            var outage = Response(operation, StatusCodes.Status503ServiceUnavailable, "The database is unavailable; nothing was acknowledged. Send again later.");
            outage.Content ??= new Dictionary<string, OpenApiMediaType>();
            outage.Content["application/problem+json"] = new OpenApiMediaType
            {
                Schema = Problem(context, nameof(ProblemDetails)),
            };
            Header(outage, "Retry-After", "Seconds to wait before sending again, when the database is the cause.", always: false, JsonSchemaType.Integer);
        }

        if (metadata.OfType<HttpChain>().FirstOrDefault()?.Method.HandlerType.Namespace == typeof(HttpCommands).Namespace)
        {
            foreach (var (status, response) in operation.Responses.Where(r => r.Key is not ("401" or "403" or "409" or "413" or "503")))
            {
                if (response is OpenApiResponse answer)
                {
                    Header(answer, HttpCommands.ReplayedHeader, $"true when this is the stored answer to an earlier request with the same {HttpCommands.IdempotencyKeyHeader} (status {status} again); nothing was appended this time.", always: false);
                }
            }
        }
    }

    /// <summary>
    /// A reference to the problem component the endpoints' own problem answers already put in the document: generated
    /// here, the schema would be written out in full on every operation, doubling the document the API page must read.
    /// </summary>
    private static OpenApiSchemaReference Problem(OpenApiOperationTransformerContext context, string component) => new(component, context.Document);

    private static OpenApiResponse Response(OpenApiOperation operation, int status, string description)
    {
        var key = status.ToString(CultureInfo.InvariantCulture);
        if (operation.Responses!.TryGetValue(key, out var existing) && existing is OpenApiResponse response)
        {
            return response;
        }

        response = new OpenApiResponse { Description = description.Length > 0 ? description : ReasonPhrases.GetReasonPhrase(status) };
        operation.Responses[key] = response;
        return response;
    }

    private static void Header(OpenApiResponse response, string name, string description, bool always, JsonSchemaType type = JsonSchemaType.String)
    {
        response.Headers ??= new Dictionary<string, IOpenApiHeader>();
        response.Headers[name] = new OpenApiHeader { Description = description, Required = always, Schema = new OpenApiSchema { Type = type } };
    }
}
