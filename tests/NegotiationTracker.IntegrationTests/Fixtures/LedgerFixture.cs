using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;
using NegotiationTracker.Grains;
using NegotiationTracker.Grains.Import;
using NegotiationTracker.Infrastructure.EventStore;
using Orleans.TestingHost;

namespace NegotiationTracker.IntegrationTests.Fixtures;

/// <summary>A real Orleans silo (in-process test cluster) writing to a real PostgreSQL database of its own.</summary>
public sealed class LedgerFixture : IAsyncLifetime
{
    private InProcessTestCluster? cluster;

    public string ConnectionString { get; private set; } = "";

    public InProcessTestCluster Cluster => cluster ?? throw new InvalidOperationException("the cluster is not deployed");

    public IGrainFactory Grains => Cluster.Client;

    public IDocumentStore Store => Cluster.Silos[0].ServiceProvider.GetRequiredService<IDocumentStore>();

    public ImportSeedFile Import => Cluster.Silos[0].ServiceProvider.GetRequiredService<ImportSeedFile>();

    public async Task InitializeAsync()
    {
        ConnectionString = await TestDatabase.CreateAsync();
        var connectionString = ConnectionString;
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddNegotiationStore(connectionString);
            silo.Services.AddNegotiationGrains();
        });
        builder.ConfigureClient(client => client.Services.AddNegotiationContracts());
        cluster = builder.Build();
        await cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        if (cluster is not null)
        {
            await cluster.DisposeAsync();
        }
    }

    /// <summary>Waits until the silo's async daemon has projected every event into the async views.</summary>
    public Task CatchUpAsync() => Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromMinutes(2));

    /// <summary>Every event in the store, in global order: what replaying the store would see.</summary>
    public async Task<IReadOnlyList<JasperFx.Events.IEvent>> AllEventsAsync()
    {
        await using var session = Store.QuerySession();
        return await session.Events.QueryAllRawEvents().OrderBy(e => e.Sequence).ToListAsync();
    }
}
