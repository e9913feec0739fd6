namespace NegotiationTracker.Grains;

/// <summary>Who is recording a command and under which correlation id; stored with every event it appends.</summary>
[GenerateSerializer, Immutable, Alias("NegotiationTracker.Recording")]
public sealed record Recording([property: Id(0)] string RecordedBy, [property: Id(1)] string CorrelationId)
{
    public static Recording By(string recordedBy) => new(recordedBy, Guid.NewGuid().ToString("N"));
}
