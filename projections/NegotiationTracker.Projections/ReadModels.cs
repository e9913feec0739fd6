using JasperFx.Events.Projections;
using Marten;
using NegotiationTracker.Projections.Agreements;
using NegotiationTracker.Projections.Negotiations;
using NegotiationTracker.Projections.Parties;
using NegotiationTracker.Projections.Positions;
using NegotiationTracker.Projections.Proposals;
using NegotiationTracker.Projections.Statements;
using NegotiationTracker.Projections.Timeline;

namespace NegotiationTracker.Projections;

/// <summary>The read side's part of the store: every view, when it is updated (inline or by the daemon), and its indexes.</summary>
public sealed class ReadModels : IConfigureMarten
{
    /// <summary>The views updated in the same transaction as the events: a command reads them right after writing.</summary>
    public static readonly IReadOnlyList<string> InlineNames =
    [
        PartyProfileProjection.ProjectionName,
        NegotiationSummaryProjection.ProjectionName,
        CurrentPositionsProjection.ProjectionName,
        StatementLogProjection.ProjectionName,
    ];

    /// <summary>The views the daemon builds off the write path.</summary>
    public static readonly IReadOnlyList<string> AsyncNames =
    [
        TimelineProjection.ProjectionName,
        PositionHistoryProjection.ProjectionName,
        ProposalLineageProjection.ProjectionName,
        AgreementRegisterProjection.ProjectionName,
    ];

    public void Configure(IServiceProvider services, StoreOptions options) => Apply(options);

    public static void Apply(StoreOptions options)
    {
        options.Projections.Add<PartyProfileProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<NegotiationSummaryProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add(new CurrentPositionsProjection(), ProjectionLifecycle.Inline, CurrentPositionsProjection.ProjectionName,
            projection => projection.DeleteViewTypeOnTeardown<CurrentPositions>());
        options.Projections.Add<StatementLogProjection>(ProjectionLifecycle.Inline);

        // Views written only by Insert (timeline, statement ids) are rebuilt through binary COPY rather than row by row.
        options.Projections.RebuildWithBulkCopy = true;

        // Views no command reads are built asynchronously by the daemon, off the write path.
        options.Projections.Add<TimelineProjection>(ProjectionLifecycle.Async);
        options.Projections.Add<PositionHistoryProjection>(ProjectionLifecycle.Async);
        options.Projections.Add<ProposalLineageProjection>(ProjectionLifecycle.Async);
        options.Projections.Add<AgreementRegisterProjection>(ProjectionLifecycle.Async);

        // The statement log is filtered in the database, never by loading it into memory. Every query names one negotiation,
        // and most a party and a period: two composite indexes serve them, in the order statements are listed. Each index is
        // paid for on every statement recorded, so there is none for the rarer filters (speaker, issue, recorder, source): they
        // read one negotiation's rows through these. A GIN index of the whole document, text included, cost more than the
        // rest together.
        options.Schema.For<StatementRecord>()
            .Index([x => x.NegotiationId, x => x.PartyId, x => x.SaidFrom])
            .Index([x => x.NegotiationId, x => x.SaidFrom])
            // Full-text search (StatementSearch) reads the text, annotations and reports through one GIN index of their words,
            // stemmed in English; the search's expression must stay the index's own for PostgreSQL to use it.
            .FullTextIndex(index =>
            {
                index.RegConfig = StatementSearch.Config;
                index.Name = StatementSearch.IndexName;
            }, x => x.SearchText);
        options.Schema.For<TimelineEntry>()
            .Index(x => x.NegotiationId)
            .Index(x => x.PartyId!)
            .Index(x => x.SaidFrom);
        options.Schema.For<CurrentPositions>();
        options.Schema.For<PartyPositions>().Index(x => x.NegotiationId);
        options.Schema.For<ProposalLineage>().Index(x => x.NegotiationId);
        options.Schema.For<AgreementRecord>().Index(x => x.NegotiationId);

    }
}
