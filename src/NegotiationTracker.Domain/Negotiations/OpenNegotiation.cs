using NegotiationTracker.Domain.Parties;
using NegotiationTracker.Domain.Common;

namespace NegotiationTracker.Domain.Negotiations;

/// <summary>
/// Opens a negotiation. Opening one that exists with the same title and date only adds the issues it does not have yet,
/// so a seed file can be re-imported, or extended and imported again.
/// </summary>
public sealed record OpenNegotiation(string NegotiationId, string Title, PartialDate Opened, IReadOnlyList<Issue> Issues) : INegotiationCommand
{
    Decision INegotiationCommand.Decide(Negotiation? negotiation, Party? party, DateTimeOffset now) => NegotiationDecider.Decide(this, negotiation, now);
}

public static partial class NegotiationDecider
{
    public static Decision Decide(OpenNegotiation command, Negotiation? state, DateTimeOffset now)
    {
        var invalid = Validate.First(
            Validate.Slug("negotiation id", command.NegotiationId),
            Validate.Line("title", command.Title, Validate.MaxTitleLength),
            Validate.NotInFuture("opened", command.Opened, now),
            Validate.Distinct("issues", command.Issues.Select(i => i.IssueId).ToList()));
        invalid ??= command.Issues.Select(i => Validate.First(Validate.Slug("issue id", i.IssueId), Validate.Line($"title of issue {i.IssueId}", i.Title, Validate.MaxTitleLength)))
            .FirstOrDefault(r => r is not null);
        if (invalid is not null)
        {
            return invalid;
        }

        if (state is null)
        {
            return Decision.Append(new NegotiationOpened(command.NegotiationId, command.Title, command.Opened, command.Issues));
        }

        if (state.Title != command.Title || state.Opened != command.Opened)
        {
            return Rejection.Conflict($"negotiation {command.NegotiationId} is already open as \"{state.Title}\" (opened {state.Opened})");
        }

        var added = new List<object>();
        foreach (var issue in command.Issues)
        {
            var decision = Decide(new AddIssue(command.NegotiationId, issue.IssueId, issue.Title), state);
            if (decision.Rejected)
            {
                return decision;
            }

            added.AddRange(decision.Events);
        }

        return new Decision(added, null);
    }
}
