using NegotiationTracker.Domain.Negotiations;
using NegotiationTracker.Domain.Common;

namespace NegotiationTracker.Domain.Parties;

public sealed record RetractStatement(string NegotiationId, string StatementId, string PartyId, string Reason, PartialDate? Said) : IPartyCommand
{
    Decision IPartyCommand.Decide(Party? party, Negotiation? negotiation, DateTimeOffset now) => PartyDecider.Decide(this, party, now);
}

public static partial class PartyDecider
{
    public static Decision Decide(RetractStatement c, Party? state, DateTimeOffset now) =>
        Annotate(state, c.NegotiationId, c.StatementId, new StatementRetracted(c.NegotiationId, c.StatementId, c.PartyId, c.Reason, c.Said),
            (made, standing) => NotVoid(standing, c.StatementId) ?? (standing.Retracted ? Rejection.RuleBroken($"statement {c.StatementId} is already retracted") : null),
            Reason(c.Reason), Validate.NotInFuture("said", c.Said, now));
}
