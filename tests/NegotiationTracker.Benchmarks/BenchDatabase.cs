using Npgsql;
using NegotiationTracker.Hosting.Postgres;

namespace NegotiationTracker.Benchmarks;

/// <summary>
/// The one PostgreSQL database every case of a run measures against. By default the program's own private cluster (same
/// folder, same settings, provisioned the same way), in a database of the benchmarks' own so the ledger is never touched.
/// Each case works in schemas named bench_*, dropped and created again when the case starts.
/// </summary>
public sealed class BenchDatabase
{
    public const string DatabaseName = "negotiation_bench";

    private BenchDatabase(string connectionString, string where)
    {
        ConnectionString = connectionString;
        Where = where;
    }

    /// <summary>As the product's hosts would be given it (the embedded cluster's pool of 50 connections).</summary>
    public string ConnectionString { get; }

    /// <summary>Where the run measured, for the report: server, database and the settings that bear on durability and connections; never the password.</summary>
    public string Where { get; private set; }

    public Dictionary<string, string> Settings { get; } = [];

    public static async Task<BenchDatabase> OpenAsync(BenchmarkOptions options, CancellationToken cancellationToken)
    {
        string connectionString;
        string where;
        if (!string.IsNullOrWhiteSpace(options.Db))
        {
            connectionString = options.Db;
            where = "--db";
        }
        else
        {
            var cluster = await EmbeddedPostgres.StartAsync(DataDirectory(options.DataDirectory), note => Console.Error.WriteLine(note), cancellationToken);
            await cluster.EnsureDatabaseAsync(DatabaseName, cancellationToken);
            connectionString = cluster.ConnectionString(DatabaseName);
            where = $"embedded cluster in {cluster.DataDirectory}";
        }

        var database = new BenchDatabase(connectionString, where);
        await database.ReadSettingsAsync(cancellationToken);
        return database;
    }

    /// <summary>The program's default folder (DatabaseLocation keeps its own choice private; this repeats it).</summary>
    private static string DataDirectory(string? option)
    {
        if (!string.IsNullOrWhiteSpace(option))
        {
            return option;
        }

        var home = Environment.GetEnvironmentVariable(DatabaseLocation.HomeVariable);
        return !string.IsNullOrWhiteSpace(home)
            ? Path.Combine(home, "pg")
            : Path.Combine(Directory.GetCurrentDirectory(), ".negotiation-tracker", "pg");
    }

    /// <summary>A pool of its own for a raw or plain-Marten variant, so its connections can be closed when its round ends.</summary>
    public NpgsqlDataSource DataSource(int maxPoolSize)
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString) { MaxPoolSize = maxPoolSize };
        return NpgsqlDataSource.Create(builder.ConnectionString);
    }

    public async Task ResetSchemasAsync(params string[] schemas)
    {
        await using var source = DataSource(1);
        foreach (var schema in schemas)
        {
            await using var drop = source.CreateCommand($"drop schema if exists {schema} cascade; create schema {schema}");
            await drop.ExecuteNonQueryAsync();
        }
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var source = DataSource(1);
        await using var command = source.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    private async Task ReadSettingsAsync(CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        await using var source = DataSource(1);
        await using var command = source.CreateCommand(
            "select current_setting('server_version'), current_setting('max_connections'), current_setting('fsync'), " +
            "current_setting('synchronous_commit'), current_setting('shared_buffers')");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        Settings["server_version"] = reader.GetString(0);
        Settings["max_connections"] = reader.GetString(1);
        Settings["fsync"] = reader.GetString(2);
        Settings["synchronous_commit"] = reader.GetString(3);
        Settings["shared_buffers"] = reader.GetString(4);
        Settings["product_pool"] = builder.MaxPoolSize.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Where = $"{Where}: PostgreSQL {Settings["server_version"]} at {builder.Host}:{builder.Port}/{builder.Database}";
    }
}
