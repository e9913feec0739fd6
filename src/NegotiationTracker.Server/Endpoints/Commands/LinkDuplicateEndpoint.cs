using Microsoft.AspNetCore.Mvc;
using Marten;
using NegotiationTracker.Domain.Parties;
using Wolverine.Http;

namespace NegotiationTracker.Server.Endpoints.Commands;

public static class LinkDuplicateEndpoint
{
    /// <summary>Mark a statement as a duplicate of another. A correction never erases: it is appended to the stream of the party that made the statement, found from the statement id.</summary>
    [WolverinePost("/api/negotiations/{id}/statements/{statementId}/duplicate-links")]
    [Tags("Corrections"), EndpointSummary("Mark a statement as a duplicate of another")]
    [Consumes(typeof(LinkDuplicate), "application/json")]
    [ProducesResponseType<CommandAccepted>(StatusCodes.Status200OK)]
    public static async Task<IResult> Post(string id, string statementId, HttpRequest request, IQuerySession session, CommandBody body, HttpCommands commands)
    {
        var (partyId, unknown) = await PathIds.PartyOfStatementAsync(session, id, statementId, request.HttpContext.RequestAborted);
        if (unknown is not null)
        {
            return unknown;
        }

        return await commands.ReadAndSendAsync<LinkDuplicate>(request, body, ("negotiationId", id), ("statementId", statementId), ("partyId", partyId!));
    }
}
