using NegotiationTracker.Domain.Negotiations;
using NegotiationTracker.Domain.Common;

namespace NegotiationTracker.Domain.Parties;

public sealed record CorrectReport(string NegotiationId, string StatementId, string PartyId, string SourceId, string Correction, PartialDate? Said) : IPartyCommand
{
    Decision IPartyCommand.Decide(Party? party, Negotiation? negotiation, DateTimeOffset now) => PartyDecider.Decide(this, party, now);
}

public static partial class PartyDecider
{
    /// <summary>Only a source that reported the statement (its original source, or one recorded as reporting it) can correct its report.</summary>
    public static Decision Decide(CorrectReport c, Party? state, DateTimeOffset now) =>
        Annotate(state, c.NegotiationId, c.StatementId, new ReportCorrected(c.NegotiationId, c.StatementId, c.PartyId, c.SourceId, c.Correction, c.Said),
            (made, standing) => made.SourceId == c.SourceId || standing.ReportedBy.Contains(c.SourceId)
                ? null
                : Rejection.RuleBroken($"source {c.SourceId} did not report statement {c.StatementId}"),
            Validate.Slug("source", c.SourceId), Validate.Text("correction", c.Correction), Validate.NotInFuture("said", c.Said, now));
}
