using Microsoft.AspNetCore.Diagnostics;
using NegotiationTracker.Grains;
using NegotiationTracker.Server.Endpoints;

namespace NegotiationTracker.Server;

/// <summary>
/// The answer while PostgreSQL is unavailable (down, too slow, or out of connections): 503 with <c>Retry-After</c> and a
/// problem body saying that nothing was acknowledged. The server keeps running; Npgsql opens fresh connections once the
/// database is back, so the same process serves again without a restart.
/// </summary>
/// <remarks>
/// An exception handler of its own rather than a customisation of the problem details the exception handler writes: those
/// are written only for a request whose <c>Accept</c> takes JSON, so a browser or <c>curl -H 'Accept: text/html'</c> got a
/// bare 503 with no body and no <c>Retry-After</c>.
/// </remarks>
public sealed class DatabaseOutage : IExceptionHandler
{
    /// <summary>Seconds a client should wait before sending again: about what a PostgreSQL restart and recovery take.</summary>
    public const int RetryAfterSeconds = 5;

    public const string Code = "database-unavailable";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!DatabaseUnavailableException.Explains(exception) || httpContext.Response.HasStarted)
        {
            return false;
        }

        // The driver's own words can name hosts and ports; they go to the log, the client gets what to do.
        await Problems.RetryLater(RetryAfterSeconds, Code, "The database is unavailable; nothing was acknowledged",
                $"PostgreSQL could not be reached or did not answer in time. A command that got this answer was not acknowledged: send it again after {RetryAfterSeconds} s (its ids make a retry append nothing if it was stored after all).")
            .ExecuteAsync(httpContext);
        return true;
    }
}
