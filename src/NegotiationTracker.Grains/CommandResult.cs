using NegotiationTracker.Domain.Common;

namespace NegotiationTracker.Grains;

/// <summary>What a writer grain answers: how many events it appended and the stream version after, or why it refused.</summary>
[GenerateSerializer, Immutable, Alias("NegotiationTracker.CommandResult")]
public sealed record CommandResult([property: Id(0)] int Appended, [property: Id(1)] long Version, [property: Id(2)] Rejection? Rejection)
{
    public bool Accepted => Rejection is null;
}
