namespace NegotiationTracker.Grains;

/// <summary>
/// Who is recording a command and under which correlation id; stored with every event it appends, and sealed with it.
/// <see cref="RecordedBy"/> is a recorder's stored form (<c>key:NAME</c>, <c>os:USER@HOST</c>, see
/// <see cref="NegotiationTracker.Domain.Common.Recorder"/>); the grains store whatever they are given. A caller that read the
/// stream at a version and must not overwrite what happened since (HTTP <c>If-Match</c>) sets <see cref="ExpectedVersion"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("NegotiationTracker.Recording")]
public sealed record Recording([property: Id(0)] string RecordedBy, [property: Id(1)] string CorrelationId, [property: Id(2)] long? ExpectedVersion = null)
{
    public static Recording By(string recordedBy) => new(recordedBy, Guid.NewGuid().ToString("N"));
}
