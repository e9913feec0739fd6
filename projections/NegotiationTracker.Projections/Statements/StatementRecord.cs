using System.Collections.Immutable;
using NegotiationTracker.Domain.Common;
using NegotiationTracker.Domain.Parties;

namespace NegotiationTracker.Projections.Statements;

/// <summary>
/// One row of the statement log: who said what, when, on which issues, according to which source, and who recorded it when;
/// with everything later events say about it. The fields hold the current reading (after our amendments); the amendments,
/// retractions, denials, clarifications, reports and corrections are kept beside them, never in place of the original.
/// </summary>
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

    /// <summary>standing, retracted, void or duplicate: whether the statement still counts. A denial is shown, not hidden.</summary>
    public string Status { get; set; } = Statuses.Standing;
    public bool Denied { get; set; }
    public string? DuplicateOf { get; set; }

    /// <summary>Admiralty credibility 1–6, from the latest grade.</summary>
    public int? Credibility { get; set; }

    public List<StatementAnnotation> Annotations { get; set; } = [];
    public List<StatementReport> Reports { get; set; } = [];

    /// <summary>
    /// What full-text search reads (<see cref="StatementSearch"/>): the text, every later fact about it as a reader reads it
    /// (clarifications, reasons, corrections) and other outlets' reports, one per line. Worded from the fields above and
    /// stored with them, so a GIN index can cover it; older ledgers get it from <c>projections rebuild statement-log</c>.
    /// </summary>
    public string SearchText => string.Join("\n", [Text, .. Annotations.Select(a => a.Reading()), .. Reports.Select(r => r.Text)]);

    /// <summary>Whether it counts as one thing the party said (see <see cref="Standing.OnRecord"/>).</summary>
    public bool OnRecord => Status is not (Statuses.Void or Statuses.Duplicate);

    /// <summary>The record's reading, for one more event to be folded into it by <see cref="StatementReading.Evolve"/>.</summary>
    public StatementReading Reading()
    {
        var made = new StatementMade(StatementId, NegotiationId, PartyId, SpeakerId, Kind, Stance, IssueIds, Text, Attribution, Said, SourceId);
        var standing = new Standing(Status == Statuses.Retracted, Denied, Status == Statuses.Void, DuplicateOf, Reports.Select(r => r.SourceId).ToImmutableHashSet(), Credibility);
        return new StatementReading(made, made, standing, [], []);
    }

    /// <summary>Takes the fields and standing of a reading.</summary>
    public void Take(StatementReading reading)
    {
        var s = reading.Current;
        SpeakerId = s.SpeakerId;
        Kind = s.Kind;
        Stance = s.Stance;
        IssueIds = [.. s.IssueIds];
        Text = s.Text;
        Attribution = s.Attribution;
        Said = s.Said;
        SaidFrom = s.Said.Start;
        SaidUntil = s.Said.End;
        SourceId = s.SourceId;
        Status = reading.Standing.Status;
        Denied = reading.Standing.Denied;
        DuplicateOf = reading.Standing.DuplicateOf;
        Credibility = reading.Standing.Credibility;
    }

    /// <summary>The words of <see cref="RecordStatuses"/>, where the statement log's readers look for them.</summary>
    public static class Statuses
    {
        public const string Standing = RecordStatuses.Standing;
        public const string Retracted = RecordStatuses.Retracted;
        public const string Void = RecordStatuses.Void;
        public const string Duplicate = RecordStatuses.Duplicate;
    }
}

/// <summary>A later fact about the statement: a retraction, denial, clarification, correction, amendment, void, link or grade.</summary>
public sealed record StatementAnnotation(string Kind, string Detail, string? Reason, PartialDate? Said, DateTimeOffset RecordedAt, string? RecordedBy, long Sequence)
{
    /// <summary>
    /// The annotation as a reader reads it, its kind said once. <see cref="Kind"/> is a stable word clients switch on and
    /// <see cref="Detail"/> was written to stand on its own, so printing one after the other doubled a word ("reported reported
    /// by …", "denied the speaker denies having said it"). Stored details are left as they are; only their reading changes.
    /// </summary>
    public string Reading()
    {
        var reason = Reason is null ? "" : $" ({Reason})";
        return Kind switch
        {
            // Their detail only glosses the kind; what a reader needs is why.
            "retracted" or "denied" or "voided" => Reason is null ? Kind : $"{Kind}: {Reason}",
            _ when Detail.StartsWith(Kind + " ", StringComparison.Ordinal) => Detail + reason,
            _ => $"{Kind.Replace('-', ' ')}: {Detail}{reason}",
        };
    }
}

/// <summary>A source's report of the utterance beyond the original one.</summary>
public sealed record StatementReport(string SourceId, Attribution Attribution, string Text, string? ReportedVia, PartialDate? Said, DateTimeOffset RecordedAt, string? RecordedBy);
