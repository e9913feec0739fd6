using Microsoft.AspNetCore.Mvc;
using NegotiationTracker.Domain.Parties;
using Wolverine.Http;

namespace NegotiationTracker.Server.Endpoints.Commands;

public static class AffiliatePersonEndpoint
{
    /// <summary>Record a person (a minister, an envoy) as one of a party's people, so statements and signatures can name them.</summary>
    [WolverinePost("/api/parties/{partyId}/people")]
    [Tags("Parties"), EndpointSummary("Affiliate a person with a party")]
    [Consumes(typeof(AffiliatePerson), "application/json")]
    [ProducesResponseType<CommandAccepted>(StatusCodes.Status200OK)]
    public static Task<IResult> Post(string partyId, HttpRequest request, CommandBody body, HttpCommands commands) =>
        commands.ReadAndSendAsync<AffiliatePerson>(request, body, ("partyId", partyId));
}
