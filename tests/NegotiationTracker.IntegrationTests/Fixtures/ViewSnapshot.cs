using NegotiationTracker.Grains;
using System.Text.Json;
using Marten;
using NegotiationTracker.Projections.Agreements;
using NegotiationTracker.Projections.Negotiations;
using NegotiationTracker.Projections.Parties;
using NegotiationTracker.Projections.Positions;
using NegotiationTracker.Projections.Proposals;
using NegotiationTracker.Projections.Statements;
using NegotiationTracker.Projections.Timeline;

namespace NegotiationTracker.IntegrationTests.Fixtures;

/// <summary>One view's documents in id order, as JSON: two snapshots are equal when the views hold the same documents.</summary>
public static class ViewSnapshot
{
    public static async Task<string> OfAsync(IQuerySession session, string projection)
    {
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
