using Marten;
using NegotiationTracker.Domain.Common;
using NegotiationTracker.Domain.Negotiations;
using NegotiationTracker.Projections.Proposals;

namespace NegotiationTracker.Projections.Negotiations;

/// <summary>
/// The current state of one negotiation, kept current in the same transaction as every event that changes it. The parties'
/// positions are kept beside it, in <see cref="CurrentPositions"/>, so that it does not grow with every statement.
/// </summary>
public sealed class NegotiationSummary
{
    public string Id { get; set; } = "";
    public string Title { get; set; } = "";
    public PartialDate Opened { get; set; }
    public NegotiationStatus Status { get; set; }

    /// <summary>
    /// The version of the negotiation's own stream; statements and answers live in the parties' streams. Not named Version:
    /// Marten fills a multi-stream view's Version with the last event's global sequence.
    /// </summary>
    public long StreamVersion { get; set; }

    /// <summary>The global sequence of the last event, from any stream, that changed this view.</summary>
    public long LastSequence { get; set; }

    public List<IssueEntry> Issues { get; set; } = [];
    public List<MemberEntry> Parties { get; set; } = [];
    public List<SourceEntry> Sources { get; set; } = [];
    public List<ProposalEntry> Proposals { get; set; } = [];
    public List<AgreementEntry> Agreements { get; set; } = [];

    /// <summary>Admiralty reliability (A–F) of each graded source, from its latest grade.</summary>
    public Dictionary<string, char> SourceReliability { get; set; } = [];

    /// <summary>
    /// Runs a query of one negotiation's views only when the negotiation is in the ledger, and answers null when it is not.
    /// The summary is an inline view, current at once, so an async view that has not caught up yet is still told apart
    /// from an unknown negotiation; it is loaded once and handed to the query, which may need its parties or sources.
    /// </summary>
    public static async Task<T?> IfKnownAsync<T>(IQuerySession session, string negotiationId, Func<NegotiationSummary, Task<T>> query, CancellationToken cancellationToken)
        where T : class =>
        await session.LoadAsync<NegotiationSummary>(negotiationId, cancellationToken) is { } summary ? await query(summary) : null;
}

public sealed record IssueEntry(string Id, string Title);

public sealed record MemberEntry(string Id, PartyRole Role, PartialDate? Joined);

public sealed record SourceEntry(string Id, string Title, string? Outlet, string? Url, PartialDate? Published);

public sealed class ProposalEntry
{
    public string Id { get; set; } = "";
    public string By { get; set; } = "";
    public string Title { get; set; } = "";
    /// <summary>See <see cref="Proposals.ProposalStatuses"/>.</summary>
    public string Status { get; set; } = Proposals.ProposalStatuses.Open;
    public PartialDate? Tabled { get; set; }
    public List<TermEntry> Terms { get; set; } = [];
    public List<AnswerEntry> Answers { get; set; } = [];
    public string? AgreementId { get; set; }

    /// <summary>The proposal's reading, for one more fact to be folded into it.</summary>
    public ProposalReading Reading() =>
        new(Id, By, [.. Answers.Select(a => (a.Party, a.Answer))], Status == ProposalStatuses.Withdrawn, AgreementId);
}

public sealed record TermEntry(string Issue, string Text);

public sealed record AnswerEntry(string Party, Answer Answer, string? CounterProposalId, PartialDate? Said);

public sealed class AgreementEntry
{
    public string Id { get; set; } = "";
    public string Title { get; set; } = "";
    public string? ProposalId { get; set; }
    public PartialDate? Reached { get; set; }
    public List<TermEntry> Terms { get; set; } = [];
    public List<string> Parties { get; set; } = [];
    public List<SignatureEntry> Signatories { get; set; } = [];
}

public sealed record SignatureEntry(string Party, string? Signatory, PartialDate? Said);
