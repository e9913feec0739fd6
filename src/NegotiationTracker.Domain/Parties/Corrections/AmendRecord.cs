using NegotiationTracker.Domain.Common;
using NegotiationTracker.Domain.Negotiations;

namespace NegotiationTracker.Domain.Parties;

/// <summary>Corrects our coding of one field. The old value must be the current one, so an amendment never silently overrides another.</summary>
public sealed record AmendRecord(string NegotiationId, string StatementId, string PartyId, string Field, string OldValue, string NewValue, string Reason) : IPartyCommand
{
    string? IPartyCommand.Reads => NegotiationId;

    Decision IPartyCommand.Decide(Party? party, Negotiation? negotiation, DateTimeOffset now) => PartyDecider.Decide(this, party, negotiation, now);
}

public static partial class PartyDecider
{
    public static Decision Decide(AmendRecord c, Party? state, Negotiation? negotiation, DateTimeOffset now) =>
        Annotate(state, c.NegotiationId, c.StatementId, new RecordAmended(c.NegotiationId, c.StatementId, c.PartyId, c.Field, c.OldValue, c.NewValue, c.Reason),
            (made, standing) =>
            {
                if (!StatementFields.Names.Contains(c.Field))
                {
                    return Rejection.Invalid("field", $"field '{c.Field}' cannot be amended: use one of {string.Join(", ", StatementFields.Names)}");
                }

                var current = StatementFields.Current(made, c.Field);
                if (current != c.OldValue)
                {
                    return Rejection.Conflict($"the {c.Field} of statement {c.StatementId} is now \"{current}\", not \"{c.OldValue}\"");
                }

                return NotVoid(standing, c.StatementId)
                    ?? (c.NewValue == c.OldValue ? Rejection.Invalid("new value", "the new value is the same as the old one") : null)
                    ?? (negotiation is null ? Rejection.NotFound($"negotiation {c.NegotiationId} has not been opened") : StatementFields.Check(c.Field, c.NewValue, made, state!, negotiation, now));
            },
            Reason(c.Reason), Validate.Line("field", c.Field, 40), Validate.Text("new value", c.NewValue));
}
