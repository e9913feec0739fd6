using System.Text.Json;
using JasperFx.Events.Daemon;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using NegotiationTracker.Infrastructure.EventStore;
using NegotiationTracker.Projections.Agreements;
using NegotiationTracker.Projections.Negotiations;
using NegotiationTracker.Projections.Parties;
using NegotiationTracker.Projections.Positions;
using NegotiationTracker.Projections.Proposals;
using NegotiationTracker.Projections.Statements;
using NegotiationTracker.Projections.Timeline;

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
        object documents = projection switch
        {
            PartyProfileProjection.ProjectionName => await session.Query<PartyProfile>().OrderBy(d => d.Id).ToListAsync(),
            NegotiationSummaryProjection.ProjectionName => await session.Query<NegotiationSummary>().OrderBy(d => d.Id).ToListAsync(),
            CurrentPositionsProjection.ProjectionName => await session.Query<CurrentPositions>().OrderBy(d => d.Id).ToListAsync(),
            StatementLogProjection.ProjectionName => await session.Query<StatementRecord>().OrderBy(d => d.Id).ToListAsync(),
            StatementIdClaimProjection.ProjectionName => await session.Query<StatementIdClaim>().OrderBy(d => d.Id).ToListAsync(),
            TimelineProjection.ProjectionName => await session.Query<TimelineEntry>().OrderBy(d => d.Id).ToListAsync(),
            PositionHistoryProjection.ProjectionName => await session.Query<PartyPositions>().OrderBy(d => d.Id).ToListAsync(),
            ProposalLineageProjection.ProjectionName => await session.Query<ProposalLineage>().OrderBy(d => d.Id).ToListAsync(),
            AgreementRegisterProjection.ProjectionName => await session.Query<AgreementRecord>().OrderBy(d => d.Id).ToListAsync(),
            _ => throw new ArgumentException($"no snapshot for {projection}", nameof(projection)),
        };
        return JsonSerializer.Serialize(documents);
    }
}
