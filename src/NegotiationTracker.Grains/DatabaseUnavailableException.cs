using Npgsql;

namespace NegotiationTracker.Grains;

/// <summary>
/// PostgreSQL could not be reached, went away, or did not answer in time. Nothing was acknowledged: an append that failed
/// this way is either not stored, or (when the connection broke during the commit) stored, in which case sending the
/// command again appends nothing, because every command carries the ids of what it creates.
/// Thrown by the grains in place of Npgsql's and Marten's exceptions, so that it crosses a grain call as a type every
/// caller knows (an Orleans contract) rather than whatever Orleans makes of a driver's exception.
/// </summary>
[GenerateSerializer, Alias("NegotiationTracker.DatabaseUnavailableException")]
public sealed class DatabaseUnavailableException : Exception
{
    public DatabaseUnavailableException()
        : base("the database is unavailable")
    {
    }

    public DatabaseUnavailableException(string message)
        : base(message)
    {
    }

    public DatabaseUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// Whether <paramref name="e"/> (or anything it wraps: Marten, Orleans and the group commit wrap) says the database is
    /// down, unreachable, shutting down, out of connections or space, or too slow (a statement or lock timeout), rather
    /// than that the command itself is wrong.
    /// </summary>
    public static bool Explains(Exception e) => Cause(e) is not null;

    /// <summary>The first exception in the chain, from the outside in, that shows an outage (for the grains' own, what it wraps), or null when none does.</summary>
    public static Exception? Cause(Exception e)
    {
        // Depth-limited: exception chains are short, and a cycle must not hang an error handler.
        var pending = new Stack<(Exception Exception, int Depth)>([(e, 0)]);
        while (pending.TryPop(out var item))
        {
            var (current, depth) = item;
            if (IsOutage(current))
            {
                return current is DatabaseUnavailableException { InnerException: { } inner } ? inner : current;
            }

            if (depth >= 8)
            {
                continue;
            }

            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    pending.Push((inner, depth + 1));
                }
            }
            else if (current.InnerException is { } inner)
            {
                pending.Push((inner, depth + 1));
            }
        }

        return null;
    }

    /// <summary>The grains' own exception for an outage found in <paramref name="e"/>, or null when it is not one.</summary>
    public static DatabaseUnavailableException? From(Exception e) => e switch
    {
        DatabaseUnavailableException already => already,
        _ when Cause(e) is { } cause => new DatabaseUnavailableException($"the database is unavailable: {OneLine(cause.Message)}; nothing was acknowledged, send the command again later"),
        _ => null,
    };

    private static bool IsOutage(Exception e) => e switch
    {
        DatabaseUnavailableException => true,
        PostgresException postgres => IsOutage(postgres.SqlState),
        // Not a PostgresException: the driver lost or never had a connection (refused, reset, timed out, end of stream).
        NpgsqlException => true,
        System.Net.Sockets.SocketException => true,
        _ => false,
    };

    // https://www.postgresql.org/docs/15/errcodes-appendix.html
    private static bool IsOutage(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal) // connection exception
        || sqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow
        // statement_timeout (or a cancel) and lock_timeout: the database did not answer in time
        or PostgresErrorCodes.QueryCanceled or PostgresErrorCodes.LockNotAvailable
        // disk full, out of memory, too many connections
        or PostgresErrorCodes.DiskFull or PostgresErrorCodes.OutOfMemory or PostgresErrorCodes.TooManyConnections or PostgresErrorCodes.InsufficientResources;

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
