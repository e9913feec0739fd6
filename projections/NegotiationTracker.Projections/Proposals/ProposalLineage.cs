using NegotiationTracker.Domain.Common;
using NegotiationTracker.Domain.Negotiations;

namespace NegotiationTracker.Projections.Proposals;

/// <summary>A proposal with its terms, every answer to it, the proposal it counters (if any), and the agreement it became.</summary>
public sealed class ProposalLineage
{
    public string Id { get; set; } = "";
    public string NegotiationId { get; set; } = "";
    public string ProposalId { get; set; } = "";
    public string TabledBy { get; set; } = "";
    public string Title { get; set; } = "";
    public PartialDate? Tabled { get; set; }
    public long TabledSequence { get; set; }
    public string? SourceId { get; set; }
    public List<ProposalTermEntry> Terms { get; set; } = [];
    public List<ProposalAnswerEntry> Answers { get; set; } = [];

    /// <summary>The proposal this one was tabled to counter, when a party answered that one with this one.</summary>
    public string? Counters { get; set; }

    /// <summary>See <see cref="ProposalStatuses"/>.</summary>
    public string Status { get; set; } = ProposalStatuses.Open;
    public string? WithdrawnReason { get; set; }
    public string? AgreementId { get; set; }

    public static string Key(string negotiationId, string proposalId) => $"{negotiationId}/{proposalId}";

    /// <summary>The proposal's reading, for one more fact to be folded into it.</summary>
    public ProposalReading Reading() =>
        new(ProposalId, TabledBy, [.. Answers.Select(a => (a.Party, a.Answer))], Status == ProposalStatuses.Withdrawn, AgreementId);
}

public sealed record ProposalTermEntry(string Issue, string Text);

public sealed record ProposalAnswerEntry(string Party, Answer Answer, string? CounterProposal, PartialDate? Said, long Sequence);
