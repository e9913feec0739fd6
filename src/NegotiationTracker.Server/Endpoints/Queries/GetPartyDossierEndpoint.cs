using Marten;
using Microsoft.AspNetCore.Mvc;
using NegotiationTracker.Projections.Dossiers;
using Wolverine.Http;

namespace NegotiationTracker.Server.Endpoints.Queries;

public static class GetPartyDossierEndpoint
{
    /// <summary>
    /// Everything one party and its people said and did, across all negotiations, newest first, as
    /// <c>negotiation dossier ID --format json</c>. The entries come from the async timeline view as it stands.
    /// </summary>
    [WolverineGet("/api/parties/{id}")]
    [Tags("Parties"), EndpointSummary("The dossier of a party (eventually consistent)")]
    [EndpointDescription("{party: {id, name, kind, people[]}, entries: [timeline entries, newest first]}; limit (default 200, 1 to 10000) caps the "
        + "entries. The entries are built by an async projection, so they can lag the latest events by a moment. 404 when the party is unknown.")]
    [ProducesResponseType<PartyDossier>(StatusCodes.Status200OK)]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Get(string id, int? limit, IQuerySession session, CancellationToken cancellationToken)
    {
        var query = new QueryValues();
        var entries = query.Number(nameof(limit), limit, PartyDossier.DefaultEntries, 1, PartyDossier.MaxEntries);
        if (query.Problem is { } problem)
        {
            return problem;
        }

        return await PartyDossier.LoadAsync(session, id, entries, cancellationToken) is { } dossier
            ? Results.Ok(dossier)
            : Problems.PartyNotFound(id);
    }
}
