namespace NegotiationTracker.Hosting.Postgres;

// Raised when the private PostgreSQL cluster cannot be found, created or started.
// The message is a single line saying what is wrong and how to fix it, so the CLI can print it as is.
public sealed class PostgresUnavailableException : Exception
{
    public PostgresUnavailableException()
        : base("PostgreSQL is unavailable.")
    {
    }

    public PostgresUnavailableException(string message)
        : base(message)
    {
    }

    public PostgresUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
