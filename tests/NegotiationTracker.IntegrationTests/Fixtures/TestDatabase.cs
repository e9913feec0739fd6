using NegotiationTracker.Infrastructure.Postgres;

namespace NegotiationTracker.IntegrationTests.Fixtures;

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

    private static async Task<EmbeddedPostgres> StartAsync()
    {
        // Under /tmp, which the postgres user can always traverse when the tests run as root.
        var folder = Path.Combine("/tmp", $"negotiation-tracker-tests-{Guid.NewGuid():N}");
        var cluster = await EmbeddedPostgres.StartAsync(Path.Combine(folder, "pg"));
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            cluster.StopAsync().GetAwaiter().GetResult();
            Directory.Delete(folder, recursive: true);
        };
        return cluster;
    }
}
