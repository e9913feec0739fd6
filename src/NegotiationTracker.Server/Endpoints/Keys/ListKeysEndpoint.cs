using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using NegotiationTracker.Hosting.Access;
using Wolverine.Http;

namespace NegotiationTracker.Server.Endpoints.Keys;

public static class ListKeysEndpoint
{
    [WolverineGet("/api/keys")]
    [Tags("Keys"), EndpointSummary("The API keys issued, revoked ones included (admin)")]
    [ProducesResponseType<KeyView[]>(StatusCodes.Status200OK)]
    public static async Task<KeyView[]> Get(IQuerySession session, CancellationToken cancellationToken) =>
        (await ApiKeys.ListAsync(session, cancellationToken)).Select(KeyView.Of).ToArray();
}
