using Microsoft.AspNetCore.Mvc;
using NegotiationTracker.Domain.Negotiations;
using Wolverine.Http;

namespace NegotiationTracker.Server.Endpoints.Commands;

public static class SignAgreementEndpoint
{
    /// <summary>A party signs an agreement. Appended to the negotiation's stream by its grain. The body may leave out the ids the path names.</summary>
    [WolverinePost("/api/negotiations/{id}/agreements/{agreementId}/signatures")]
    [Tags("Agreements"), EndpointSummary("A party signs an agreement")]
    [Consumes(typeof(SignAgreement), "application/json")]
    [ProducesResponseType<CommandAccepted>(StatusCodes.Status200OK)]
    public static Task<IResult> Post(string id, string agreementId, HttpRequest request, CommandBody body, HttpCommands commands) =>
        commands.ReadAndSendAsync<SignAgreement>(request, body, ("negotiationId", id), ("agreementId", agreementId));
}
