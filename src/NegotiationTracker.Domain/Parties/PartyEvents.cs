using NegotiationTracker.Domain.Common;

namespace NegotiationTracker.Domain.Parties;

// The party stream ("party/{id}"): who the party is, its people, and everything it says and answers, in every negotiation.
// Written only by the party grain. Shipped events are never changed; new facts get new events.

public sealed record PartyRegistered(string PartyId, string Name, PartyKind Kind);

public sealed record PersonAffiliated(string PartyId, string PersonId, string Name, string? Title);

public sealed record StatementMade(
    string StatementId,
    string NegotiationId,
    string PartyId,
    string? SpeakerId,
    StatementKind Kind,
    Stance? Stance,
    IReadOnlyList<string> IssueIds,
    string Text,
    Attribution Attribution,
    PartialDate Said,
    string? SourceId) : IHappened
{
    PartialDate? IHappened.Said => Said;
}

public sealed record ProposalAnswered(string NegotiationId, string ProposalId, string PartyId, Answer Answer, string? CounterProposalId, PartialDate? Said, string? SourceId) : IHappened;

// Corrections and provenance of a statement. They never change or remove the statement: each is a later fact about it,
// with a reason and a date, written to the stream of the party that made the statement.

/// <summary>A later fact about a statement, in the stream of the party that made it.</summary>
public interface IStatementAnnotation
{
    string NegotiationId { get; }

    string StatementId { get; }

    string PartyId { get; }
}

/// <summary>The speaker withdraws what was said.</summary>
public sealed record StatementRetracted(string NegotiationId, string StatementId, string PartyId, string Reason, PartialDate? Said) : IStatementAnnotation, IHappened;

/// <summary>The speaker denies having said it (a misquote claim); the reports stand, now disputed.</summary>
public sealed record StatementDenied(string NegotiationId, string StatementId, string PartyId, string Reason, PartialDate? Said) : IStatementAnnotation, IHappened;

/// <summary>The speaker explains what was meant.</summary>
public sealed record StatementClarified(string NegotiationId, string StatementId, string PartyId, string Clarification, PartialDate? Said) : IStatementAnnotation, IHappened;

/// <summary>Another source reports the same utterance, possibly through others ("NYT citing unnamed U.S. officials").</summary>
public sealed record StatementReported(string NegotiationId, string StatementId, string PartyId, string SourceId, Attribution Attribution, string Text, string? ReportedVia, PartialDate? Said) : IStatementAnnotation, IHappened;

/// <summary>An outlet corrects its report of the statement.</summary>
public sealed record ReportCorrected(string NegotiationId, string StatementId, string PartyId, string SourceId, string Correction, PartialDate? Said) : IStatementAnnotation, IHappened;

/// <summary>We correct our own coding of one field of the record: the old value and the new, and why.</summary>
public sealed record RecordAmended(string NegotiationId, string StatementId, string PartyId, string Field, string OldValue, string NewValue, string Reason) : IStatementAnnotation;

/// <summary>We declare the record entered in error; it stays in the ledger, marked void.</summary>
public sealed record RecordVoided(string NegotiationId, string StatementId, string PartyId, string Reason) : IStatementAnnotation;

/// <summary>Two records of one utterance: this one is a duplicate of another. Reversible by <see cref="DuplicateUnlinked"/>.</summary>
public sealed record DuplicateLinked(string NegotiationId, string StatementId, string PartyId, string DuplicateOf, string Reason) : IStatementAnnotation;

public sealed record DuplicateUnlinked(string NegotiationId, string StatementId, string PartyId, string DuplicateOf, string Reason) : IStatementAnnotation;

/// <summary>Information credibility on the Admiralty scale, 1 (confirmed) to 6 (cannot be judged); the latest grade holds.</summary>
public sealed record StatementGraded(string NegotiationId, string StatementId, string PartyId, int Credibility, string Reason) : IStatementAnnotation;
