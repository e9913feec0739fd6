using Microsoft.AspNetCore.Mvc;
using NegotiationTracker.Domain.Negotiations;
using Wolverine.Http;

namespace NegotiationTracker.Server.Endpoints.Commands;

public static class WithdrawProposalEndpoint
{
    /// <summary>The party that tabled a proposal withdraws it. Appended to the negotiation's stream by its grain. The body may leave out the ids the path names.</summary>
    [WolverinePost("/api/negotiations/{id}/proposals/{proposalId}/withdrawal")]
    [Tags("Proposals"), EndpointSummary("The party that tabled a proposal withdraws it")]
    [Consumes(typeof(WithdrawProposal), "application/json")]
    [ProducesResponseType<CommandAccepted>(StatusCodes.Status200OK)]
    public static Task<IResult> Post(string id, string proposalId, HttpRequest request, CommandBody body, HttpCommands commands) =>
        commands.ReadAndSendAsync<WithdrawProposal>(request, body, ("negotiationId", id), ("proposalId", proposalId));
}
