using System.CommandLine;

namespace NegotiationTracker.Cli;

/// <summary>
/// Where the ledger lives: a PostgreSQL connection string, the private cluster the program provisions, or a running server
/// (<see cref="Server"/>), which the commands that read or write then call over HTTP instead of opening a database.
/// </summary>
public sealed record GlobalOptions(string? Db, string? DataDirectory, Uri? Server = null, string? ApiKey = null)
{
    public const string ServerVariable = "NEGOTIATION_TRACKER_SERVER";
    public const string ApiKeyVariable = "NEGOTIATION_TRACKER_API_KEY";

    public static readonly Option<string?> DbOption = new("--db")
    {
        Description = "Npgsql connection string of the PostgreSQL database to use (default: $NEGOTIATION_TRACKER_DB, else a private cluster the program provisions)",
        Recursive = true,
    };

    public static readonly Option<string?> DataDirectoryOption = new("--data-dir")
    {
        Description = "Folder of the private PostgreSQL cluster (default: $NEGOTIATION_TRACKER_HOME/pg, else ./.negotiation-tracker/pg)",
        Recursive = true,
    };

    public static readonly Option<string?> ServerOption = new("--server")
    {
        Description = $"Base URL of a running `negotiation serve`, e.g. http://127.0.0.1:5080: read and write through its API instead of a database (default: ${ServerVariable})",
        Recursive = true,
    };

    public static readonly Option<string?> ApiKeyOption = new("--api-key")
    {
        Description = $"The API key to send to --server (default: ${ApiKeyVariable}, which keeps it out of the process list)",
        Recursive = true,
    };

    /// <exception cref="CommandFailed">--server names no http(s) address, or comes with --db or --data-dir (exit 2).</exception>
    public static GlobalOptions From(ParseResult result)
    {
        var (db, dataDirectory) = (result.GetValue(DbOption), result.GetValue(DataDirectoryOption));
        var databaseGiven = db is not null || dataDirectory is not null;
        var server = result.GetValue(ServerOption);
        if (server is not null && databaseGiven)
        {
            throw new CommandFailed(Terminal.Rejected,
                "--server cannot be combined with --db or --data-dir: a server reads and writes its own database; give one or the other");
        }

        // The command line beats the environment: --db with $NEGOTIATION_TRACKER_SERVER set means that database.
        server ??= databaseGiven ? null : Variable(ServerVariable);
        var apiKey = result.GetValue(ApiKeyOption) ?? Variable(ApiKeyVariable);
        if (apiKey is not null && apiKey.Any(c => c is < '!' or > '~'))
        {
            // A header cannot carry it; and a key never has spaces or line breaks, so it was pasted wrong.
            throw new CommandFailed(Terminal.Rejected, "--api-key: a key is one word of printable ASCII, as `negotiation keys create` prints it");
        }

        return new GlobalOptions(db, dataDirectory, server is null ? null : Address(server), apiKey);
    }

    /// <summary>
    /// For the commands that work on the database itself (keys, checkpoints, projections, serve, demo): a server is refused
    /// rather than ignored, so nobody believes they changed the server's ledger when they changed a local one.
    /// </summary>
    public static GlobalOptions ForDatabase(ParseResult result, string command)
    {
        var options = From(result);
        if (options.Server is not null)
        {
            throw new CommandFailed(Terminal.Rejected,
                $"{command} works on the database itself, not through a server: drop --server (or unset ${ServerVariable}) and give --db or --data-dir");
        }

        return options;
    }

    private static string? Variable(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;

    private static Uri Address(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new CommandFailed(Terminal.Rejected, $"--server '{text}' is not an http:// or https:// address, e.g. http://127.0.0.1:5080");
        }

        // A trailing slash, so the API's paths resolve beneath a server published under a path (https://host/ledger/).
        return new Uri(uri.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/");
    }
}
