using Marten;
using Microsoft.AspNetCore.Mvc;
using NegotiationTracker.Hosting.Access;
using Wolverine.Http;

namespace NegotiationTracker.Server.Endpoints.Keys;

public static class ListKeysEndpoint
{
    [WolverineGet("/api/keys")]
    [Tags("Keys"), EndpointSummary("The API keys issued, revoked ones included (admin)")]
    [EndpointDescription("Needs an admin key. Each key's id, holder, role, when and by whom it was created and, once revoked, when and by "
        + "whom it was revoked; never a secret.")]
    [ProducesResponseType<KeyView[]>(StatusCodes.Status200OK)]
    public static async Task<KeyView[]> Get(IQuerySession session, CancellationToken cancellationToken) =>
        (await ApiKeys.ListAsync(session, cancellationToken)).Select(KeyView.Of).ToArray();
}
