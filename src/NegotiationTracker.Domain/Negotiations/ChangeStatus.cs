using NegotiationTracker.Domain.Parties;
using NegotiationTracker.Domain.Common;

namespace NegotiationTracker.Domain.Negotiations;

public sealed record ChangeStatus(string NegotiationId, NegotiationStatus Status, string Reason, PartialDate? Said) : INegotiationCommand
{
    Decision INegotiationCommand.Decide(Negotiation? negotiation, Party? party, DateTimeOffset now) => NegotiationDecider.Decide(this, negotiation, now);
}

public static partial class NegotiationDecider
{
    public static Decision Decide(ChangeStatus command, Negotiation? state, DateTimeOffset now)
    {
        var invalid = Validate.First(Validate.Line("reason", command.Reason, Validate.MaxReasonLength), Validate.NotInFuture("said", command.Said, now));
        if (invalid is not null)
        {
            return invalid;
        }

        if (state is null)
        {
            return NotOpen(command.NegotiationId);
        }

        if (state.StatusChanges.Contains(Negotiation.StatusChangeKey(command.Status, command.Said)))
        {
            return Decision.AlreadyRecorded;
        }

        // Talks that collapsed or concluded can resume, so any change is allowed, except to the status it already has.
        if (state.Status == command.Status)
        {
            return Rejection.RuleBroken($"negotiation {command.NegotiationId} is already {command.Status.Word()}");
        }

        return Decision.Append(new NegotiationStatusChanged(command.NegotiationId, command.Status, command.Reason, command.Said));
    }
}
