using Marten;
using Microsoft.AspNetCore.Mvc;
using NegotiationTracker.Projections.Negotiations;
using NegotiationTracker.Replay;
using Wolverine.Http;

namespace NegotiationTracker.Server.Endpoints.Queries;

/// <summary>
/// Everything the event store holds about one statement, as <c>negotiation audit statement ID [--negotiation N] --format json</c>:
/// the original, every report, correction, amendment, grade and link, and its sources' grades, each with recorded-at and -by.
/// </summary>
public static class GetStatementAuditEndpoint
{
    [WolverineGet("/api/statements/{statementId}/audit")]
    [Tags("Audit"), EndpointSummary("The audit of one statement, found by its id")]
    [EndpointDescription("negotiation= says which negotiation's statement is meant; without it, the id must be used in exactly one negotiation "
        + "(400 naming negotiation when several use it). 404 when no negotiation has the statement.")]
    [ProducesResponseType<StatementAudit>(StatusCodes.Status200OK)]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Get(string statementId, string? negotiation, IQuerySession session, CancellationToken cancellationToken)
    {
        var location = await StatementAudit.LocateAsync(session, statementId, QueryValues.Filter(negotiation), cancellationToken);
        return location switch
        {
            { NegotiationId: { } found } => await AuditAsync(session, found, location.StatementId, cancellationToken),
            { UsedIn.Count: 0 } => Problems.StatementNotFound($"no negotiation has a statement {location.StatementId}"),
            _ => Problems.Invalid(nameof(negotiation), $"statement id {location.StatementId} is used in {string.Join(", ", location.UsedIn)}: say which with negotiation="),
        };
    }

    [WolverineGet("/api/negotiations/{id}/statements/{statementId}/audit")]
    [Tags("Audit"), EndpointSummary("The audit of one statement of a negotiation")]
    [EndpointDescription("404 when the negotiation is unknown or has no such statement.")]
    [ProducesResponseType<StatementAudit>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> GetInNegotiation(string id, string statementId, IQuerySession session, CancellationToken cancellationToken)
    {
        return await NegotiationSummary.IfKnownAsync(session, id, _ => AuditAsync(session, id, statementId, cancellationToken), cancellationToken)
            ?? Problems.NegotiationNotFound(id);
    }

    private static async Task<IResult> AuditAsync(IQuerySession session, string negotiationId, string statementId, CancellationToken cancellationToken) =>
        await StatementAudit.LoadAsync(session, negotiationId, statementId, cancellationToken) is { } audit
            ? Results.Ok(audit)
            : Problems.StatementNotFound($"statement {statementId} is not in negotiation {negotiationId}");
}
