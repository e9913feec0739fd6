using Marten;
using Microsoft.AspNetCore.Mvc;
using NegotiationTracker.Projections.Agreements;
using Wolverine.Http;

namespace NegotiationTracker.Server.Endpoints.Queries;

public static class GetAgreementsEndpoint
{
    /// <summary>The agreement register: terms, parties, who signed for each and when; served from the async view as it stands.</summary>
    [WolverineGet("/api/negotiations/{id}/agreements")]
    [Tags("Negotiations"), EndpointSummary("The agreement register of a negotiation (eventually consistent)")]
    [EndpointDescription("An array of {agreementId, title, proposalId, reached, terms[], partyIds[], signatures[{party, signatory, said, recordedAt}], "
        + "status (reached, partly-signed, signed)}. Built by an async projection, so it can lag the latest events by a moment. "
        + "404 when the negotiation is unknown.")]
    [ProducesResponseType<IReadOnlyList<AgreementRecord>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Get(string id, IQuerySession session, CancellationToken cancellationToken)
    {
        return await AgreementRegister.ForNegotiationAsync(session, id, cancellationToken) is { } agreements ? Results.Ok(agreements) : Problems.NegotiationNotFound(id);
    }
}
