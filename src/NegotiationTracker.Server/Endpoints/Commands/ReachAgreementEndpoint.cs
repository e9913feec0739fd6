using Microsoft.AspNetCore.Mvc;
using NegotiationTracker.Domain.Negotiations;
using Wolverine.Http;

namespace NegotiationTracker.Server.Endpoints.Commands;

public static class ReachAgreementEndpoint
{
    /// <summary>Record an agreement reached between parties. Appended to the negotiation's stream by its grain. The body may leave out the ids the path names.</summary>
    [WolverinePost("/api/negotiations/{id}/agreements")]
    [Tags("Agreements"), EndpointSummary("Record an agreement reached between parties")]
    [Consumes(typeof(ReachAgreement), "application/json")]
    [ProducesResponseType<CommandAccepted>(StatusCodes.Status200OK)]
    public static Task<IResult> Post(string id, HttpRequest request, CommandBody body, HttpCommands commands) =>
        commands.ReadAndSendAsync<ReachAgreement>(request, body, ("negotiationId", id));
}
