using NegotiationTracker.Hosting.Postgres;
using Npgsql;

namespace NegotiationTracker.Hosting.Tests.Postgres;

// One fresh folder per test under /tmp (always traversable by the postgres user, unlike a TMPDIR under /root),
// with every cluster started in it stopped and the folder removed when the test ends.
public sealed class ScratchClusters : IAsyncDisposable
{
    private readonly List<EmbeddedPostgres> started = [];
    private readonly List<string> foldersToRemove = [];

    public ScratchClusters()
    {
        Folder = Path.Combine("/tmp", $"negotiation-tracker-test-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Folder);
        foldersToRemove.Add(Folder);
    }

    public string Folder { get; }

    public string DataDirectory => Path.Combine(Folder, "home", "pg");

    public static bool RunningAsRoot => Environment.IsPrivilegedProcess || Environment.UserName == "root";

    public async Task<EmbeddedPostgres> StartAsync(string? dataDirectory = null, Action<string>? note = null)
    {
        var cluster = await EmbeddedPostgres.StartAsync(dataDirectory ?? DataDirectory, note);
        Track(cluster);
        return cluster;
    }

    public void Track(EmbeddedPostgres cluster)
    {
        lock (started)
        {
            started.Add(cluster);
        }
    }

    public void RemoveAfterwards(string folder) => foldersToRemove.Add(folder);

    public static async Task<object?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    public async ValueTask DisposeAsync()
    {
        // Stop each folder's cluster once; StopAsync on an already stopped cluster is harmless anyway.
        foreach (var cluster in started.DistinctBy(cluster => cluster.DataDirectory))
        {
            await cluster.StopAsync();
        }

        foreach (var folder in foldersToRemove.Where(Directory.Exists))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
