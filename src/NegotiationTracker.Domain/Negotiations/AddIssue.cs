using NegotiationTracker.Domain.Parties;
using NegotiationTracker.Domain.Common;

namespace NegotiationTracker.Domain.Negotiations;

public sealed record AddIssue(string NegotiationId, string IssueId, string Title) : INegotiationCommand
{
    Decision INegotiationCommand.Decide(Negotiation? negotiation, Party? party, DateTimeOffset now) => NegotiationDecider.Decide(this, negotiation);
}

public static partial class NegotiationDecider
{
    public static Decision Decide(AddIssue command, Negotiation? state)
    {
        var invalid = Validate.First(Validate.Slug("issue id", command.IssueId), Validate.Line("title", command.Title, Validate.MaxTitleLength));
        if (invalid is not null)
        {
            return invalid;
        }

        if (state is null)
        {
            return NotOpen(command.NegotiationId);
        }

        if (state.Issues.TryGetValue(command.IssueId, out var title))
        {
            return title == command.Title
                ? Decision.AlreadyRecorded
                : Rejection.Conflict($"issue {command.IssueId} already exists in {command.NegotiationId} as \"{title}\"");
        }

        return Decision.Append(new IssueAdded(command.NegotiationId, command.IssueId, command.Title));
    }

    private static Rejection NotOpen(string negotiationId) => Rejection.NotFound($"negotiation {negotiationId} has not been opened");
}
