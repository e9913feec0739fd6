using NegotiationTracker.Hosting.Postgres;
using Npgsql;

namespace NegotiationTracker.Hosting.Tests.Postgres;

public sealed class when_a_connection_string_is_given
{
    [Fact]
    public async Task it_is_used_as_is_without_starting_a_cluster()
    {
        const string given = "Host=db.example;Database=ledger";
        var unusedFolder = Path.Combine("/tmp", $"negotiation-tracker-test-{Guid.NewGuid():N}", "pg");

        var resolved = await DatabaseLocation.ResolveAsync(given, unusedFolder);

        resolved.ShouldBe(given);
        Directory.Exists(unusedFolder).ShouldBeFalse();
    }
}

public sealed class when_no_connection_string_is_given : IAsyncLifetime
{
    private readonly ScratchClusters scratch = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => scratch.DisposeAsync().AsTask();

    [Fact]
    public async Task it_provisions_the_embedded_cluster_and_its_database()
    {
        // NEGOTIATION_TRACKER_DB in the environment would rightly win over the embedded cluster.
        if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(DatabaseLocation.DatabaseVariable)))
        {
            return;
        }

        var resolved = await DatabaseLocation.ResolveAsync(null, scratch.DataDirectory);
        var cluster = await scratch.StartAsync();

        new NpgsqlConnectionStringBuilder(resolved).Port.ShouldBe(cluster.Port);
        (await ScratchClusters.ScalarAsync(resolved, "select current_database()")).ShouldBe("negotiation_tracker");
    }
}
