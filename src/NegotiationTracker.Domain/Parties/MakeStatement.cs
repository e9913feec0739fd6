using NegotiationTracker.Domain.Common;
using NegotiationTracker.Domain.Negotiations;

namespace NegotiationTracker.Domain.Parties;

public sealed record MakeStatement(
    string StatementId,
    string NegotiationId,
    string PartyId,
    string? SpeakerId,
    StatementKind Kind,
    Stance? Stance,
    IReadOnlyList<string> IssueIds,
    string Text,
    Attribution Attribution,
    PartialDate Said,
    string? SourceId) : IPartyCommand
{
    string? IPartyCommand.Reads => NegotiationId;

    Decision IPartyCommand.Decide(Party? party, Negotiation? negotiation, DateTimeOffset now) => PartyDecider.Decide(this, party, negotiation, now);
}

public static partial class PartyDecider
{
    /// <param name="negotiation">The negotiation spoken in, as its own stream knows it: membership, issues and sources only grow, so a read is enough.</param>
    public static Decision Decide(MakeStatement command, Party? state, Negotiation? negotiation, DateTimeOffset now)
    {
        var invalid = Validate.First(
            Validate.Slug("statement id", command.StatementId),
            Validate.Slug("negotiation", command.NegotiationId),
            Validate.OptionalSlug("speaker", command.SpeakerId),
            Validate.Text("text", command.Text),
            Validate.NotInFuture("said", command.Said, now),
            Validate.OptionalSlug("source", command.SourceId),
            Validate.Distinct("issues", command.IssueIds),
            command.Stance is not null && command.IssueIds.Count == 0 ? Rejection.Invalid("stance", "a stance needs at least one issue to be a stance on") : null);
        invalid ??= command.IssueIds.Select(i => Validate.Slug("issue", i)).FirstOrDefault(r => r is not null);
        if (invalid is not null)
        {
            return invalid;
        }

        if (!HasJoined(command.PartyId, state, command.NegotiationId, negotiation, "speak", out var notAMember))
        {
            return notAMember;
        }

        if (command.SpeakerId is { } speaker && !state.People.ContainsKey(speaker))
        {
            return Rejection.NotFound($"speaker {speaker} is not one of {command.PartyId}'s people");
        }

        var unknownIssue = command.IssueIds.FirstOrDefault(i => !negotiation.Issues.ContainsKey(i));
        if (unknownIssue is not null)
        {
            return Rejection.NotFound($"issue {unknownIssue} is not an issue of {command.NegotiationId}");
        }

        if (command.SourceId is { } source && !negotiation.Sources.ContainsKey(source))
        {
            return Rejection.NotFound($"source {source} is not registered in {command.NegotiationId}");
        }

        var made = new StatementMade(command.StatementId, command.NegotiationId, command.PartyId, command.SpeakerId, command.Kind, command.Stance,
            command.IssueIds, command.Text, command.Attribution, command.Said, command.SourceId);
        if (state.Statements.TryGetValue(Party.StatementKey(command.NegotiationId, command.StatementId), out var existing))
        {
            return existing with { IssueIds = [] } == made with { IssueIds = [] } && existing.IssueIds.SequenceEqual(made.IssueIds)
                ? Decision.AlreadyRecorded
                : Rejection.Conflict($"statement id {command.StatementId} is already used in {command.NegotiationId}");
        }

        return Decision.Append(made);
    }
}
