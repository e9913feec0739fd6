using Microsoft.AspNetCore.Http;

namespace NegotiationTracker.Server.Endpoints;

internal static class Problems
{
    public static IResult NegotiationNotFound(string id) =>
        Results.Problem(title: "Negotiation not found", detail: $"negotiation {id} is not in the ledger", statusCode: StatusCodes.Status404NotFound);
}
