using Marten;
using Microsoft.AspNetCore.Mvc;
using NegotiationTracker.Projections.Negotiations;
using NegotiationTracker.Replay;
using Wolverine.Http;

namespace NegotiationTracker.Server.Endpoints.Queries;

public static class GetNegotiationEndpoint
{
    /// <summary>
    /// The negotiation's state, the same document as <c>negotiation state ID --format json</c>; with <c>asOf</c> and/or
    /// <c>knownAt</c>, replayed from the event store as <c>state --as-of D --known-at T</c>.
    /// </summary>
    [WolverineGet("/api/negotiations/{id}")]
    [Tags("Negotiations"), EndpointSummary("The state of a negotiation, now or replayed to a moment")]
    [EndpointDescription("asOf: what had happened by the end of this partial date (2024, 2024-09, 2024-09-27 or an instant); knownAt: what had been "
        + "recorded by this moment (a date means by its end). Either or both; without them, the live view. excludeContested=true leaves statements "
        + "denied by their speaker out of the positions, minCredibility=N (1–6) those graded less credible than N; either replays the positions "
        + "from the event store. 404 when the negotiation is unknown, "
        + "or had not been opened by then.")]
    [ProducesResponseType<NegotiationState>(StatusCodes.Status200OK)]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Get(string id, string? asOf, string? knownAt, bool? excludeContested, int? minCredibility, IQuerySession session, CancellationToken cancellationToken)
    {
        var query = new QueryValues();
        var (happened, known) = (query.Date(nameof(asOf), asOf), query.Date(nameof(knownAt), knownAt));
        var evidence = query.Evidence(excludeContested, minCredibility);
        if (query.Problem is { } problem)
        {
            return problem;
        }

        return await NegotiationStates.AtAsync(session, id, happened, known, evidence, cancellationToken) switch
        {
            null => Problems.NegotiationNotFound(id),
            { State: { } state } => Results.Ok(state),
            { } notOpened => Results.Problem(title: "Negotiation not opened yet", detail: notOpened.NotOpened, statusCode: StatusCodes.Status404NotFound),
        };
    }
}
