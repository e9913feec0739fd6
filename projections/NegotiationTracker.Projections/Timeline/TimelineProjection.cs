using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using NegotiationTracker.Domain.Common;
using NegotiationTracker.Domain.Negotiations;
using NegotiationTracker.Domain.Parties;

namespace NegotiationTracker.Projections.Timeline;

/// <summary>
/// Everything that happened in each negotiation, one row per event. Async: no command reads it, and a busy import should
/// not pay for it in its own transaction.
/// </summary>
public sealed partial class TimelineProjection : EventProjection
{
    public const string ProjectionName = "timeline";

    public TimelineProjection()
    {
        Name = ProjectionName;

        // Rows are written through the operations, which Marten cannot see from the method signatures: declare them, so a rebuild clears them first.
        Options.DeleteViewTypeOnTeardown<TimelineEntry>();

        // Each event makes exactly one row, keyed by its global sequence, and no row is changed later: Insert says so, and
        // lets a rebuild write the rows by binary COPY (StoreOptions' RebuildWithBulkCopy). The daemon commits a batch's rows
        // with its progress, so no event is projected twice.
    }

    public void Project(IEvent<NegotiationOpened> e, IDocumentOperations operations) =>
        operations.Insert(Entry(e, e.Data.NegotiationId, TimelineKinds.Opened, e.Data.Opened, e.Data.Title, entry =>
            entry.IssueIds = e.Data.Issues.Select(i => i.IssueId).ToList()));

    public void Project(IEvent<IssueAdded> e, IDocumentOperations operations) =>
        operations.Insert(Entry(e, e.Data.NegotiationId, TimelineKinds.IssueAdded, null, e.Data.Title, entry =>
        {
            entry.IssueIds = [e.Data.IssueId];
            entry.Subject = e.Data.IssueId;
        }));

    public void Project(IEvent<SourceRegistered> e, IDocumentOperations operations) =>
        operations.Insert(Entry(e, e.Data.NegotiationId, TimelineKinds.SourceRegistered, e.Data.Published, e.Data.Title, entry =>
        {
            entry.Subject = e.Data.SourceId;
            entry.SourceId = e.Data.SourceId;
            entry.Detail = e.Data.Outlet;
        }));

    public void Project(IEvent<PartyJoined> e, IDocumentOperations operations) =>
        operations.Insert(Entry(e, e.Data.NegotiationId, TimelineKinds.Joined, e.Data.Said, e.Data.Role.Word(), entry => entry.PartyId = e.Data.PartyId));

    public void Project(IEvent<NegotiationStatusChanged> e, IDocumentOperations operations) =>
        operations.Insert(Entry(e, e.Data.NegotiationId, TimelineKinds.StatusChanged, e.Data.Said, e.Data.Status.Word(), entry => entry.Detail = e.Data.Reason));

    public void Project(IEvent<StatementMade> e, IDocumentOperations operations) =>
        operations.Insert(Entry(e, e.Data.NegotiationId, TimelineKinds.Statement, e.Data.Said, e.Data.Text, entry =>
        {
            entry.PartyId = e.Data.PartyId;
            entry.SpeakerId = e.Data.SpeakerId;
            entry.Stance = e.Data.Stance;
            entry.IssueIds = [.. e.Data.IssueIds];
            entry.Subject = e.Data.StatementId;
            entry.SourceId = e.Data.SourceId;
            entry.Detail = e.Data.Kind.Word();
        }));

    public void Project(IEvent<ProposalTabled> e, IDocumentOperations operations) =>
        operations.Insert(Entry(e, e.Data.NegotiationId, TimelineKinds.ProposalTabled, e.Data.Said, e.Data.Title, entry =>
        {
            entry.PartyId = e.Data.PartyId;
            entry.IssueIds = e.Data.Terms.Select(t => t.IssueId).Distinct().ToList();
            entry.Subject = e.Data.ProposalId;
            entry.SourceId = e.Data.SourceId;
        }));

    public void Project(IEvent<ProposalWithdrawn> e, IDocumentOperations operations) =>
        operations.Insert(Entry(e, e.Data.NegotiationId, TimelineKinds.ProposalWithdrawn, e.Data.Said, e.Data.Reason ?? "", entry =>
        {
            entry.PartyId = e.Data.PartyId;
            entry.Subject = e.Data.ProposalId;
        }));

    public void Project(IEvent<ProposalAnswered> e, IDocumentOperations operations) =>
        operations.Insert(Entry(e, e.Data.NegotiationId, TimelineKinds.ProposalAnswered, e.Data.Said, e.Data.Answer.Word(), entry =>
        {
            entry.PartyId = e.Data.PartyId;
            entry.Subject = e.Data.ProposalId;
            entry.Detail = e.Data.CounterProposalId;
            entry.SourceId = e.Data.SourceId;
        }));

    public void Project(IEvent<AgreementReached> e, IDocumentOperations operations) =>
        operations.Insert(Entry(e, e.Data.NegotiationId, TimelineKinds.AgreementReached, e.Data.Said, e.Data.Title, entry =>
        {
            entry.PartyIds = [.. e.Data.PartyIds];
            entry.IssueIds = e.Data.Terms.Select(t => t.IssueId).Distinct().ToList();
            entry.Subject = e.Data.AgreementId;
            entry.Detail = e.Data.ProposalId;
            entry.SourceId = e.Data.SourceId;
        }));

    public void Project(IEvent<AgreementSigned> e, IDocumentOperations operations) =>
        operations.Insert(Entry(e, e.Data.NegotiationId, TimelineKinds.AgreementSigned, e.Data.Said, e.Data.AgreementId, entry =>
        {
            entry.PartyId = e.Data.PartyId;
            entry.SpeakerId = e.Data.SignatoryId;
            entry.Subject = e.Data.AgreementId;
        }));

    public void Project(IEvent<StatementRetracted> e, IDocumentOperations operations) => Annotation(e, operations, "retracted", e.Data.Reason, e.Data.Said);

    public void Project(IEvent<StatementDenied> e, IDocumentOperations operations) => Annotation(e, operations, "denied", e.Data.Reason, e.Data.Said);

    public void Project(IEvent<StatementClarified> e, IDocumentOperations operations) => Annotation(e, operations, "clarified", e.Data.Clarification, e.Data.Said);

    public void Project(IEvent<StatementReported> e, IDocumentOperations operations) =>
        Annotation(e, operations, "reported", e.Data.Text, e.Data.Said, entry => entry.SourceId = e.Data.SourceId);

    public void Project(IEvent<ReportCorrected> e, IDocumentOperations operations) =>
        Annotation(e, operations, "report-corrected", e.Data.Correction, e.Data.Said, entry => entry.SourceId = e.Data.SourceId);

    // Our own corrections of the record are dated when recorded: they are not happenings of the negotiation.
    public void Project(IEvent<RecordAmended> e, IDocumentOperations operations) =>
        Annotation(e, operations, "amended", $"{e.Data.Field}: \"{e.Data.OldValue}\" → \"{e.Data.NewValue}\" ({e.Data.Reason})", null);

    public void Project(IEvent<RecordVoided> e, IDocumentOperations operations) => Annotation(e, operations, "voided", e.Data.Reason, null);

    public void Project(IEvent<DuplicateLinked> e, IDocumentOperations operations) =>
        Annotation(e, operations, "duplicate-linked", $"duplicate of {e.Data.DuplicateOf}: {e.Data.Reason}", null);

    public void Project(IEvent<DuplicateUnlinked> e, IDocumentOperations operations) =>
        Annotation(e, operations, "duplicate-unlinked", $"no longer a duplicate of {e.Data.DuplicateOf}: {e.Data.Reason}", null);

    public void Project(IEvent<StatementGraded> e, IDocumentOperations operations) =>
        Annotation(e, operations, "graded", $"credibility {e.Data.Credibility}: {e.Data.Reason}", null);

    public void Project(IEvent<SourceGraded> e, IDocumentOperations operations) =>
        operations.Insert(Entry(e, e.Data.NegotiationId, "source-graded", null, $"reliability {e.Data.Reliability}: {e.Data.Reason}", entry =>
        {
            entry.Subject = e.Data.SourceId;
            entry.SourceId = e.Data.SourceId;
        }));

    /// <summary>A later fact about a statement: acted by the statement's party, about that statement.</summary>
    private static void Annotation<T>(IEvent<T> e, IDocumentOperations operations, string kind, string title, PartialDate? said, Action<TimelineEntry>? more = null)
        where T : IStatementAnnotation
    {
        var about = (IStatementAnnotation)e.Data;
        operations.Insert(Entry(e, about.NegotiationId, kind, said, title, entry =>
        {
            entry.PartyId = about.PartyId;
            entry.Subject = about.StatementId;
            more?.Invoke(entry);
        }));
    }

    private static TimelineEntry Entry(IEvent e, string negotiationId, string kind, PartialDate? said, string title, Action<TimelineEntry> details)
    {
        var entry = new TimelineEntry
        {
            Id = e.Sequence,
            NegotiationId = negotiationId,
            Kind = kind,
            Said = said,
            SaidFrom = said?.Start ?? DateTimeOffset.MinValue,
            SaidUntil = said?.End ?? DateTimeOffset.MinValue,
            Title = title,
            StreamKey = e.StreamKey ?? "",
            Version = e.Version,
            RecordedAt = RecordedAt.Of(e),
            RecordedBy = e.UserName,
        };
        details(entry);
        return entry;
    }
}
