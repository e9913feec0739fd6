using NegotiationTracker.Domain.Negotiations;
using NegotiationTracker.Domain.Common;

namespace NegotiationTracker.Domain.Parties;

/// <summary>Marks a record as a duplicate of another record of the same utterance by the same party.</summary>
public sealed record LinkDuplicate(string NegotiationId, string StatementId, string PartyId, string DuplicateOf, string Reason) : IPartyCommand
{
    Decision IPartyCommand.Decide(Party? party, Negotiation? negotiation, DateTimeOffset now) => PartyDecider.Decide(this, party);
}

public sealed record UnlinkDuplicate(string NegotiationId, string StatementId, string PartyId, string DuplicateOf, string Reason) : IPartyCommand
{
    Decision IPartyCommand.Decide(Party? party, Negotiation? negotiation, DateTimeOffset now) => PartyDecider.Decide(this, party);
}

public static partial class PartyDecider
{
    public static Decision Decide(LinkDuplicate c, Party? state) =>
        Annotate(state, c.NegotiationId, c.StatementId, new DuplicateLinked(c.NegotiationId, c.StatementId, c.PartyId, c.DuplicateOf, c.Reason),
            (made, standing) =>
                c.DuplicateOf == c.StatementId ? Rejection.Invalid("duplicate of", "a statement cannot duplicate itself")
                : !state!.Statements.ContainsKey(Party.StatementKey(c.NegotiationId, c.DuplicateOf)) ? Rejection.NotFound($"statement {c.DuplicateOf} was not made by {c.PartyId} in {c.NegotiationId}")
                : LeadsBackTo(state, c.NegotiationId, c.DuplicateOf, c.StatementId) ? Rejection.RuleBroken($"statement {c.DuplicateOf} is already marked, through its links, a duplicate of {c.StatementId}: one record of the utterance must stand")
                : standing.DuplicateOf is { } other ? Rejection.RuleBroken($"statement {c.StatementId} is already a duplicate of {other}; unlink it first")
                : NotVoid(standing, c.StatementId),
            Validate.Slug("duplicate of", c.DuplicateOf), Reason(c.Reason));

    /// <summary>Whether following duplicate links from one statement reaches another: a link closing that loop would leave no record standing.</summary>
    private static bool LeadsBackTo(Party state, string negotiationId, string from, string to)
    {
        var seen = new HashSet<string>();
        for (var at = from; at is not null && seen.Add(at); at = state.StandingOf(negotiationId, at).DuplicateOf)
        {
            if (at == to)
            {
                return true;
            }
        }

        return false;
    }

    public static Decision Decide(UnlinkDuplicate c, Party? state) =>
        Annotate(state, c.NegotiationId, c.StatementId, new DuplicateUnlinked(c.NegotiationId, c.StatementId, c.PartyId, c.DuplicateOf, c.Reason),
            (made, standing) => standing.DuplicateOf == c.DuplicateOf ? null : Rejection.RuleBroken($"statement {c.StatementId} is not linked as a duplicate of {c.DuplicateOf}"),
            Validate.Slug("duplicate of", c.DuplicateOf), Reason(c.Reason));
}
