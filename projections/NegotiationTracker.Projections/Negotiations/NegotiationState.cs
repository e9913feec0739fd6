using Marten;
using NegotiationTracker.Domain.Common;
using NegotiationTracker.Projections.Parties;

namespace NegotiationTracker.Projections.Negotiations;

/// <summary>The current state of a negotiation as users see it: the summary joined with the parties' profiles.</summary>
public sealed record NegotiationState(
    string Id,
    string Title,
    NegotiationStatus Status,
    long Version,
    PartialDate Opened,
    IReadOnlyList<PartyInNegotiation> Parties,
    IReadOnlyList<IssueEntry> Issues,
    IReadOnlyList<PositionView> Positions,
    IReadOnlyList<ProposalView> Proposals,
    IReadOnlyList<AgreementView> Agreements,
    IReadOnlyList<SourceEntry> Sources)
{
    /// <summary>Proposals still on the table: not answered yet, or accepted by every party that answered.</summary>
    public int OpenProposals => Proposals.Count(p => Projections.Proposals.ProposalStatuses.OnTheTable(p.Status));

    public int Statements => Parties.Sum(p => p.Statements);

    public static async Task<NegotiationState?> LoadAsync(IQuerySession session, string negotiationId, CancellationToken cancellationToken = default)
    {
        var summary = await session.LoadAsync<NegotiationSummary>(negotiationId, cancellationToken);
        return summary is null ? null : await FromAsync(session, summary, cancellationToken: cancellationToken);
    }

    /// <summary>The live state: the summary document with the parties' current positions.</summary>
    /// <param name="profiles">The members' profiles, when the caller has read them already (<see cref="PartyProfile.OfMembersAsync"/>).</param>
    public static async Task<NegotiationState> FromAsync(IQuerySession session, NegotiationSummary summary, IReadOnlyDictionary<string, PartyProfile>? profiles = null,
        CancellationToken cancellationToken = default)
    {
        var positions = await session.LoadManyAsync<CurrentPositions>(cancellationToken, summary.Parties.Select(p => CurrentPositions.Key(summary.Id, p.Id)).ToArray());
        return await FromAsync(session, summary, positions.SelectMany(p => p.Positions).ToList(), positions.ToDictionary(p => p.PartyId, p => p.Statements), profiles, cancellationToken);
    }

    /// <summary>The state as users see it from a summary and positions, whether the live ones or ones replayed from the event store.</summary>
    public static async Task<NegotiationState> FromAsync(IQuerySession session, NegotiationSummary summary, IReadOnlyList<PositionEntry> positions, IReadOnlyDictionary<string, int> statements,
        IReadOnlyDictionary<string, PartyProfile>? profiles = null, CancellationToken cancellationToken = default)
    {
        profiles ??= await PartyProfile.OfMembersAsync(session, summary, cancellationToken);
        return new NegotiationState(
            summary.Id,
            summary.Title,
            summary.Status,
            summary.StreamVersion,
            summary.Opened,
            summary.Parties.Select(p => new PartyInNegotiation(p.Id, profiles.GetValueOrDefault(p.Id)?.Name ?? p.Id, profiles.GetValueOrDefault(p.Id)?.Kind, p.Role, statements.GetValueOrDefault(p.Id))).ToList(),
            summary.Issues,
            positions.OrderBy(p => p.Issue).ThenBy(p => p.Party).Select(p => new PositionView(p.Party, p.Issue, p.Stance, p.StatementId, p.Said) { Contested = p.Contested, Credibility = p.Credibility }).ToList(),
            summary.Proposals.Select(p => new ProposalView(p.Id, p.By, p.Title, p.Status, p.Tabled, p.Terms,
                p.Answers.Select(a => new AnswerView(a.Party, a.Answer, a.CounterProposalId, a.Said)).ToList(), p.AgreementId)).ToList(),
            summary.Agreements.Select(a => new AgreementView(a.Id, a.Title, a.ProposalId, a.Reached, a.Terms, a.Parties,
                a.Signatories.Select(s => new SignatoryView(s.Party, s.Signatory, s.Said)).ToList())).ToList(),
            summary.Sources);
    }
}

public sealed record PartyInNegotiation(string Id, string Name, PartyKind? Kind, PartyRole Role, int Statements);

public sealed record PositionView(string Party, string Issue, Stance Stance, string StatementId, PartialDate Said)
{
    /// <summary>The statement it rests on was denied by its speaker.</summary>
    public bool Contested { get; init; }

    /// <summary>The Admiralty credibility (1–6) of the statement it rests on, when graded.</summary>
    public int? Credibility { get; init; }
}

public sealed record ProposalView(string Id, string By, string Title, string Status, PartialDate? Tabled, IReadOnlyList<TermEntry> Terms, IReadOnlyList<AnswerView> Answers, string? Agreement);

public sealed record AnswerView(string Party, Answer Answer, string? CounterProposal, PartialDate? Said);

public sealed record AgreementView(string Id, string Title, string? Proposal, PartialDate? Reached, IReadOnlyList<TermEntry> Terms, IReadOnlyList<string> Parties, IReadOnlyList<SignatoryView> Signatories);

public sealed record SignatoryView(string Party, string? Signatory, PartialDate? Said);
