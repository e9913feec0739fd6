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

    /// <summary>
    /// A 503 that tells the client when to come back (<c>Retry-After</c>, in seconds) and why, with a stable <c>code</c>.
    /// Written as problem details whatever the request's <c>Accept</c> says: a browser asking for HTML gets the same answer.
    /// </summary>
    public static IResult RetryLater(int retryAfterSeconds, string code, string title, string detail) =>
        new RetryAfter(retryAfterSeconds, Results.Problem(title: title, detail: detail, statusCode: StatusCodes.Status503ServiceUnavailable,
            extensions: new Dictionary<string, object?> { ["code"] = code }));

    private sealed class RetryAfter(int seconds, IResult problem) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return problem.ExecuteAsync(httpContext);
        }
    }
}
