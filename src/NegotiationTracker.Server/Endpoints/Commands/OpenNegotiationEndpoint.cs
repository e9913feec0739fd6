using Microsoft.AspNetCore.Mvc;
using NegotiationTracker.Domain.Negotiations;
using Wolverine.Http;

namespace NegotiationTracker.Server.Endpoints.Commands;

public static class OpenNegotiationEndpoint
{
    /// <summary>Open a negotiation: its id, title, opening date and first issues. Opening it again with the same content appends nothing.</summary>
    [WolverinePost("/api/negotiations")]
    [Tags("Negotiations"), EndpointSummary("Open a negotiation")]
    [Consumes(typeof(OpenNegotiation), "application/json")]
    [ProducesResponseType<CommandAccepted>(StatusCodes.Status200OK)]
    public static Task<IResult> Post(HttpRequest request, CommandBody body, HttpCommands commands) =>
        // The grain is keyed by this id, so it is checked before the grain is asked.
        commands.ReadAndSendAsync<OpenNegotiation>(request, body, command => PathIds.NotASlug("negotiationId", command.NegotiationId));
}
