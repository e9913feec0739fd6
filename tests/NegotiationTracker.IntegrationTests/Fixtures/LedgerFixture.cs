using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;
using NegotiationTracker.Grains;
using NegotiationTracker.Grains.Import;
using NegotiationTracker.Hosting.EventStore;
using Orleans.TestingHost;

namespace NegotiationTracker.IntegrationTests.Fixtures;

/// <summary>A real Orleans silo (in-process test cluster) writing to a real PostgreSQL database of its own.</summary>
public class LedgerFixture : IAsyncLifetime
{
    private readonly Action<StoreOptions>? adjustStore;
    private InProcessTestCluster? cluster;

    public LedgerFixture()
    {
    }

    /// <param name="adjustStore">A change to the product's store settings that a test needs (e.g. a daemon setting).</param>
    protected LedgerFixture(Action<StoreOptions> adjustStore) => this.adjustStore = adjustStore;

    public string ConnectionString { get; private set; } = "";

    public InProcessTestCluster Cluster => cluster ?? throw new InvalidOperationException("the cluster is not deployed");

    public IGrainFactory Grains => Cluster.Client;

    public IDocumentStore Store => Cluster.Silos[0].ServiceProvider.GetRequiredService<IDocumentStore>();

    public ImportSeedFile Import => Cluster.Silos[0].ServiceProvider.GetRequiredService<ImportSeedFile>();

    public async Task InitializeAsync()
    {
        ConnectionString = await TestDatabase.CreateAsync();
        var connectionString = ConnectionString;
        var adjust = adjustStore;
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddNegotiationStore(connectionString);
            if (adjust is not null)
            {
                silo.Services.ConfigureMarten(adjust);
            }

            silo.Services.AddNegotiationGrains();
        });
        builder.ConfigureClient(client => client.Services.AddNegotiationContracts());
        cluster = builder.Build();
        await cluster.DeployAsync();
    }

    public virtual async Task DisposeAsync()
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
