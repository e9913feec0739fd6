using NegotiationTracker.Hosting.Postgres;

namespace NegotiationTracker.Testing;

/// <summary>
/// One private PostgreSQL cluster per test run, provisioned the way the program provisions its own, and a fresh database
/// for every test class, so classes run in parallel without seeing each other's events.
/// </summary>
public static class TestDatabase
{
    private static readonly Lazy<Task<EmbeddedPostgres>> Cluster = new(StartAsync);

    public static async Task<string> CreateAsync()
    {
        var cluster = await Cluster.Value;
        var name = $"t_{Guid.NewGuid():N}";
        await cluster.EnsureDatabaseAsync(name);
        return cluster.ConnectionString(name);
    }

    /// <summary>
    /// A cluster of its own, for a test that stops and starts PostgreSQL: stopping the shared one would break every other
    /// test class running beside it. Removed when the test run ends.
    /// </summary>
    public static Task<EmbeddedPostgres> StartPrivateClusterAsync() => StartAsync();

    // Compiled into each test project (linked from tests/Shared): the prefix names the project, so one project's sweep of
    // stale clusters never touches another's.
    private static readonly string FolderPrefix = $"negotiation-tracker-{typeof(TestDatabase).Assembly.GetName().Name!.ToLowerInvariant()}-";

    private static async Task<EmbeddedPostgres> StartAsync()
    {
        // Under /tmp, which the postgres user can always traverse when the tests run as root.
        var folder = Path.Combine("/tmp", $"{FolderPrefix}{Guid.NewGuid():N}");
        RemoveStoppedClustersOfEarlierRuns();
        var cluster = await EmbeddedPostgres.StartAsync(Path.Combine(folder, "pg"));
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            cluster.StopAsync().GetAwaiter().GetResult();
            Directory.Delete(folder, recursive: true);
        };
        return cluster;
    }

    /// <summary>
    /// The test host may be ended before its exit handler has deleted the folder; a later run removes folders whose
    /// cluster is no longer running (no postmaster.pid) and that were left a while ago, and leaves running ones to the run that owns them.
    /// </summary>
    private static void RemoveStoppedClustersOfEarlierRuns()
    {
        foreach (var stale in Directory.EnumerateDirectories("/tmp", FolderPrefix + "*"))
        {
            // The age check keeps a run that is still inside initdb (no postmaster.pid yet) safe from another.
            if (!File.Exists(Path.Combine(stale, "pg", "postmaster.pid")) && Directory.GetLastWriteTimeUtc(stale) < DateTime.UtcNow.AddMinutes(-10))
            {
                try
                {
                    Directory.Delete(stale, recursive: true);
                }
                catch (IOException)
                {
                    // Another run is creating or removing it right now.
                }
                catch (UnauthorizedAccessException)
                {
                    // Not ours to remove.
                }
            }
        }
    }
}
