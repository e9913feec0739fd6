using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using NegotiationTracker.Domain.Parties;

namespace NegotiationTracker.Projections.Statements;

/// <summary>
/// The statement log. Inline, and written with Insert rather than Store: two parties using the same statement id in one
/// negotiation make the insert fail, which rolls back the append in the same transaction. The database keeps ids unique
/// across party streams without a second writer.
/// </summary>
public sealed partial class StatementLogProjection : EventProjection
{
    public const string ProjectionName = "statement-log";

    public StatementLogProjection()
    {
        Name = ProjectionName;

        // Rows are written by Insert, which Marten cannot see from the method signatures: declare them, so a rebuild clears them first.
        Options.DeleteViewTypeOnTeardown<StatementRecord>();
    }

    public void Project(IEvent<StatementMade> e, IDocumentOperations operations)
    {
        var s = e.Data;
        operations.Insert(new StatementRecord
        {
            Id = StatementRecord.Key(s.NegotiationId, s.StatementId),
            StatementId = s.StatementId,
            NegotiationId = s.NegotiationId,
            PartyId = s.PartyId,
            SpeakerId = s.SpeakerId,
            Kind = s.Kind,
            Stance = s.Stance,
            IssueIds = [.. s.IssueIds],
            Text = s.Text,
            Attribution = s.Attribution,
            Said = s.Said,
            SaidFrom = s.Said.Start,
            SaidUntil = s.Said.End,
            SourceId = s.SourceId,
            RecordedAt = RecordedAt.Of(e),
            RecordedBy = e.UserName,
            CorrelationId = e.CorrelationId,
            Sequence = e.Sequence,
        });
    }
}
