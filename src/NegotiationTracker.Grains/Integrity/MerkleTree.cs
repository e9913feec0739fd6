using System.Security.Cryptography;

namespace NegotiationTracker.Grains.Integrity;

/// <summary>
/// A Merkle tree in the manner of Certificate Transparency (RFC 6962, section 2.1), built incrementally: leaves are added in
/// order and the root of the leaves so far is available at any point, keeping only the roots of the perfect subtrees along
/// the right edge (at most log2(n) of them). Leaf hash = SHA-256(0x00 || leaf), node hash = SHA-256(0x01 || left || right);
/// the root of n leaves splits at the largest power of two smaller than n, which is exactly folding those perfect subtrees
/// from the right.
/// </summary>
public sealed class MerkleTree
{
    // The roots of the perfect subtrees covering the leaves so far, largest (leftmost) first; sizes are the binary digits of Count.
    private readonly List<(long Size, byte[] Hash)> peaks = [];

    public long Count { get; private set; }

    public void Add(ReadOnlySpan<byte> leaf)
    {
        var node = LeafHash(leaf);
        long size = 1;
        while (peaks.Count > 0 && peaks[^1].Size == size)
        {
            node = NodeHash(peaks[^1].Hash, node);
            peaks.RemoveAt(peaks.Count - 1);
            size *= 2;
        }

        peaks.Add((size, node));
        Count++;
    }

    /// <summary>The root over every leaf added so far; for no leaves, SHA-256 of the empty string (RFC 6962).</summary>
    public byte[] Root()
    {
        if (peaks.Count == 0)
        {
            return SHA256.HashData([]);
        }

        var root = peaks[^1].Hash;
        for (var i = peaks.Count - 2; i >= 0; i--)
        {
            root = NodeHash(peaks[i].Hash, root);
        }

        return root;
    }

    public static byte[] LeafHash(ReadOnlySpan<byte> leaf)
    {
        Span<byte> input = stackalloc byte[1 + leaf.Length];
        input[0] = 0x00;
        leaf.CopyTo(input[1..]);
        return SHA256.HashData(input);
    }

    public static byte[] NodeHash(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        Span<byte> input = stackalloc byte[1 + left.Length + right.Length];
        input[0] = 0x01;
        left.CopyTo(input[1..]);
        right.CopyTo(input[(1 + left.Length)..]);
        return SHA256.HashData(input);
    }
}
