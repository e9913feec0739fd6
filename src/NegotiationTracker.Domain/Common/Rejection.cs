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

/// <summary>The outcome of deciding a command: the events to append (none when it was already recorded), or a rejection.</summary>
public sealed record Decision(IReadOnlyList<object> Events, Rejection? Rejection)
{
    public static readonly Decision AlreadyRecorded = new([], null);

    public bool Rejected => Rejection is not null;

    public static Decision Append(params object[] events) => new(events, null);

    public static Decision Reject(Rejection rejection) => new([], rejection);

    public static implicit operator Decision(Rejection rejection) => Reject(rejection);
}
