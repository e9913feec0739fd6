using System.Text.Json;
using System.Text.Json.Serialization;
using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using NegotiationTracker.Domain.Negotiations;
using NegotiationTracker.Domain.Parties;
using NegotiationTracker.Infrastructure.Access;
using NegotiationTracker.Infrastructure.Integrity;
using NegotiationTracker.Projections.Agreements;
using NegotiationTracker.Projections.Negotiations;
using NegotiationTracker.Projections.Parties;
using NegotiationTracker.Projections.Positions;
using NegotiationTracker.Projections.Proposals;
using NegotiationTracker.Projections.Statements;
using NegotiationTracker.Projections.Timeline;
using Weasel.Core;

namespace NegotiationTracker.Infrastructure.EventStore;

/// <summary>The one place the event store, its stored names and its projections are configured, for every host and test.</summary>
public static class NegotiationStore
{
    public const string DefaultSchema = "negotiation_tracker";

    /// <summary>The projections updated in the same transaction as the events: a command reads them right after writing.</summary>
    public static readonly IReadOnlySet<string> InlineProjectionNames = new HashSet<string>
    {
        PartyProfileProjection.ProjectionName,
        NegotiationSummaryProjection.ProjectionName,
        CurrentPositionsProjection.ProjectionName,
        StatementLogProjection.ProjectionName,
        StatementIdClaimProjection.ProjectionName,
    };

    /// <summary>Every projection by its stable name (the name its progress is stored under), inline ones first.</summary>
    public static readonly IReadOnlyList<string> ProjectionNames =
    [
        PartyProfileProjection.ProjectionName,
        NegotiationSummaryProjection.ProjectionName,
        CurrentPositionsProjection.ProjectionName,
        StatementLogProjection.ProjectionName,
        StatementIdClaimProjection.ProjectionName,
        TimelineProjection.ProjectionName,
        PositionHistoryProjection.ProjectionName,
        ProposalLineageProjection.ProjectionName,
        AgreementRegisterProjection.ProjectionName,
    ];

    public static void Configure(StoreOptions options, string connectionString, string schema = DefaultSchema)
    {
        options.Connection(connectionString);
        options.DatabaseSchemaName = schema;
        // Vocabulary words are stored as users write them ("principal", "opposes"): the converter with a naming policy goes
        // first, ahead of the one Marten adds for EnumStorage.AsString, which would store "Principal".
        options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase,
            configure: json => json.Converters.Insert(0, new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
        options.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;

        options.Events.StreamIdentity = StreamIdentity.AsString;

        // Rich appends give inline projections each event's version and global sequence, which the statement log records.
        options.Events.AppendMode = EventAppendMode.Rich;
        options.Events.MetadataConfig.CorrelationIdEnabled = true;
        options.Events.MetadataConfig.UserNameEnabled = true;

        // Each event's seal (its hash in its stream's chain) rides in its own row's headers: same insert, same transaction.
        options.Events.MetadataConfig.HeadersEnabled = true;

        MapEventNames(options);

        options.Projections.Add<PartyProfileProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<NegotiationSummaryProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add(new CurrentPositionsProjection(), ProjectionLifecycle.Inline, CurrentPositionsProjection.ProjectionName,
            projection => projection.DeleteViewTypeOnTeardown<CurrentPositions>());
        options.Projections.Add<StatementLogProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<StatementIdClaimProjection>(ProjectionLifecycle.Inline);

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
            .Index([x => x.NegotiationId, x => x.SaidFrom]);
        options.Schema.For<TimelineEntry>()
            .Index(x => x.NegotiationId)
            .Index(x => x.PartyId!)
            .Index(x => x.SaidFrom);
        options.Schema.For<CurrentPositions>();
        options.Schema.For<PartyPositions>().Index(x => x.NegotiationId);
        options.Schema.For<ProposalLineage>().Index(x => x.NegotiationId);
        options.Schema.For<AgreementRecord>().Index(x => x.NegotiationId);

        // Who may use the server; not part of the ledger (keys are revoked, not appended to), but kept beside it.
        options.Schema.For<ApiKey>();
        // Found by key when the key is revoked, so its sessions end with it.
        options.Schema.For<BrowserSession>().Index(x => x.KeyId);
    }

    /// <summary>Stored event names are a contract with every database already written: pinned here, never derived from class names.</summary>
    private static void MapEventNames(StoreOptions options)
    {
        options.Events.MapEventType<NegotiationOpened>("negotiation_opened");
        options.Events.MapEventType<IssueAdded>("issue_added");
        options.Events.MapEventType<SourceRegistered>("source_registered");
        options.Events.MapEventType<PartyJoined>("party_joined");
        options.Events.MapEventType<NegotiationStatusChanged>("negotiation_status_changed");
        options.Events.MapEventType<ProposalTabled>("proposal_tabled");
        options.Events.MapEventType<ProposalWithdrawn>("proposal_withdrawn");
        options.Events.MapEventType<AgreementReached>("agreement_reached");
        options.Events.MapEventType<AgreementSigned>("agreement_signed");
        options.Events.MapEventType<PartyRegistered>("party_registered");
        options.Events.MapEventType<PersonAffiliated>("person_affiliated");
        options.Events.MapEventType<StatementMade>("statement_made");
        options.Events.MapEventType<ProposalAnswered>("proposal_answered");
        options.Events.MapEventType<StatementRetracted>("statement_retracted");
        options.Events.MapEventType<StatementDenied>("statement_denied");
        options.Events.MapEventType<StatementClarified>("statement_clarified");
        options.Events.MapEventType<StatementReported>("statement_reported");
        options.Events.MapEventType<ReportCorrected>("report_corrected");
        options.Events.MapEventType<RecordAmended>("record_amended");
        options.Events.MapEventType<RecordVoided>("record_voided");
        options.Events.MapEventType<DuplicateLinked>("duplicate_linked");
        options.Events.MapEventType<DuplicateUnlinked>("duplicate_unlinked");
        options.Events.MapEventType<StatementGraded>("statement_graded");
        options.Events.MapEventType<SourceGraded>("source_graded");
        options.Events.MapEventType<LogCheckpointed>("log_checkpointed");
    }
}
