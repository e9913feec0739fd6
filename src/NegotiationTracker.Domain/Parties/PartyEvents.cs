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
    string? SourceId);

public sealed record ProposalAnswered(string NegotiationId, string ProposalId, string PartyId, Answer Answer, string? CounterProposalId, PartialDate? Said, string? SourceId);
