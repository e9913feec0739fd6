namespace NegotiationTracker.Grains.Integrity;

/// <summary>Where one stream's chain stands during a verification pass.</summary>
internal sealed class StreamChain
{
    /// <summary>The version the last event was sealed at (its stored version, unless it was found moved).</summary>
    public long LastVersion { get; set; }

    /// <summary>What the next event's seal should name as its previous: the last event's seal, or its computed hash if it has none.</summary>
    public string Link { get; set; } = EventSeal.Genesis;

    /// <summary>The last event's hash computed from stored content alone, chained the same way: the Merkle tree's leaves.</summary>
    public byte[] Computed { get; set; } = [];

    public string ComputedHex { get; set; } = EventSeal.Genesis;
}
