namespace NegotiationTracker.Grains.Integrity;

/// <summary>One thing verification found, located by stream, version and global sequence where the log has them.</summary>
public sealed record Finding(FindingKind Kind, string Stream, long? Version, long? Sequence, string Detail)
{
    /// <summary>The kind as the CLI and its JSON name it: content-changed, missing, out-of-order, unsealed, forged, checkpoint-mismatch.</summary>
    public string KindWord => Kind switch
    {
        FindingKind.ContentChanged => "content-changed",
        FindingKind.Missing => "missing",
        FindingKind.OutOfOrder => "out-of-order",
        FindingKind.Unsealed => "unsealed",
        FindingKind.Forged => "forged",
        FindingKind.CheckpointMismatch => "checkpoint-mismatch",
        _ => throw new ArgumentOutOfRangeException(nameof(Kind), Kind, null),
    };
}
