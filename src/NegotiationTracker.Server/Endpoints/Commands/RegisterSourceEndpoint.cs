using Microsoft.AspNetCore.Mvc;
using NegotiationTracker.Domain.Negotiations;
using Wolverine.Http;

namespace NegotiationTracker.Server.Endpoints.Commands;

public static class RegisterSourceEndpoint
{
    /// <summary>Register a source (an article, a transcript) that statements can cite. Appended to the negotiation's stream by its grain. The body may leave out the ids the path names.</summary>
    [WolverinePost("/api/negotiations/{id}/sources")]
    [Tags("Sources"), EndpointSummary("Register a source (an article, a transcript) that statements can cite")]
    [Consumes(typeof(RegisterSource), "application/json")]
    [ProducesResponseType<CommandAccepted>(StatusCodes.Status200OK)]
    public static Task<IResult> Post(string id, HttpRequest request, CommandBody body, HttpCommands commands) =>
        commands.ReadAndSendAsync<RegisterSource>(request, body, ("negotiationId", id));
}
