using NegotiationTracker.Domain.Negotiations;
using NegotiationTracker.Domain.Common;

namespace NegotiationTracker.Domain.Parties;

public sealed record DenyStatement(string NegotiationId, string StatementId, string PartyId, string Reason, PartialDate? Said) : IPartyCommand
{
    Decision IPartyCommand.Decide(Party? party, Negotiation? negotiation, DateTimeOffset now) => PartyDecider.Decide(this, party, now);
}

public static partial class PartyDecider
{
    public static Decision Decide(DenyStatement c, Party? state, DateTimeOffset now) =>
        Annotate(state, c.NegotiationId, c.StatementId, new StatementDenied(c.NegotiationId, c.StatementId, c.PartyId, c.Reason, c.Said),
            (made, standing) => NotVoid(standing, c.StatementId),
            Reason(c.Reason), Validate.NotInFuture("said", c.Said, now));
}
