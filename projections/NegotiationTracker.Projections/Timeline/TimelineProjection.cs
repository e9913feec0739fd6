using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using NegotiationTracker.Domain.Common;
using NegotiationTracker.Domain.Negotiations;
using NegotiationTracker.Domain.Parties;
using NegotiationTracker.Projections.Negotiations;
using Marten.Linq.MatchesSql;

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

        // Each event makes exactly one row, keyed by its global sequence, inserted once: a rebuild writes them by binary COPY
        // (StoreOptions' RebuildWithBulkCopy). The one exception is a statement's row, written again with the statement's
        // reading after each later fact about it; Marten then writes that batch row by row, in order. The daemon commits a
        // batch's rows with its progress, so no event is projected twice.
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
        operations.Insert(StatementEntry(e, StatementReading.Evolve(null, e.Data)!));

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

    public Task Project(IEvent<StatementRetracted> e, IDocumentOperations operations, CancellationToken cancellation) =>
        Annotation(e, operations, "retracted", e.Data.Reason, e.Data.Said, cancellation);

    public Task Project(IEvent<StatementDenied> e, IDocumentOperations operations, CancellationToken cancellation) =>
        Annotation(e, operations, "denied", e.Data.Reason, e.Data.Said, cancellation);

    public Task Project(IEvent<StatementClarified> e, IDocumentOperations operations, CancellationToken cancellation) =>
        Annotation(e, operations, "clarified", e.Data.Clarification, e.Data.Said, cancellation);

    public Task Project(IEvent<StatementReported> e, IDocumentOperations operations, CancellationToken cancellation) =>
        Annotation(e, operations, "reported", e.Data.Text, e.Data.Said, cancellation, entry => entry.SourceId = e.Data.SourceId);

    public Task Project(IEvent<ReportCorrected> e, IDocumentOperations operations, CancellationToken cancellation) =>
        Annotation(e, operations, "report-corrected", e.Data.Correction, e.Data.Said, cancellation, entry => entry.SourceId = e.Data.SourceId);

    // Our own corrections of the record are dated when recorded: they are not happenings of the negotiation.
    public Task Project(IEvent<RecordAmended> e, IDocumentOperations operations, CancellationToken cancellation) =>
        Annotation(e, operations, "amended", $"{e.Data.Field}: \"{e.Data.OldValue}\" → \"{e.Data.NewValue}\" ({e.Data.Reason})", null, cancellation);

    public Task Project(IEvent<RecordVoided> e, IDocumentOperations operations, CancellationToken cancellation) =>
        Annotation(e, operations, "voided", e.Data.Reason, null, cancellation);

    public Task Project(IEvent<DuplicateLinked> e, IDocumentOperations operations, CancellationToken cancellation) =>
        Annotation(e, operations, "duplicate-linked", $"duplicate of {e.Data.DuplicateOf}: {e.Data.Reason}", null, cancellation);

    public Task Project(IEvent<DuplicateUnlinked> e, IDocumentOperations operations, CancellationToken cancellation) =>
        Annotation(e, operations, "duplicate-unlinked", $"no longer a duplicate of {e.Data.DuplicateOf}: {e.Data.Reason}", null, cancellation);

    public Task Project(IEvent<StatementGraded> e, IDocumentOperations operations, CancellationToken cancellation) =>
        Annotation(e, operations, "graded", $"credibility {e.Data.Credibility}: {e.Data.Reason}", null, cancellation);

    public void Project(IEvent<SourceGraded> e, IDocumentOperations operations) =>
        operations.Insert(Entry(e, e.Data.NegotiationId, "source-graded", null, $"reliability {e.Data.Reliability}: {e.Data.Reason}", entry =>
        {
            entry.Subject = e.Data.SourceId;
            entry.SourceId = e.Data.SourceId;
        }));

    /// <summary>
    /// A later fact about a statement: a row of its own, acted by the statement's party, about that statement. The
    /// statement's own row is written again with its reading after each fact that moves its fields or standing (<see cref="StatementReading"/>), so the
    /// timeline, the dossier and the brief show an amended, retracted, denied, void or duplicate record as every other
    /// view does. The statement's events are read from the store, where an async projection finds them all.
    /// </summary>
    private static async Task Annotation<T>(IEvent<T> e, IDocumentOperations operations, string kind, string title, PartialDate? said, CancellationToken cancellation, Action<TimelineEntry>? more = null)
        where T : IStatementAnnotation
    {
        var about = (IStatementAnnotation)e.Data;
        operations.Insert(Entry(e, about.NegotiationId, kind, said, title, entry =>
        {
            entry.PartyId = about.PartyId;
            entry.Subject = about.StatementId;
            more?.Invoke(entry);
        }));

        // Reports and clarifications leave a statement's row as it is: only what moves its fields or standing is read again.
        if (!Stances.Moves(about))
        {
            return;
        }

        var events = await StoredEvents.OfPartyIn(operations, about.PartyId, about.NegotiationId)
            .Where(x => x.MatchesSql("d.data ->> 'statementId' = ?", about.StatementId))
            .Where(x => x.Sequence <= e.Sequence)
            .ToListAsync(cancellation);
        var ordered = events.OrderBy(x => x.Sequence).ToList();
        if (ordered.Find(x => x.Data is StatementMade) is { } made)
        {
            var reading = ordered.Aggregate((StatementReading?)null, (r, x) => StatementReading.Evolve(r, x.Data))!;
            operations.Store(StatementEntry(made, reading));
        }
    }

    /// <summary>A statement's row: the event that recorded it, with the fields and standing of its reading.</summary>
    private static TimelineEntry StatementEntry(IEvent made, StatementReading reading)
    {
        var s = reading.Current;
        return Entry(made, s.NegotiationId, TimelineKinds.Statement, s.Said, s.Text, entry =>
        {
            entry.PartyId = s.PartyId;
            entry.SpeakerId = s.SpeakerId;
            entry.Stance = s.Stance;
            entry.IssueIds = [.. s.IssueIds];
            entry.Subject = s.StatementId;
            entry.SourceId = s.SourceId;
            entry.Detail = s.Kind.Word();
            entry.Status = reading.Standing.Status;
            entry.Contested = reading.Standing.Contested;
            entry.Credibility = reading.Standing.Credibility;
            entry.DuplicateOf = reading.Standing.DuplicateOf;
        });
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
