using Microsoft.AspNetCore.Http.Metadata;
using Wolverine.Http;

namespace NegotiationTracker.Server.Endpoints;

/// <summary>
/// Wolverine declares a 200 <c>application/json</c> body of type <see cref="IResult"/> for an endpoint that returns one,
/// which documents a schema named IResult that no response has. The endpoints declare what they really answer.
/// </summary>
public static class ResultPlaceholders
{
    public static void Remove(HttpChain chain) => chain.Metadata.Finally(endpoint =>
    {
        foreach (var placeholder in endpoint.Metadata.OfType<IProducesResponseTypeMetadata>().Where(m => m.Type is { } type && typeof(IResult).IsAssignableFrom(type)).ToList())
        {
            endpoint.Metadata.Remove(placeholder);
        }
    });
}
