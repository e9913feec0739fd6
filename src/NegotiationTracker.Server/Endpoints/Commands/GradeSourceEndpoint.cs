using Microsoft.AspNetCore.Mvc;
using NegotiationTracker.Domain.Negotiations;
using Wolverine.Http;

namespace NegotiationTracker.Server.Endpoints.Commands;

public static class GradeSourceEndpoint
{
    /// <summary>Grade a source's reliability on the Admiralty scale (A to F). Appended to the negotiation's stream by its grain. The body may leave out the ids the path names.</summary>
    [WolverinePost("/api/negotiations/{id}/sources/{sourceId}/grades")]
    [Tags("Sources"), EndpointSummary("Grade a source's reliability on the Admiralty scale (A to F)")]
    [Consumes(typeof(GradeSource), "application/json")]
    [ProducesResponseType<CommandAccepted>(StatusCodes.Status200OK)]
    public static Task<IResult> Post(string id, string sourceId, HttpRequest request, CommandBody body, HttpCommands commands) =>
        commands.ReadAndSendAsync<GradeSource>(request, body, ("negotiationId", id), ("sourceId", sourceId));
}
