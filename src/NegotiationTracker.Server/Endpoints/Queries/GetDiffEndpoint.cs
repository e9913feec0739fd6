using Marten;
using Microsoft.AspNetCore.Mvc;
using NegotiationTracker.Replay;
using Wolverine.Http;

namespace NegotiationTracker.Server.Endpoints.Queries;

public static class GetDiffEndpoint
{
    /// <summary>What changed between two moments, as <c>negotiation diff ID --known-at T1 --known-at T2 --format json</c> (or two --as-of).</summary>
    [WolverineGet("/api/negotiations/{id}/diff")]
    [Tags("Audit"), EndpointSummary("What changed in a negotiation between two moments")]
    [EndpointDescription("Give knownAt twice (two moments of recording) or asOf twice (two dates of happening); a single value of the other "
        + "clock applies to both moments. The answer lists statements added, stances shifted, proposals tabled, answered and withdrawn, "
        + "agreements reached and signed, status changes, parties joined and corrections applied, replayed from the event store. "
        + "400 names a bad date or a wrong number of moments; 404 when the negotiation is unknown.")]
    [ProducesResponseType<NegotiationDiff>(StatusCodes.Status200OK)]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Get(string id, string[]? asOf, string[]? knownAt, IQuerySession session, CancellationToken cancellationToken)
    {
        var query = new QueryValues();
        var moments = new DiffMoments(query.Dates(nameof(asOf), asOf), query.Dates(nameof(knownAt), knownAt));
        if (query.Problem is null && !moments.AreTwo)
        {
            query.Reject(moments.AsOf.Count > moments.KnownAt.Count ? nameof(asOf) : nameof(knownAt),
                "give two moments to compare: knownAt twice, or asOf twice (a single value of the other applies to both)");
        }

        if (query.Problem is { } problem)
        {
            return problem;
        }

        return await NegotiationReplay.LoadAsync(session, id, cancellationToken) is { } events
            ? Results.Ok(moments.Between(events))
            : Problems.NegotiationNotFound(id);
    }
}
