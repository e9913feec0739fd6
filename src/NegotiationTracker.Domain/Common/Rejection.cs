namespace NegotiationTracker.Domain.Common;

/// <summary>Why a command was refused. Codes are stable (clients switch on them); messages are for people.</summary>
public sealed record Rejection(string Code, string Message, string? Field = null)
{
    public static Rejection Invalid(string field, string message) => new("invalid-field", message, field);

    public static Rejection NotFound(string message) => new("not-found", message);

    public static Rejection Conflict(string message) => new("conflict", message);

    public static Rejection RuleBroken(string message) => new("rule-broken", message);

    public override string ToString() => Message;
}

/// <summary>
/// The outcome of deciding a command: the events to append (none when it was already recorded), or a rejection. For several
/// commands decided together, <see cref="FailedAt"/> is the index of the one refused.
/// </summary>
public sealed record Decision(IReadOnlyList<object> Events, Rejection? Rejection, int? FailedAt = null)
{
    public static readonly Decision AlreadyRecorded = new([], null);

    public bool Rejected => Rejection is not null;

    public static Decision Append(params object[] events) => new(events, null);

    public static Decision Reject(Rejection rejection) => new([], rejection);

    public static implicit operator Decision(Rejection rejection) => Reject(rejection);

    /// <summary>
    /// Commands to one stream decided in order, each on the state the ones before it leave: all their events, or the first
    /// refusal with the index of the command refused.
    /// </summary>
    public static Decision InTurn<TCommand, TState>(IReadOnlyList<TCommand> commands, TState? state, Func<TCommand, TState?, Decision> decide, Func<TState?, object, TState?> evolve)
        where TState : class
    {
        var events = new List<object>();
        for (var i = 0; i < commands.Count; i++)
        {
            var decision = decide(commands[i], state);
            if (decision.Rejection is { } rejection)
            {
                return new Decision([], rejection, i);
            }

            events.AddRange(decision.Events);
            state = decision.Events.Aggregate(state, evolve);
        }

        return new Decision(events, null);
    }
}
