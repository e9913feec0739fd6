using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using JasperFx;
using Marten;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using NegotiationTracker.Domain.Common;
using NegotiationTracker.Grains;
using NegotiationTracker.Server.Access;

namespace NegotiationTracker.Server.Endpoints.Commands;

/// <summary>
/// Sends a command from an HTTP request to its writer grain: records the authenticated key's holder as <c>recordedBy</c>,
/// passes an <c>If-Match</c> version on as the expected version, and makes an <c>Idempotency-Key</c> retry return the first
/// response without running the command again. Commands also carry the ids of what they create, so a retry without the
/// header appends nothing either; the header adds the first response itself.
/// </summary>
public sealed class HttpCommands(IDocumentStore store, TimeProvider clock, IOptions<JsonOptions> json, IGrainFactory grains)
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public const int MaxIdempotencyKeyLength = 200;

    /// <summary>A claim older than this is taken to belong to a request that died before it completed.</summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(1);

    /// <summary>
    /// What every command endpoint does: reads the command from the body (<see cref="CommandBody"/>, the ids the path names
    /// filled in) and sends it. A body that is not the command is answered with its problem, and nothing is sent.
    /// </summary>
    public Task<IResult> ReadAndSendAsync<T>(HttpRequest request, CommandBody body, params (string Field, string Value)[] fromPath)
        where T : class =>
        ReadAndSendAsync<T>(request, body, _ => null, fromPath);

    /// <param name="check">A refusal of the command read, before any grain is asked (an id that keys the grain), or null.</param>
    public async Task<IResult> ReadAndSendAsync<T>(HttpRequest request, CommandBody body, Func<T, IResult?> check, params (string Field, string Value)[] fromPath)
        where T : class
    {
        var (command, problem) = await body.ReadAsync<T>(request, fromPath);
        if (command is null)
        {
            return problem!;
        }

        return check(command) ?? await SendAsync(request.HttpContext, command);
    }

    /// <summary>Sends the command to the single writer of its stream (found from the command) and answers with the outcome.</summary>
    public async Task<IResult> SendAsync(HttpContext http, object command)
    {
        var stream = Streams.Of(command);
        string? idempotencyKey = null;
        var invalid = ExpectedVersion(http.Request, out var expectedVersion) ?? IdempotencyKey(http.Request, out idempotencyKey);
        if (invalid is not null)
        {
            return invalid;
        }

        var recording = new Recording(ApiKeyAuthentication.RecordedBy(http.User), idempotencyKey ?? http.TraceIdentifier, expectedVersion);
        if (idempotencyKey is null)
        {
            return Respond(CommandOutcome.Of(stream, await grains.ExecuteAsync(command, recording)));
        }

        var id = $"{http.User.FindFirst(ApiKeyAuthentication.KeyIdClaim)?.Value}:{idempotencyKey}";
        var fingerprint = Fingerprint(http.Request, command);
        var claimed = await ClaimAsync(id, fingerprint, http.RequestAborted);
        if (claimed is not null)
        {
            return claimed;
        }

        (int Status, object Body) outcome;
        try
        {
            outcome = CommandOutcome.Of(stream, await grains.ExecuteAsync(command, recording));
        }
        catch
        {
            // Not completed: release the claim, so a retry runs the command (which carries its ids, so it cannot append twice).
            await using var release = store.LightweightSession();
            release.Delete<IdempotentRequest>(id);
            await release.SaveChangesAsync(CancellationToken.None);
            throw;
        }

        var body = JsonSerializer.Serialize(outcome.Body, outcome.Body.GetType(), json.Value.SerializerOptions);
        var contentType = ContentType(outcome.Status);
        await using (var session = store.LightweightSession())
        {
            // A conflict is worth retrying with the same key once the caller has read the stream again: not kept.
            if (outcome.Status == StatusCodes.Status409Conflict)
            {
                session.Delete<IdempotentRequest>(id);
            }
            else
            {
                session.Store(new IdempotentRequest(id, fingerprint, clock.GetUtcNow())
                {
                    Status = outcome.Status, ContentType = contentType, Body = body, CompletedAt = clock.GetUtcNow(),
                });
            }

            await session.SaveChangesAsync(CancellationToken.None);
        }

        return Results.Content(body, contentType, Encoding.UTF8, outcome.Status);
    }

    /// <returns>Null when this request now owns the key; otherwise the response to give instead of running the command.</returns>
    private async Task<IResult?> ClaimAsync(string id, string fingerprint, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 2; attempt++)
        {
            try
            {
                await using var session = store.LightweightSession();
                session.Insert(new IdempotentRequest(id, fingerprint, clock.GetUtcNow()));
                await session.SaveChangesAsync(cancellationToken);
                return null;
            }
            catch (DocumentAlreadyExistsException)
            {
                await using var query = store.QuerySession();
                var earlier = await query.LoadAsync<IdempotentRequest>(id, cancellationToken);
                if (earlier is null)
                {
                    continue; // released between our insert and this read: try to claim it again
                }

                if (earlier.Fingerprint != fingerprint)
                {
                    return Results.Problem(title: "Idempotency-Key reused", statusCode: StatusCodes.Status422UnprocessableEntity,
                        detail: $"this {IdempotencyKeyHeader} was first sent with a different request; use a new key for a new request");
                }

                if (earlier.Status is { } status)
                {
                    return new Replayed(status, earlier.ContentType!, earlier.Body!);
                }

                if (clock.GetUtcNow() - earlier.StartedAt < AbandonedAfter)
                {
                    return Results.Problem(title: "Still in progress", statusCode: StatusCodes.Status409Conflict,
                        detail: $"a request with this {IdempotencyKeyHeader} is still being recorded; retry in a moment for its result");
                }

                // Abandoned by a request that died: take it over.
                await using var takeOver = store.LightweightSession();
                takeOver.Store(new IdempotentRequest(id, fingerprint, clock.GetUtcNow()));
                await takeOver.SaveChangesAsync(cancellationToken);
                return null;
            }
        }

        return Results.Problem(title: "Still in progress", statusCode: StatusCodes.Status409Conflict,
            detail: $"a request with this {IdempotencyKeyHeader} is being recorded; retry in a moment for its result");
    }

    private IResult Respond((int Status, object Body) outcome) =>
        Results.Content(JsonSerializer.Serialize(outcome.Body, outcome.Body.GetType(), json.Value.SerializerOptions), ContentType(outcome.Status), Encoding.UTF8, outcome.Status);

    private static string ContentType(int status) => status < 400 ? "application/json" : "application/problem+json";

    private string Fingerprint(HttpRequest request, object command)
    {
        var text = $"{request.Method} {request.Path}\n{JsonSerializer.Serialize(command, command.GetType(), json.Value.SerializerOptions)}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private static IResult? ExpectedVersion(HttpRequest request, out long? version)
    {
        version = null;
        var header = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }

        if (long.TryParse(header.Trim().Trim('"'), out var parsed) && parsed >= 0)
        {
            version = parsed;
            return null;
        }

        return Invalid("If-Match", $"If-Match '{Shorten(header)}' is not a stream version: send the version a read returned, e.g. \"12\"");
    }

    private static IResult? IdempotencyKey(HttpRequest request, out string? key)
    {
        key = null;
        if (!request.Headers.TryGetValue(IdempotencyKeyHeader, out var values))
        {
            return null;
        }

        var value = values.ToString().Trim().Trim('"');
        if (value.Length is 0 or > MaxIdempotencyKeyLength || value.Any(c => c is < '!' or > '~'))
        {
            return Invalid(IdempotencyKeyHeader, $"{IdempotencyKeyHeader} must be 1 to {MaxIdempotencyKeyLength} visible ASCII characters, e.g. a UUID");
        }

        key = value;
        return null;
    }

    private static IResult Invalid(string field, string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "Invalid header; nothing was appended");

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";

    /// <summary>The first response to an idempotent request, given again, marked as a replay.</summary>
    private sealed class Replayed(int status, string contentType, string body) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers[ReplayedHeader] = "true";
            return Results.Content(body, contentType, Encoding.UTF8, status).ExecuteAsync(httpContext);
        }
    }
}
