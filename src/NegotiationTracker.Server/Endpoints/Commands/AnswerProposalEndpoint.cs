using Microsoft.AspNetCore.Mvc;
using NegotiationTracker.Domain.Parties;
using Wolverine.Http;

namespace NegotiationTracker.Server.Endpoints.Commands;

public static class AnswerProposalEndpoint
{
    /// <summary>A party (in the body) accepts, rejects or counters a proposal. Appended to the answering party's stream.</summary>
    [WolverinePost("/api/negotiations/{id}/proposals/{proposalId}/answers")]
    [Tags("Proposals"), EndpointSummary("A party answers a proposal")]
    [Consumes(typeof(AnswerProposal), "application/json")]
    [ProducesResponseType<CommandAccepted>(StatusCodes.Status200OK)]
    public static Task<IResult> Post(string id, string proposalId, HttpRequest request, CommandBody body, HttpCommands commands) =>
        // The grain is keyed by this id, so it is checked before the grain is asked.
        commands.ReadAndSendAsync<AnswerProposal>(request, body, command => PathIds.NotASlug("partyId", command.PartyId), ("negotiationId", id), ("proposalId", proposalId));
}
