using Microsoft.AspNetCore.Mvc;
using NegotiationTracker.Domain.Parties;
using Wolverine.Http;

namespace NegotiationTracker.Server.Endpoints.Commands;

public static class MakeStatementEndpoint
{
    /// <summary>Record a statement: who said it (the party in the body, and the speaker), on which issues, with what stance, when and according to which source. Appended to the party's stream.</summary>
    [WolverinePost("/api/negotiations/{id}/statements")]
    [Tags("Statements"), EndpointSummary("Record a statement")]
    [Consumes(typeof(MakeStatement), "application/json")]
    [ProducesResponseType<CommandAccepted>(StatusCodes.Status200OK)]
    public static Task<IResult> Post(string id, HttpRequest request, CommandBody body, HttpCommands commands) =>
        // The grain is keyed by this id, so it is checked before the grain is asked.
        commands.ReadAndSendAsync<MakeStatement>(request, body, command => PathIds.NotASlug("partyId", command.PartyId), ("negotiationId", id));
}
