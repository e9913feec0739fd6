using Marten;
using Microsoft.AspNetCore.Mvc;
using NegotiationTracker.Hosting.Access;
using NegotiationTracker.Server.Access;
using Wolverine.Http;

namespace NegotiationTracker.Server.Endpoints.Keys;

public static class RevokeKeyEndpoint
{
    /// <summary>Revoke a key (admin): it stops working at once and stays listed. Revoking it again changes nothing.</summary>
    [WolverinePost("/api/keys/{keyId}/revocation")]
    [Tags("Keys"), EndpointSummary("Revoke an API key (admin)")]
    [EndpointDescription("Needs an admin key. The key stops working at once (its browser sessions end too) and stays listed; revoking it again "
        + "changes nothing. 404 when there is no such key.")]
    [ProducesResponseType<KeyView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Post(string keyId, HttpContext http, IDocumentSession session, TimeProvider clock)
    {
        var revoked = await ApiKeys.RevokeAsync(session, keyId, ApiKeyAuthentication.RecordedBy(http.User), clock.GetUtcNow(), http.RequestAborted);
        return revoked is null
            ? Results.Problem(title: "Key not found", detail: $"there is no key {keyId}", statusCode: StatusCodes.Status404NotFound)
            : Results.Ok(KeyView.Of(revoked));
    }
}
