using Microsoft.AspNetCore.Mvc;
using NegotiationTracker.Domain.Negotiations;
using Wolverine.Http;

namespace NegotiationTracker.Server.Endpoints.Commands;

public static class ChangeStatusEndpoint
{
    /// <summary>Change the negotiation's status, with the reason. Appended to the negotiation's stream by its grain. The body may leave out the ids the path names.</summary>
    [WolverinePost("/api/negotiations/{id}/status-changes")]
    [Tags("Negotiations"), EndpointSummary("Change the negotiation's status, with the reason")]
    [Consumes(typeof(ChangeStatus), "application/json")]
    [ProducesResponseType<CommandAccepted>(StatusCodes.Status200OK)]
    public static Task<IResult> Post(string id, HttpRequest request, CommandBody body, HttpCommands commands) =>
        commands.ReadAndSendAsync<ChangeStatus>(request, body, ("negotiationId", id));
}
