using NegotiationTracker.Grains;
using NegotiationTracker.Domain.Parties;
using Marten;
using NegotiationTracker.Domain.Common;

namespace NegotiationTracker.Server.Endpoints.Commands;

internal static class PathIds
{
    /// <summary>A writer grain is keyed by the id, so the id must be a slug before a grain is asked.</summary>
    public static IResult? NotASlug(string field, string? id) =>
        Validate.Slug(field, id) is { } rejection
            ? Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [rejection.Message] }, title: "Invalid request; nothing was appended")
            : null;

    /// <summary>
    /// The party whose stream holds a statement, from the inline statement-id claims: corrections are appended to the
    /// stream of the party that made the statement, and the caller need not repeat which party that was.
    /// </summary>
    public static async Task<(string? PartyId, IResult? Problem)> PartyOfStatementAsync(IQuerySession session, string negotiationId, string statementId,
        CancellationToken cancellationToken)
    {
        if ((NotASlug("negotiationId", negotiationId) ?? NotASlug("statementId", statementId)) is { } invalid)
        {
            return (null, invalid);
        }

        var claim = await session.LoadAsync<StatementIdClaim>(Party.StatementKey(negotiationId, statementId), cancellationToken);
        return claim is null
            ? (null, Results.Problem(title: "Not found; nothing was appended", detail: $"statement {statementId} is not recorded in negotiation {negotiationId}",
                statusCode: StatusCodes.Status404NotFound))
            : (claim.PartyId, null);
    }
}
