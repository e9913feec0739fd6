using System.Collections.Immutable;
using NegotiationTracker.Domain.Common;

namespace NegotiationTracker.Domain.Negotiations;

/// <summary>The acts of a negotiation that a party's role decides. Making statements is not one: every member may speak.</summary>
public enum NegotiatingAct { TableProposals, AnswerProposals, WithdrawProposals, BeAPartyToAgreements, SignAgreements }

/// <summary>Who may do what in a negotiation, by the role it joined with. The one place these rules live.</summary>
public static class RoleRules
{
    // Principals and mediators negotiate: they table, answer and withdraw proposals and are parties to and sign agreements
    // (a mediator may guarantee or take on commitments of its own). Stakeholders are affected and often put proposals of their
    // own or answer others' (a regional government on access), so they table, answer and withdraw their own, and are parties
    // to and sign an agreement only when they are named in it, as every signatory must be. Observers and commentators only
    // speak: an analyst rejecting a proposal in an op-ed is a statement, not an answer that changes the proposal's status.
    private static readonly ImmutableDictionary<PartyRole, ImmutableHashSet<NegotiatingAct>> Allowed = new Dictionary<PartyRole, ImmutableHashSet<NegotiatingAct>>
    {
        [PartyRole.Principal] = [.. Enum.GetValues<NegotiatingAct>()],
        [PartyRole.Mediator] = [.. Enum.GetValues<NegotiatingAct>()],
        [PartyRole.Stakeholder] = [.. Enum.GetValues<NegotiatingAct>()],
        [PartyRole.Observer] = [],
        [PartyRole.Commentator] = [],
    }.ToImmutableDictionary();

    public static bool May(this PartyRole role, NegotiatingAct act) => Allowed.TryGetValue(role, out var acts) && acts.Contains(act);

    /// <summary>
    /// A refusal naming the party and its role when its role does not allow the act; null when it does, or when the party is
    /// not a member (membership is checked, and worded, by the decider itself).
    /// </summary>
    public static Rejection? MustBeAllowed(Negotiation state, string partyId, NegotiatingAct act) =>
        state.Members.TryGetValue(partyId, out var role) && !role.May(act)
            ? Rejection.RuleBroken($"{partyId} is {Article(role)} {role.Word()} in {state.Id}: {Article(role)} {role.Word()} may not {Phrase(act)}")
            : null;

    private static string Article(PartyRole role) => role.Word()[0] is 'a' or 'e' or 'i' or 'o' or 'u' ? "an" : "a";

    private static string Phrase(NegotiatingAct act) => act switch
    {
        NegotiatingAct.TableProposals => "table proposals",
        NegotiatingAct.AnswerProposals => "answer proposals",
        NegotiatingAct.WithdrawProposals => "withdraw proposals",
        NegotiatingAct.BeAPartyToAgreements => "be a party to an agreement",
        NegotiatingAct.SignAgreements => "sign agreements",
        _ => act.ToString(),
    };
}
