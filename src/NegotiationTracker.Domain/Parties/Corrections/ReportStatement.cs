using NegotiationTracker.Domain.Common;
using NegotiationTracker.Domain.Negotiations;

namespace NegotiationTracker.Domain.Parties;

/// <summary>Another source reports the statement: one utterance, many reports.</summary>
public sealed record ReportStatement(string NegotiationId, string StatementId, string PartyId, string SourceId, Attribution Attribution, string Text, string? ReportedVia, PartialDate? Said) : IPartyCommand
{
    string? IPartyCommand.Reads => NegotiationId;

    Decision IPartyCommand.Decide(Party? party, Negotiation? negotiation, DateTimeOffset now) => PartyDecider.Decide(this, party, negotiation, now);
}

public static partial class PartyDecider
{
    public static Decision Decide(ReportStatement c, Party? state, Negotiation? negotiation, DateTimeOffset now) =>
        Annotate(state, c.NegotiationId, c.StatementId, new StatementReported(c.NegotiationId, c.StatementId, c.PartyId, c.SourceId, c.Attribution, c.Text, c.ReportedVia, c.Said),
            (made, standing) => negotiation?.Sources.ContainsKey(c.SourceId) == true ? null : Rejection.NotFound($"source {c.SourceId} is not registered in {c.NegotiationId}"),
            Validate.Slug("source", c.SourceId), Validate.Text("text", c.Text), Validate.Line("reported via", c.ReportedVia, Validate.MaxReasonLength, required: false),
            Validate.NotInFuture("said", c.Said, now));
}
