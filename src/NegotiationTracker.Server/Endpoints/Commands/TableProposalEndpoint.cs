using Microsoft.AspNetCore.Mvc;
using NegotiationTracker.Domain.Negotiations;
using Wolverine.Http;

namespace NegotiationTracker.Server.Endpoints.Commands;

public static class TableProposalEndpoint
{
    /// <summary>A party tables a proposal. Appended to the negotiation's stream by its grain. The body may leave out the ids the path names.</summary>
    [WolverinePost("/api/negotiations/{id}/proposals")]
    [Tags("Proposals"), EndpointSummary("A party tables a proposal")]
    [Consumes(typeof(TableProposal), "application/json")]
    [ProducesResponseType<CommandAccepted>(StatusCodes.Status200OK)]
    public static Task<IResult> Post(string id, HttpRequest request, CommandBody body, HttpCommands commands) =>
        commands.ReadAndSendAsync<TableProposal>(request, body, ("negotiationId", id));
}
