namespace NegotiationTracker.Grains.Integrity;

/// <summary>What is wrong with an event, or with the log against a checkpoint.</summary>
public enum FindingKind
{
    /// <summary>The event's content (data, type, dates, recorder) no longer matches its seal.</summary>
    ContentChanged,

    /// <summary>Versions of the stream are absent: rows deleted from its middle or its end.</summary>
    Missing,

    /// <summary>The event is intact but not where it was sealed: versions swapped, or not chained to the event before it.</summary>
    OutOfOrder,

    /// <summary>The event has no seal: appended by a writer other than the grains, or before sealing existed.</summary>
    Unsealed,

    /// <summary>A row the store's own bookkeeping does not account for (written into the table directly), or a malformed seal.</summary>
    Forged,

    /// <summary>The log is not an extension of a checkpoint: the Merkle root over the events it covers differs.</summary>
    CheckpointMismatch,
}
