using NegotiationTracker.Domain.Common;
using NegotiationTracker.Domain.Negotiations;
using NegotiationTracker.Domain.Parties;

namespace NegotiationTracker.Infrastructure.Integrity;

/// <summary>
/// When an event says it happened in the world, as sealed. A copy of NegotiationEvents.Said taken on purpose: the seal format
/// must not move when a view's notion of the said date does. A new event type with a date may be added here; an existing
/// line may never change.
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
        _ => null,
    };
}
