using NegotiationTracker.Domain.Common;

namespace NegotiationTracker.Grains;

/// <summary>
/// What a writer grain answers: how many events it appended and the stream version after, or why it refused; for several
/// commands sent at once, <see cref="FailedAt"/> is the index of the one refused.
/// </summary>
[GenerateSerializer, Immutable, Alias("NegotiationTracker.CommandResult")]
public sealed record CommandResult([property: Id(0)] int Appended, [property: Id(1)] long Version, [property: Id(2)] Rejection? Rejection, [property: Id(3)] int? FailedAt = null)
{
    public bool Accepted => Rejection is null;
}
