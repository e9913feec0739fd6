namespace NegotiationTracker.Grains.Integrity;

/// <summary>
/// The whole log fixed at a point: the RFC 6962 Merkle root over the hashes of its first <paramref name="EventCount"/>
/// events (every event with a sequence up to <paramref name="UpToSequence"/>, in sequence order). Stored as
/// "log_checkpointed" in the ledger/checkpoints stream.
/// </summary>
public sealed record LogCheckpointed(long UpToSequence, long EventCount, string RootHash, DateTimeOffset At);
