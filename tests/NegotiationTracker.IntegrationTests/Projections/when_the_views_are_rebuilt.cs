using JasperFx.Events.Daemon;
using Microsoft.Extensions.DependencyInjection;
using NegotiationTracker.Hosting.EventStore;
using NegotiationTracker.IntegrationTests.Fixtures;

namespace NegotiationTracker.IntegrationTests.Projections;

/// <summary>Every view rebuilt from the events alone must equal the view built live, document for document.</summary>
public sealed class when_the_views_are_rebuilt(ScriptedNegotiationFixture script) : IClassFixture<ScriptedNegotiationFixture>
{
    public static TheoryData<string> Projections => new(NegotiationStore.ProjectionNames);

    [Theory]
    [MemberData(nameof(Projections))]
    public async Task the_rebuilt_view_is_identical_to_the_live_one(string projection)
    {
        var live = await SnapshotAsync(projection);
        live.ShouldNotBe("[]", $"{projection} has no documents to compare");

        var daemon = script.Ledger.Cluster.Silos[0].ServiceProvider.GetRequiredService<IProjectionCoordinator>().DaemonForMainDatabase();
        await daemon.RebuildProjectionAsync(projection, CancellationToken.None);

        (await SnapshotAsync(projection)).ShouldBe(live);
    }

    private async Task<string> SnapshotAsync(string projection)
    {
        await using var session = script.Ledger.Store.QuerySession();
        return await ViewSnapshot.OfAsync(session, projection);
    }
}
