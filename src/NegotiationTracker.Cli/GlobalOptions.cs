using System.CommandLine;

namespace NegotiationTracker.Cli;

/// <summary>Where the ledger lives: a PostgreSQL connection string, or the private cluster the program provisions.</summary>
public sealed record GlobalOptions(string? Db, string? DataDirectory)
{
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

    public static GlobalOptions From(ParseResult result) => new(result.GetValue(DbOption), result.GetValue(DataDirectoryOption));
}
