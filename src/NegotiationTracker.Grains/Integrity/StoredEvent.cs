namespace NegotiationTracker.Grains.Integrity;

/// <summary>An event as verification reads it from the store; <paramref name="Unreadable"/> says why its data could not be read.</summary>
internal sealed record StoredEvent(long Sequence, string Stream, long Version, SealedContent Content, EventSeal? Seal, string? Unreadable);
