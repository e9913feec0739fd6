using NegotiationTracker.Domain.Negotiations;

namespace NegotiationTracker.Projections.Proposals;

/// <summary>The words of a proposal's status, decided by <see cref="ProposalReading"/>.</summary>
public static class ProposalStatuses
{
    public const string Open = ProposalReading.Open;
    public const string Accepted = ProposalReading.Accepted;
    public const string Rejected = ProposalReading.Rejected;
    public const string Countered = ProposalReading.Countered;
    public const string Withdrawn = ProposalReading.WithdrawnStatus;
    public const string Adopted = ProposalReading.Adopted;

    public static bool OnTheTable(string status) => ProposalReading.OnTheTable(status);
}
