using NegotiationTracker.Domain.Negotiations;
using NegotiationTracker.Domain.Common;

namespace NegotiationTracker.Domain.Parties;

/// <summary>Grades the credibility of the information (Admiralty scale 1–6). A grade changes only by a later grade.</summary>
public sealed record GradeStatement(string NegotiationId, string StatementId, string PartyId, int Credibility, string Reason) : IPartyCommand
{
    Decision IPartyCommand.Decide(Party? party, Negotiation? negotiation, DateTimeOffset now) => PartyDecider.Decide(this, party);
}

public static partial class PartyDecider
{
    public static Decision Decide(GradeStatement c, Party? state) =>
        Annotate(state, c.NegotiationId, c.StatementId, new StatementGraded(c.NegotiationId, c.StatementId, c.PartyId, c.Credibility, c.Reason),
            (made, standing) => standing.Credibility == c.Credibility ? Rejection.RuleBroken($"statement {c.StatementId} is already graded {c.Credibility}") : null,
            c.Credibility is < 1 or > 6 ? Rejection.Invalid("credibility", $"credibility {c.Credibility} is not on the Admiralty scale 1 (confirmed) to 6 (cannot be judged)") : null,
            Reason(c.Reason));
}
