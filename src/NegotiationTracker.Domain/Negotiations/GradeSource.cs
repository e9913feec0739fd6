using NegotiationTracker.Domain.Parties;
using NegotiationTracker.Domain.Common;

namespace NegotiationTracker.Domain.Negotiations;

/// <summary>Grades a source's reliability (Admiralty scale A–F). A grade changes only by a later grade.</summary>
public sealed record GradeSource(string NegotiationId, string SourceId, char Reliability, string Reason) : INegotiationCommand
{
    Decision INegotiationCommand.Decide(Negotiation? negotiation, Party? party, DateTimeOffset now) => NegotiationDecider.Decide(this, negotiation);
}

public static partial class NegotiationDecider
{
    public static Decision Decide(GradeSource command, Negotiation? state)
    {
        var invalid = Validate.First(
            Validate.Slug("source", command.SourceId),
            Validate.Line("reason", command.Reason, Validate.MaxReasonLength),
            command.Reliability is < 'A' or > 'F' ? Rejection.Invalid("reliability", $"reliability '{command.Reliability}' is not on the Admiralty scale A (completely reliable) to F (cannot be judged)") : null);
        if (invalid is not null)
        {
            return invalid;
        }

        if (state is null)
        {
            return NotOpen(command.NegotiationId);
        }

        if (!state.Sources.ContainsKey(command.SourceId))
        {
            return Rejection.NotFound($"source {command.SourceId} is not registered in {command.NegotiationId}");
        }

        return state.SourceGrades.GetValueOrDefault(command.SourceId) == command.Reliability
            ? Decision.AlreadyRecorded
            : Decision.Append(new SourceGraded(command.NegotiationId, command.SourceId, command.Reliability, command.Reason));
    }
}
