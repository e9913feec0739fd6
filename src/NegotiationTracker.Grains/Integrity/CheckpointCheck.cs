namespace NegotiationTracker.Grains.Integrity;

/// <summary>A checkpoint the log must extend, and where it came from (a file, or an event in the ledger/checkpoints stream).</summary>
internal sealed record CheckpointCheck(LogCheckpointed Checkpoint, string Source, long? Version, long? Sequence);
