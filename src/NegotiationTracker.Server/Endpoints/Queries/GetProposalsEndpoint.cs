using Marten;
using Microsoft.AspNetCore.Mvc;
using NegotiationTracker.Projections.Proposals;
using Wolverine.Http;

namespace NegotiationTracker.Server.Endpoints.Queries;

public static class GetProposalsEndpoint
{
    /// <summary>Every proposal with its terms, answers, the proposal it counters and its status; served from the async view as it stands.</summary>
    [WolverineGet("/api/negotiations/{id}/proposals")]
    [Tags("Negotiations"), EndpointSummary("Proposals with their lineage and status (eventually consistent)")]
    [EndpointDescription("An array of proposals in the order tabled: {proposalId, tabledBy, title, tabled, terms[], answers[], counters, status, "
        + "withdrawnReason, agreementId}; counters names the proposal a counter-proposal answers, so chains can be followed. Status: open, "
        + "accepted, rejected, countered, withdrawn or adopted. Built by an async projection, so it can lag the latest events by a moment. "
        + "404 when the negotiation is unknown.")]
    [ProducesResponseType<IReadOnlyList<ProposalLineage>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Get(string id, IQuerySession session, CancellationToken cancellationToken)
    {
        return await ProposalLineages.ForNegotiationAsync(session, id, cancellationToken) is { } proposals ? Results.Ok(proposals) : Problems.NegotiationNotFound(id);
    }
}
