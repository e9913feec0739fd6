using Microsoft.AspNetCore.Mvc;
using NegotiationTracker.Domain.Negotiations;
using Wolverine.Http;

namespace NegotiationTracker.Server.Endpoints.Commands;

public static class AddIssueEndpoint
{
    /// <summary>Add an issue to a negotiation. Appended to the negotiation's stream by its grain. The body may leave out the ids the path names.</summary>
    [WolverinePost("/api/negotiations/{id}/issues")]
    [Tags("Negotiations"), EndpointSummary("Add an issue to a negotiation")]
    [Consumes(typeof(AddIssue), "application/json")]
    [ProducesResponseType<CommandAccepted>(StatusCodes.Status200OK)]
    public static Task<IResult> Post(string id, HttpRequest request, CommandBody body, HttpCommands commands) =>
        commands.ReadAndSendAsync<AddIssue>(request, body, ("negotiationId", id));
}
