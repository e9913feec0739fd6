using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using NegotiationTracker.Projections.Negotiations;
using Wolverine.Http;

namespace NegotiationTracker.Server.Endpoints;

public static class GetNegotiationEndpoint
{
    /// <summary>The negotiation's state, the same document as <c>negotiation state ID --format json</c>.</summary>
    [WolverineGet("/api/negotiations/{id}")]
    [Tags("Negotiations"), EndpointSummary("The state of a negotiation")]
    [ProducesResponseType<NegotiationState>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Get(string id, IQuerySession session, CancellationToken cancellationToken)
    {
        var state = await NegotiationState.LoadAsync(session, id, cancellationToken);
        return state is null ? Problems.NegotiationNotFound(id) : Results.Ok(state);
    }
}
