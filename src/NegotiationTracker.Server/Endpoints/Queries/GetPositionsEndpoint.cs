using Marten;
using Microsoft.AspNetCore.Mvc;
using NegotiationTracker.Projections.Positions;
using Wolverine.Http;

namespace NegotiationTracker.Server.Endpoints.Queries;

public static class GetPositionsEndpoint
{
    /// <summary>
    /// How each party's stance on each issue developed: the position histories the report's positions matrix is drawn from.
    /// Served from the async view as it stands.
    /// </summary>
    [WolverineGet("/api/negotiations/{id}/positions")]
    [Tags("Negotiations"), EndpointSummary("Position history per party and issue (eventually consistent)")]
    [EndpointDescription("An array of {id, negotiationId, partyId, issueId, evidence[{statementId, stance, kind, said, sequence, speakerId, contested, credibility}], "
        + "periods[{stance, since, statementIds, shiftedFrom, isShift}], current (the last period)}, "
        + "by issue then party; party= keeps one party's (empty when it took no stance), issue= those on one issue (empty when no party took a stance on it). Each piece of evidence is marked contested when its "
        + "speaker denied it; excludeContested=true leaves those out, minCredibility=N (1–6) those graded less credible than N. Built by an async projection, so it can lag the latest "
        + "events by a moment. 404 when the negotiation is unknown.")]
    [ProducesResponseType<IReadOnlyList<PositionHistory>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Get(string id, string? party, string? issue, bool? excludeContested, int? minCredibility, IQuerySession session, CancellationToken cancellationToken)
    {
        var query = new QueryValues();
        var evidence = query.Evidence(excludeContested, minCredibility);
        if (query.Problem is { } problem)
        {
            return problem;
        }

        var histories = await PositionHistories.QueryAsync(session, id, QueryValues.Filter(party), QueryValues.Filter(issue), evidence, cancellationToken);
        return histories is null ? Problems.NegotiationNotFound(id) : Results.Ok(histories);
    }
}
