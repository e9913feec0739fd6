using System.Collections.Immutable;
using NegotiationTracker.Domain.Common;

namespace NegotiationTracker.Domain.Negotiations;

public enum ProposalStatus { Open, Withdrawn, Adopted }

public sealed record Proposal(ProposalTabled Tabled, bool Withdrawn, string? AgreementId)
{
    public ProposalStatus Status => Withdrawn ? ProposalStatus.Withdrawn : AgreementId is not null ? ProposalStatus.Adopted : ProposalStatus.Open;
}

public sealed record Agreement(AgreementReached Reached, ImmutableDictionary<string, AgreementSigned> Signatures);

/// <summary>
/// What the negotiation grain must know to decide: the write model, rebuilt from the negotiation stream alone.
/// Read models for people live in projections/; this is only what the rules need.
/// </summary>
public sealed record Negotiation(
    string Id,
    string Title,
    PartialDate Opened,
    NegotiationStatus Status,
    ImmutableDictionary<string, string> Issues,
    ImmutableDictionary<string, SourceRegistered> Sources,
    ImmutableDictionary<string, PartyRole> Members,
    ImmutableDictionary<string, Proposal> Proposals,
    ImmutableDictionary<string, Agreement> Agreements,
    ImmutableHashSet<string> StatusChanges,
    ImmutableDictionary<string, char> SourceGrades)
{
    // Every negotiation starts exploratory, the first stage of the lifecycle; that talks became active is itself a fact to record, with its date and reason.
    public const NegotiationStatus InitialStatus = NegotiationStatus.Exploratory;

    public static Negotiation? Evolve(Negotiation? state, object @event) => (state, @event) switch
    {
        (null, NegotiationOpened e) => new Negotiation(
            e.NegotiationId,
            e.Title,
            e.Opened,
            InitialStatus,
            e.Issues.ToImmutableDictionary(i => i.IssueId, i => i.Title),
            ImmutableDictionary<string, SourceRegistered>.Empty,
            ImmutableDictionary<string, PartyRole>.Empty,
            ImmutableDictionary<string, Proposal>.Empty,
            ImmutableDictionary<string, Agreement>.Empty,
            [],
            ImmutableDictionary<string, char>.Empty),
        (null, _) => null,
        ({ } s, IssueAdded e) => s with { Issues = s.Issues.SetItem(e.IssueId, e.Title) },
        ({ } s, SourceRegistered e) => s with { Sources = s.Sources.SetItem(e.SourceId, e) },
        ({ } s, SourceGraded e) => s with { SourceGrades = s.SourceGrades.SetItem(e.SourceId, e.Reliability) },
        ({ } s, PartyJoined e) => s with { Members = s.Members.SetItem(e.PartyId, e.Role) },
        ({ } s, NegotiationStatusChanged e) => s with { Status = e.Status, StatusChanges = s.StatusChanges.Add(StatusChangeKey(e.Status, e.Said)) },
        ({ } s, ProposalTabled e) => s with { Proposals = s.Proposals.SetItem(e.ProposalId, new Proposal(e, false, null)) },
        ({ } s, ProposalWithdrawn e) when s.Proposals.TryGetValue(e.ProposalId, out var p) =>
            s with { Proposals = s.Proposals.SetItem(e.ProposalId, p with { Withdrawn = true }) },
        ({ } s, AgreementReached e) => s with
        {
            Agreements = s.Agreements.SetItem(e.AgreementId, new Agreement(e, ImmutableDictionary<string, AgreementSigned>.Empty)),
            Proposals = e.ProposalId is { } pid && s.Proposals.TryGetValue(pid, out var adopted)
                ? s.Proposals.SetItem(pid, adopted with { AgreementId = e.AgreementId })
                : s.Proposals,
        },
        ({ } s, AgreementSigned e) when s.Agreements.TryGetValue(e.AgreementId, out var a) =>
            s with { Agreements = s.Agreements.SetItem(e.AgreementId, a with { Signatures = a.Signatures.SetItem(e.PartyId, e) }) },
        ({ } s, _) => s,
    };

    public static Negotiation? Replay(IEnumerable<object> events) => events.Aggregate((Negotiation?)null, Evolve);

    /// <summary>
    /// A status change is the same fact when it is to the same status on the same day: re-recording it appends nothing.
    /// An instant is keyed in UTC, whatever offset it was written with.
    /// </summary>
    public static string StatusChangeKey(NegotiationStatus status, PartialDate? said) => $"{status.Word()}@{said?.ToUniversal()}";
}
