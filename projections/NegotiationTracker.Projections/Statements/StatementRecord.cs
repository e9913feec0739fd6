using NegotiationTracker.Domain.Common;

namespace NegotiationTracker.Projections.Statements;

/// <summary>One row of the statement log: who said what, when, on which issues, according to which source, and who recorded it when.</summary>
public sealed class StatementRecord
{
    /// <summary>"{negotiation}/{statement}": statement ids are unique within a negotiation.</summary>
    public string Id { get; set; } = "";
    public string StatementId { get; set; } = "";
    public string NegotiationId { get; set; } = "";
    public string PartyId { get; set; } = "";
    public string? SpeakerId { get; set; }
    public StatementKind Kind { get; set; }
    public Stance? Stance { get; set; }
    public List<string> IssueIds { get; set; } = [];
    public string Text { get; set; } = "";
    public Attribution Attribution { get; set; }
    public PartialDate Said { get; set; }

    /// <summary>The first and the last instant the said date can mean, for date-range queries through indexes.</summary>
    public DateTimeOffset SaidFrom { get; set; }
    public DateTimeOffset SaidUntil { get; set; }

    public string? SourceId { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public string? RecordedBy { get; set; }
    public string? CorrelationId { get; set; }
    public long Sequence { get; set; }

    public static string Key(string negotiationId, string statementId) => $"{negotiationId}/{statementId}";
}
