using NegotiationTracker.Domain.Common;

namespace NegotiationTracker.Domain.Negotiations;

// The negotiation stream ("negotiation/{id}"): its lifecycle, membership, sources, proposals and agreements.
// Written only by the negotiation grain. Shipped events are never changed; new facts get new events.
// "Said" is when it happened in the world, as precisely as the source supports; when it was recorded is store metadata.

public sealed record Issue(string IssueId, string Title);

public sealed record Term(string IssueId, string Text);

public sealed record NegotiationOpened(string NegotiationId, string Title, PartialDate Opened, IReadOnlyList<Issue> Issues) : IHappened
{
    PartialDate? IHappened.Said => Opened;
}

public sealed record IssueAdded(string NegotiationId, string IssueId, string Title);

public sealed record SourceRegistered(string NegotiationId, string SourceId, string Title, string? Outlet, string? Url, PartialDate? Published) : IHappened
{
    PartialDate? IHappened.Said => Published;
}

public sealed record PartyJoined(string NegotiationId, string PartyId, PartyRole Role, PartialDate? Said) : IHappened;

public sealed record NegotiationStatusChanged(string NegotiationId, NegotiationStatus Status, string Reason, PartialDate? Said) : IHappened;

public sealed record ProposalTabled(string NegotiationId, string ProposalId, string PartyId, string Title, IReadOnlyList<Term> Terms, PartialDate? Said, string? SourceId) : IHappened;

public sealed record ProposalWithdrawn(string NegotiationId, string ProposalId, string PartyId, string? Reason, PartialDate? Said) : IHappened;

public sealed record AgreementReached(string NegotiationId, string AgreementId, string? ProposalId, string Title, IReadOnlyList<Term> Terms, IReadOnlyList<string> PartyIds, PartialDate? Said, string? SourceId) : IHappened;

public sealed record AgreementSigned(string NegotiationId, string AgreementId, string PartyId, string? SignatoryId, PartialDate? Said) : IHappened;

/// <summary>Source reliability on the Admiralty scale, A (completely reliable) to F (cannot be judged); the latest grade holds.</summary>
public sealed record SourceGraded(string NegotiationId, string SourceId, char Reliability, string Reason);
