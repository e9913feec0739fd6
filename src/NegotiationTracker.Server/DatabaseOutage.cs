using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using NegotiationTracker.Grains;

namespace NegotiationTracker.Server;

/// <summary>
/// The answer while PostgreSQL is unavailable: 503 with <c>Retry-After</c> and a problem body saying that nothing was
/// acknowledged. The server keeps running; Npgsql opens fresh connections once the database is back, so the same process
/// serves again without a restart.
/// </summary>
public static class DatabaseOutage
{
    /// <summary>Seconds a client should wait before sending again: about what a PostgreSQL restart and recovery take.</summary>
    public const int RetryAfterSeconds = 5;

    public const string Code = "database-unavailable";

    public static void Describe(ProblemDetailsContext context)
    {
        if (context.ProblemDetails.Status != StatusCodes.Status503ServiceUnavailable
            || context.Exception is not { } exception
            || !DatabaseUnavailableException.Explains(exception))
        {
            return;
        }

        context.HttpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.ProblemDetails.Title = "The database is unavailable; nothing was acknowledged";
        // The driver's own words can name hosts and ports; they go to the log, the client gets what to do.
        context.ProblemDetails.Detail = $"PostgreSQL could not be reached or did not answer in time. A command that got this answer was not acknowledged: send it again after {RetryAfterSeconds} s (its ids make a retry append nothing if it was stored after all).";
        context.ProblemDetails.Extensions["code"] = Code;
    }
}
