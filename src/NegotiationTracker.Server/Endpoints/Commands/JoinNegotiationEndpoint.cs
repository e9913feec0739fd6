using Microsoft.AspNetCore.Mvc;
using NegotiationTracker.Domain.Negotiations;
using Wolverine.Http;

namespace NegotiationTracker.Server.Endpoints.Commands;

public static class JoinNegotiationEndpoint
{
    /// <summary>A registered party joins the negotiation in a role. Appended to the negotiation's stream by its grain. The body may leave out the ids the path names.</summary>
    [WolverinePost("/api/negotiations/{id}/parties")]
    [Tags("Negotiations"), EndpointSummary("A registered party joins the negotiation in a role")]
    [Consumes(typeof(JoinNegotiation), "application/json")]
    [ProducesResponseType<CommandAccepted>(StatusCodes.Status200OK)]
    public static Task<IResult> Post(string id, HttpRequest request, CommandBody body, HttpCommands commands) =>
        commands.ReadAndSendAsync<JoinNegotiation>(request, body, ("negotiationId", id));
}
