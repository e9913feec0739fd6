using NegotiationTracker.Domain.Common;
using NegotiationTracker.Domain.Negotiations;
using NegotiationTracker.Domain.Parties;

namespace NegotiationTracker.Grains.Integrity;

/// <summary>
/// When an event says it happened in the world, as sealed. Kept apart from the events' own IHappened on purpose: the seal format
/// must not move when a view's notion of the said date does. A line may be added for a new event type only before any event
/// of that type is stored, and no line may ever change. A type missing here is still fully sealed: the date is in its data.
/// </summary>
public static class SaidDate
{
    public static PartialDate? Of(object data) => data switch
    {
        NegotiationOpened x => x.Opened,
        PartyJoined x => x.Said,
        NegotiationStatusChanged x => x.Said,
        ProposalTabled x => x.Said,
        ProposalWithdrawn x => x.Said,
        AgreementReached x => x.Said,
        AgreementSigned x => x.Said,
        StatementMade x => x.Said,
        ProposalAnswered x => x.Said,
        SourceRegistered x => x.Published,
        StatementRetracted x => x.Said,
        StatementDenied x => x.Said,
        StatementClarified x => x.Said,
        StatementReported x => x.Said,
        ReportCorrected x => x.Said,
        _ => null,
    };
}
