namespace NegotiationTracker.Server.Endpoints.Commands;

/// <summary>
/// A command sent with an <c>Idempotency-Key</c>: claimed (Insert) before the command runs, so two concurrent retries
/// cannot both run it, and completed with the response, which every later retry gets back unchanged.
/// </summary>
/// <param name="Id">The caller's key id and the Idempotency-Key: one client's keys never collide with another's.</param>
/// <param name="Fingerprint">SHA-256 of method, path and body: the same key sent with a different request is refused.</param>
public sealed record IdempotentRequest(string Id, string Fingerprint, DateTimeOffset StartedAt)
{
    public int? Status { get; init; }

    public string? ContentType { get; init; }

    public string? Body { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }
}
