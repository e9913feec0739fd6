using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using NegotiationTracker.Domain.Negotiations;
using NegotiationTracker.Domain.Parties;
using NegotiationTracker.Grains.Integrity;

namespace NegotiationTracker.Grains;

/// <summary>
/// The write side's part of the store: how streams are keyed, what each event row carries (its seal among its headers),
/// the stored name of every event, and the statement-id claim that keeps ids unique across party streams in the append's
/// own transaction. The read side's views are configured beside them, in the projections.
/// </summary>
public sealed class RecordedEvents : IConfigureMarten
{
    public void Configure(IServiceProvider services, StoreOptions options) => Apply(options);

    public static void Apply(StoreOptions options)
    {
        options.Events.StreamIdentity = StreamIdentity.AsString;

        // Rich appends give inline projections each event's version and global sequence, which the statement log records.
        options.Events.AppendMode = EventAppendMode.Rich;
        options.Events.MetadataConfig.CorrelationIdEnabled = true;
        options.Events.MetadataConfig.UserNameEnabled = true;

        // Each event's seal (its hash in its stream's chain) rides in its own row's headers: same insert, same transaction.
        options.Events.MetadataConfig.HeadersEnabled = true;

        MapEventNames(options);

        options.Projections.Add<StatementIdClaimProjection>(ProjectionLifecycle.Inline);
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
