using NegotiationTracker.Domain.Common;
using NegotiationTracker.Domain.Negotiations;
using NegotiationTracker.Domain.Parties;

namespace NegotiationTracker.Domain.Tests;

/// <summary>
/// The facts a test starts from. State is only ever built by folding events through <c>Evolve</c>, as the grains rebuild it,
/// so a test never holds a state the ledger could not have reached.
/// </summary>
public static class Given
{
    /// <summary>When every test decides: a fixed instant, so "in the future" means the same thing on every run.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    public static readonly PartialDate Opened = PartialDate.Year(2024);

    public static readonly PartialDate September2024 = PartialDate.Month(2024, 9);

    /// <summary>The day after <see cref="Now"/>.</summary>
    public static readonly PartialDate Tomorrow = PartialDate.Day(2026, 11, 26);

    public const string NegotiationId = "us-iraq-withdrawal";

    public const string Title = "U.S.-Iraq negotiations on the withdrawal of U.S. troops from Iraq";

    public static Issue Issue(string issueId) => new(issueId, $"Title of {issueId}");

    public static Term Term(string issueId) => new(issueId, $"What is agreed on {issueId}.");

    public static NegotiationOpened Opening(params string[] issueIds) => new(NegotiationId, Title, Opened, issueIds.Select(Issue).ToList());

    /// <summary>A negotiation just opened, with the given issues, no members, sources or proposals.</summary>
    public static Negotiation OpenedNegotiation(params string[] issueIds) => Negotiation.Evolve(null, Opening(issueIds))!;

    public static Negotiation After(this Negotiation state, params object[] events) =>
        events.Aggregate(state, (s, e) => Negotiation.Evolve(s, e) ?? throw new InvalidOperationException($"{e.GetType().Name} left no negotiation"));

    /// <summary>The state once a decision's events are appended: how a test says "this was already recorded".</summary>
    public static Negotiation After(this Negotiation state, Decision decision)
    {
        decision.Rejection.ShouldBeNull();
        return state.After([.. decision.Events]);
    }

    public static Negotiation WithMembers(this Negotiation state, params string[] partyIds) =>
        state.After([.. partyIds.Select(p => new PartyJoined(state.Id, p, PartyRole.Principal, Opened))]);

    public static Negotiation WithMember(this Negotiation state, string partyId, PartyRole role) =>
        state.After(new PartyJoined(state.Id, partyId, role, Opened));

    public static Negotiation WithSource(this Negotiation state, string sourceId) =>
        state.After(new SourceRegistered(state.Id, sourceId, $"Title of {sourceId}", "An outlet", null, September2024));

    /// <summary>A proposal tabled by a member, with one term on each issue named.</summary>
    public static Negotiation WithProposal(this Negotiation state, string proposalId, string byParty, params string[] issueIds) =>
        state.After(new ProposalTabled(state.Id, proposalId, byParty, $"Title of {proposalId}", issueIds.Select(Term).ToList(), September2024, null));

    public static Negotiation WithWithdrawnProposal(this Negotiation state, string proposalId) =>
        state.After(new ProposalWithdrawn(state.Id, proposalId, state.Proposals[proposalId].Tabled.PartyId, "No longer on the table", September2024));

    public static Negotiation WithAgreement(this Negotiation state, string agreementId, string? proposalId, params string[] partyIds) =>
        state.After(new AgreementReached(
            state.Id,
            agreementId,
            proposalId,
            $"Title of {agreementId}",
            proposalId is null ? [] : state.Proposals[proposalId].Tabled.Terms,
            partyIds,
            September2024,
            null));

    public static Negotiation WithSignature(this Negotiation state, string agreementId, string partyId, string? signatoryId) =>
        state.After(new AgreementSigned(state.Id, agreementId, partyId, signatoryId, September2024));

    /// <summary>A registered state-party with the given people, each named after their id.</summary>
    public static Party RegisteredParty(string partyId, params string[] personIds) =>
        Party.Evolve(null, new PartyRegistered(partyId, $"Name of {partyId}", PartyKind.State))!
            .After([.. personIds.Select(p => new PersonAffiliated(partyId, p, $"Name of {p}", null))]);

    public static Party After(this Party state, params object[] events) =>
        events.Aggregate(state, (s, e) => Party.Evolve(s, e) ?? throw new InvalidOperationException($"{e.GetType().Name} left no party"));

    public static Party After(this Party state, Decision decision)
    {
        decision.Rejection.ShouldBeNull();
        return state.After([.. decision.Events]);
    }

    /// <summary>A statement by iraq's prime minister on the presence of U.S. troops, citing nothing.</summary>
    public static MakeStatement Statement(string statementId = "sudani-us-forces-unnecessary", string partyId = "iraq") => new(
        statementId,
        NegotiationId,
        partyId,
        null,
        StatementKind.Position,
        Stance.Opposes,
        ["us-troop-presence"],
        "U.S. forces are no longer necessary in Iraq.",
        Attribution.Paraphrase,
        September2024,
        null);

    public static AnswerProposal AnswerTo(string proposalId, string partyId, Answer answer, string? counterProposalId = null) =>
        new(NegotiationId, proposalId, partyId, answer, counterProposalId, September2024, null);
}
