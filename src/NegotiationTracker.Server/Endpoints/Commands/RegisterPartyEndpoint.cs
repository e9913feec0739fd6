using Microsoft.AspNetCore.Mvc;
using NegotiationTracker.Domain.Parties;
using Wolverine.Http;

namespace NegotiationTracker.Server.Endpoints.Commands;

public static class RegisterPartyEndpoint
{
    /// <summary>Register a party (a government, faction or organisation) before it joins negotiations.</summary>
    [WolverinePost("/api/parties")]
    [Tags("Parties"), EndpointSummary("Register a party")]
    [Consumes(typeof(RegisterParty), "application/json")]
    [ProducesResponseType<CommandAccepted>(StatusCodes.Status200OK)]
    public static Task<IResult> Post(HttpRequest request, CommandBody body, HttpCommands commands) =>
        // The grain is keyed by this id, so it is checked before the grain is asked.
        commands.ReadAndSendAsync<RegisterParty>(request, body, command => PathIds.NotASlug("partyId", command.PartyId));
}
