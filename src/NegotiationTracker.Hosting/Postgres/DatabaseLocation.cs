namespace NegotiationTracker.Hosting.Postgres;

// Decides which PostgreSQL the program talks to: an explicit server when one is named,
// otherwise the private embedded cluster, so a fresh checkout works with no setup.
public static class DatabaseLocation
{
    public const string DatabaseVariable = "NEGOTIATION_TRACKER_DB";
    public const string HomeVariable = "NEGOTIATION_TRACKER_HOME";

    private const string DatabaseName = "negotiation_tracker";

    public static async Task<string> ResolveAsync(
        string? dbOption,
        string? dataDirectoryOption,
        Action<string>? note = null,
        CancellationToken ct = default)
    {
        if (!string.IsNullOrWhiteSpace(dbOption))
        {
            return dbOption;
        }

        var fromEnvironment = Environment.GetEnvironmentVariable(DatabaseVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return fromEnvironment;
        }

        var cluster = await EmbeddedPostgres.StartAsync(DataDirectory(dataDirectoryOption), note, ct).ConfigureAwait(false);
        await cluster.EnsureDatabaseAsync(DatabaseName, ct).ConfigureAwait(false);
        return cluster.ConnectionString(DatabaseName);
    }

    private static string DataDirectory(string? dataDirectoryOption)
    {
        if (!string.IsNullOrWhiteSpace(dataDirectoryOption))
        {
            return dataDirectoryOption;
        }

        var home = Environment.GetEnvironmentVariable(HomeVariable);
        return !string.IsNullOrWhiteSpace(home)
            ? Path.Combine(home, "pg")
            : Path.Combine(Directory.GetCurrentDirectory(), ".negotiation-tracker", "pg");
    }
}
