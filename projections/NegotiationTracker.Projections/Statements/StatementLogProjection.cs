using JasperFx.Events;
using Marten.Events.Projections;
using NegotiationTracker.Domain.Common;
using NegotiationTracker.Domain.Parties;

namespace NegotiationTracker.Projections.Statements;

/// <summary>
/// The statement log: one document per statement, with every later fact about it. Inline, because the next query (and the
/// import's own checks) must see what was just recorded.
/// </summary>
public sealed partial class StatementLogProjection : MultiStreamProjection<StatementRecord, string>
{
    public const string ProjectionName = "statement-log";

    public StatementLogProjection()
    {
        Name = ProjectionName;
        Identity<StatementMade>(e => Party.StatementKey(e.NegotiationId, e.StatementId));
        Identity<StatementRetracted>(e => Party.StatementKey(e.NegotiationId, e.StatementId));
        Identity<StatementDenied>(e => Party.StatementKey(e.NegotiationId, e.StatementId));
        Identity<StatementClarified>(e => Party.StatementKey(e.NegotiationId, e.StatementId));
        Identity<StatementReported>(e => Party.StatementKey(e.NegotiationId, e.StatementId));
        Identity<ReportCorrected>(e => Party.StatementKey(e.NegotiationId, e.StatementId));
        Identity<RecordAmended>(e => Party.StatementKey(e.NegotiationId, e.StatementId));
        Identity<RecordVoided>(e => Party.StatementKey(e.NegotiationId, e.StatementId));
        Identity<DuplicateLinked>(e => Party.StatementKey(e.NegotiationId, e.StatementId));
        Identity<DuplicateUnlinked>(e => Party.StatementKey(e.NegotiationId, e.StatementId));
        Identity<StatementGraded>(e => Party.StatementKey(e.NegotiationId, e.StatementId));
    }

    public StatementRecord Create(IEvent<StatementMade> e)
    {
        var record = new StatementRecord
        {
            Id = Party.StatementKey(e.Data.NegotiationId, e.Data.StatementId),
            StatementId = e.Data.StatementId,
            NegotiationId = e.Data.NegotiationId,
            PartyId = e.Data.PartyId,
            RecordedAt = RecordedAt.Of(e),
            RecordedBy = e.UserName,
            CorrelationId = e.CorrelationId,
            Sequence = e.Sequence,
        };
        record.Take(StatementReading.Evolve(null, e.Data)!);
        return record;
    }

    public void Apply(StatementRecord view, IEvent<StatementRetracted> e) =>
        Fold(view, e, "retracted", "the speaker retracted it", e.Data.Reason, e.Data.Said);

    public void Apply(StatementRecord view, IEvent<StatementDenied> e) =>
        Fold(view, e, "denied", "the speaker denies having said it", e.Data.Reason, e.Data.Said);

    public void Apply(StatementRecord view, IEvent<StatementClarified> e) =>
        Fold(view, e, "clarified", e.Data.Clarification, null, e.Data.Said);

    public void Apply(StatementRecord view, IEvent<StatementReported> e)
    {
        var r = e.Data;
        view.Reports.Add(new StatementReport(r.SourceId, r.Attribution, r.Text, r.ReportedVia, r.Said, RecordedAt.Of(e), e.UserName));
        Fold(view, e, "reported", $"reported by {r.SourceId}{(r.ReportedVia is null ? "" : $" ({r.ReportedVia})")}", null, r.Said);
    }

    public void Apply(StatementRecord view, IEvent<ReportCorrected> e) =>
        Fold(view, e, "report-corrected", $"{e.Data.SourceId} corrected its report: {e.Data.Correction}", null, e.Data.Said);

    public void Apply(StatementRecord view, IEvent<RecordAmended> e) =>
        Fold(view, e, "amended", $"{e.Data.Field}: \"{e.Data.OldValue}\" → \"{e.Data.NewValue}\"", e.Data.Reason, null);

    public void Apply(StatementRecord view, IEvent<RecordVoided> e) =>
        Fold(view, e, "voided", "the record was entered in error", e.Data.Reason, null);

    public void Apply(StatementRecord view, IEvent<DuplicateLinked> e) =>
        Fold(view, e, "duplicate-linked", $"a duplicate of {e.Data.DuplicateOf}", e.Data.Reason, null);

    public void Apply(StatementRecord view, IEvent<DuplicateUnlinked> e) =>
        Fold(view, e, "duplicate-unlinked", $"no longer a duplicate of {e.Data.DuplicateOf}", e.Data.Reason, null);

    public void Apply(StatementRecord view, IEvent<StatementGraded> e) =>
        Fold(view, e, "graded", $"credibility {e.Data.Credibility}", e.Data.Reason, null);

    /// <summary>The record takes its fields and standing from the one reading of a statement, and notes the event beside them.</summary>
    private static void Fold(StatementRecord view, IEvent e, string kind, string detail, string? reason, PartialDate? said)
    {
        view.Take(StatementReading.Evolve(view.Reading(), e.Data)!);
        Note(view, e, kind, detail, reason, said);
    }

    private static void Note(StatementRecord view, IEvent e, string kind, string detail, string? reason, PartialDate? said) =>
        view.Annotations.Add(new StatementAnnotation(kind, detail, reason, said, RecordedAt.Of(e), e.UserName, e.Sequence));
}
