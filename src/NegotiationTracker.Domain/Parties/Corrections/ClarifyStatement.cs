using NegotiationTracker.Domain.Negotiations;
using NegotiationTracker.Domain.Common;

namespace NegotiationTracker.Domain.Parties;

public sealed record ClarifyStatement(string NegotiationId, string StatementId, string PartyId, string Clarification, PartialDate? Said) : IPartyCommand
{
    Decision IPartyCommand.Decide(Party? party, Negotiation? negotiation, DateTimeOffset now) => PartyDecider.Decide(this, party, now);
}

public static partial class PartyDecider
{
    public static Decision Decide(ClarifyStatement c, Party? state, DateTimeOffset now) =>
        Annotate(state, c.NegotiationId, c.StatementId, new StatementClarified(c.NegotiationId, c.StatementId, c.PartyId, c.Clarification, c.Said),
            (made, standing) => NotVoid(standing, c.StatementId),
            Validate.Text("clarification", c.Clarification), Validate.NotInFuture("said", c.Said, now));
}
