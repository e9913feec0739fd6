using NegotiationTracker.Domain.Parties;
using NegotiationTracker.Domain.Common;

namespace NegotiationTracker.Domain.Negotiations;

/// <summary>Adds a source (an article, a transcript, a communiqué) to the negotiation's record, so statements can cite it.</summary>
public sealed record RegisterSource(string NegotiationId, string SourceId, string Title, string? Outlet, string? Url, PartialDate? Published) : INegotiationCommand
{
    Decision INegotiationCommand.Decide(Negotiation? negotiation, Party? party, DateTimeOffset now) => NegotiationDecider.Decide(this, negotiation, now);
}

public static partial class NegotiationDecider
{
    public static Decision Decide(RegisterSource command, Negotiation? state, DateTimeOffset now)
    {
        var invalid = Validate.First(
            Validate.Slug("source id", command.SourceId),
            Validate.Line("title", command.Title, Validate.MaxTitleLength),
            Validate.Line("outlet", command.Outlet, Validate.MaxNameLength, required: false),
            Validate.Url("url", command.Url),
            Validate.NotInFuture("published", command.Published, now));
        if (invalid is not null)
        {
            return invalid;
        }

        if (state is null)
        {
            return NotOpen(command.NegotiationId);
        }

        var registered = new SourceRegistered(command.NegotiationId, command.SourceId, command.Title, command.Outlet, command.Url, command.Published);
        if (state.Sources.TryGetValue(command.SourceId, out var existing))
        {
            return existing == registered
                ? Decision.AlreadyRecorded
                : Rejection.Conflict($"source {command.SourceId} is already registered in {command.NegotiationId} as \"{existing.Title}\"");
        }

        return Decision.Append(registered);
    }
}
