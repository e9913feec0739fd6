using Marten;
using Microsoft.AspNetCore.Mvc;
using NegotiationTracker.Replay;
using Wolverine.Http;

namespace NegotiationTracker.Server.Endpoints.Queries;

public static class GetHistoryEndpoint
{
    /// <summary>Every event of the negotiation in recorded order, read from the event store, as <c>negotiation history ID --format json</c>.</summary>
    [WolverineGet("/api/negotiations/{id}/history")]
    [Tags("Audit"), EndpointSummary("Every event of a negotiation in recorded order")]
    [EndpointDescription("An array of {sequence, stream, version, type, said, recordedAt, recordedBy, correlationId, data}: the negotiation's stream "
        + "and what its members said and answered in it, read from the event store (not a view). 404 when the negotiation is unknown.")]
    [ProducesResponseType<IReadOnlyList<HistoryEntry>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Get(string id, IQuerySession session, CancellationToken cancellationToken) =>
        await NegotiationReplay.LoadAsync(session, id, cancellationToken) is { } events
            ? Results.Ok(events.History())
            : Problems.NegotiationNotFound(id);
}
