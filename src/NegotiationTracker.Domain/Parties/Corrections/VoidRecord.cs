using NegotiationTracker.Domain.Negotiations;
using NegotiationTracker.Domain.Common;

namespace NegotiationTracker.Domain.Parties;

/// <summary>Declares the record entered in error. It stays in the ledger, marked void, and no longer counts.</summary>
public sealed record VoidRecord(string NegotiationId, string StatementId, string PartyId, string Reason) : IPartyCommand
{
    Decision IPartyCommand.Decide(Party? party, Negotiation? negotiation, DateTimeOffset now) => PartyDecider.Decide(this, party);
}

public static partial class PartyDecider
{
    public static Decision Decide(VoidRecord c, Party? state) =>
        Annotate(state, c.NegotiationId, c.StatementId, new RecordVoided(c.NegotiationId, c.StatementId, c.PartyId, c.Reason),
            (made, standing) => NotVoid(standing, c.StatementId), Reason(c.Reason));
}
