using NegotiationTracker.Domain.Common;

namespace NegotiationTracker.Domain.Parties;

public static partial class PartyDecider
{
    /// <summary>
    /// The checks every correction and provenance command shares: the statement exists in this party's stream, the reason
    /// is a proper line, and the same annotation recorded again appends nothing.
    /// </summary>
    private static Decision Annotate(Party? state, string negotiationId, string statementId, object annotation, Func<StatementMade, Standing, Rejection?> rule, params Rejection?[] checks)
    {
        var invalid = Validate.First([Validate.Slug("statement", statementId), .. checks]);
        if (invalid is not null)
        {
            return invalid;
        }

        if (state is null)
        {
            return Rejection.NotFound("the party is not registered");
        }

        if (state.CurrentReading(negotiationId, statementId) is not { } made)
        {
            return Rejection.NotFound($"statement {statementId} was not made by {state.Id} in {negotiationId}");
        }

        if (state.Annotations.Contains(Party.AnnotationKey(annotation)))
        {
            return Decision.AlreadyRecorded;
        }

        return rule(made, state.StandingOf(negotiationId, statementId)) ?? Decision.Append(annotation);
    }

    private static Rejection? NotVoid(Standing standing, string statementId) =>
        standing.Voided ? Rejection.RuleBroken($"statement {statementId} is void") : null;

    private static Rejection? Reason(string? reason) => Validate.Line("reason", reason, Validate.MaxReasonLength);
}
