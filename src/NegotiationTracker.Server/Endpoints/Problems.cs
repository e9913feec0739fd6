using Microsoft.AspNetCore.Http;

namespace NegotiationTracker.Server.Endpoints;

internal static class Problems
{
    public static IResult NegotiationNotFound(string id) =>
        Results.Problem(title: "Negotiation not found", detail: $"negotiation {id} is not in the ledger", statusCode: StatusCodes.Status404NotFound);

    public static IResult PartyNotFound(string id) =>
        Results.Problem(title: "Party not found", detail: $"party {id} is not in the ledger", statusCode: StatusCodes.Status404NotFound);

    public static IResult StatementNotFound(string detail) =>
        Results.Problem(title: "Statement not found", detail: detail, statusCode: StatusCodes.Status404NotFound);

    /// <summary>A 400 naming each query value that is wrong, as <c>errors: {field: [message]}</c>.</summary>
    public static IResult Invalid(IDictionary<string, string[]> errors) =>
        Results.ValidationProblem(errors, title: "Invalid query values", statusCode: StatusCodes.Status400BadRequest);

    public static IResult Invalid(string field, string message) => Invalid(new Dictionary<string, string[]> { [field] = [message] });
}
