using Microsoft.AspNetCore.Mvc;
using NegotiationTracker.Grains;
using NegotiationTracker.Grains.Import;
using NegotiationTracker.SeedFiles;
using NegotiationTracker.Server.Access;
using Wolverine.Http;

namespace NegotiationTracker.Server.Endpoints;

public static class ImportSeedFileEndpoint
{
    private static readonly string[] MediaTypes = ["text/yaml", "application/yaml", "application/x-yaml", "text/x-yaml", "text/plain"];

    /// <summary>
    /// Imports a seed file (the body, YAML) through the grains, as <c>negotiation import</c> does: the whole file is checked
    /// first, so a rejected file appends nothing (422, with file:line: message errors); a re-import appends nothing.
    /// <c>?name=</c> names the file in error messages.
    /// </summary>
    [WolverinePost("/api/imports")]
    // Above the 1 MiB every other endpoint takes. The endpoint answers anything over 10 MiB with a 413 of its own; Kestrel's cap,
    // twice that, only cuts off a client that keeps sending.
    [RequestSizeLimit(2 * NegotiationServer.MaxImportBytes)]
    [Tags("Imports"), EndpointSummary("Import a seed file (YAML body) through the grains")]
    [EndpointDescription("The body is a seed file as text/yaml (or application/yaml, application/x-yaml, text/x-yaml, text/plain), at most 10 MiB; "
        + "name= names it in error messages. 200 {negotiationId, steps, eventsAppended}, 0 appended on a re-import; 422 with errors: "
        + "[\"file:line: message\"] when rejected, nothing appended; 413 too large; 415 another media type.")]
    [ProducesResponseType<ImportResult>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status413PayloadTooLarge, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status415UnsupportedMediaType, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public static async Task<IResult> Post(HttpRequest request, string? name, ImportSeedFile import, CancellationToken cancellationToken)
    {
        var mediaType = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (mediaType is null || !MediaTypes.Contains(mediaType))
        {
            return Results.Problem(title: "Unsupported media type", detail: $"send the seed file as {string.Join(" or ", MediaTypes)}",
                statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        if (request.ContentLength > NegotiationServer.MaxImportBytes)
        {
            return TooLarge();
        }

        var bytes = await ReadAsync(request.Body, cancellationToken);
        if (bytes is null)
        {
            return TooLarge();
        }

        try
        {
            var seed = SeedFileReader.Parse(string.IsNullOrWhiteSpace(name) ? "request" : name, bytes);
            // Every event the file appends is recorded as appended by the key's holder.
            var result = await import.ImportAsync(seed, Recording.By(ApiKeyAuthentication.RecordedBy(request.HttpContext.User)), cancellationToken: cancellationToken);
            return Results.Ok(new { negotiationId = result.NegotiationId, steps = result.Steps, eventsAppended = result.EventsAppended });
        }
        catch (SeedFileRejected e)
        {
            return Results.Problem(title: "The seed file was rejected; nothing was appended", detail: e.Errors.Count == 1 ? e.Errors[0].ToString() : $"{e.Errors.Count} errors",
                statusCode: StatusCodes.Status422UnprocessableEntity,
                extensions: new Dictionary<string, object?> { ["errors"] = e.Errors.Select(error => error.ToString()).ToArray() });
        }
    }

    private static IResult TooLarge() => Results.Problem(title: "Seed file too large", detail: $"the limit is {NegotiationServer.MaxImportBytes:N0} bytes",
        statusCode: StatusCodes.Status413PayloadTooLarge);

    /// <returns>
    /// The body's bytes, or null when it is longer than the limit (a chunked body has no Content-Length). Decoded by the
    /// reader, which refuses bytes that are not UTF-8 instead of turning them into U+FFFD.
    /// </returns>
    private static async Task<byte[]?> ReadAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > NegotiationServer.MaxImportBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
