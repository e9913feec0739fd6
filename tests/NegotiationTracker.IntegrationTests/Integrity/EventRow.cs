namespace NegotiationTracker.IntegrationTests.Integrity;

/// <summary>A row of mt_events as the tampering tests see it.</summary>
public sealed record EventRow(long Sequence, string Stream, long Version, string Type);
