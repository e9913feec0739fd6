using Marten;
using Microsoft.AspNetCore.Mvc;
using NegotiationTracker.Projections.Timeline;
using Wolverine.Http;

namespace NegotiationTracker.Server.Endpoints.Queries;

public static class GetTimelineEndpoint
{
    /// <summary>
    /// Everything that happened, in the order it happened, the same array as <c>negotiation timeline ID --format json</c>.
    /// Served from the async timeline view as it stands: an event recorded a moment ago may not be in it yet, where the CLI
    /// catches up first.
    /// </summary>
    [WolverineGet("/api/negotiations/{id}/timeline")]
    [Tags("Negotiations"), EndpointSummary("The timeline of a negotiation (eventually consistent)")]
    [EndpointDescription("The CLI's timeline --format json: one entry per event, by said date (coarser dates first), then in recorded order. "
        + "Built by an async projection, so it can lag the latest events by a moment. 404 when the negotiation is unknown.")]
    [ProducesResponseType<IReadOnlyList<TimelineEntry>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Get(string id, IQuerySession session, CancellationToken cancellationToken)
    {
        return await NegotiationTimeline.QueryAsync(session, id, cancellationToken) is { } timeline ? Results.Ok(timeline) : Problems.NegotiationNotFound(id);
    }
}
