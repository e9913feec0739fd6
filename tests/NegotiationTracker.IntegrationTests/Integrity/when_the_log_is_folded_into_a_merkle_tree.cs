using System.Security.Cryptography;
using NegotiationTracker.Grains.Integrity;

namespace NegotiationTracker.IntegrationTests.Integrity;

public sealed class when_the_log_is_folded_into_a_merkle_tree
{
    private static byte[] Leaf(int i) => SHA256.HashData(BitConverter.GetBytes(i));

    // RFC 6962 section 2.1, written out as the RFC states it.
    private static byte[] Reference(IReadOnlyList<byte[]> leaves)
    {
        if (leaves.Count == 0)
        {
            return SHA256.HashData([]);
        }

        if (leaves.Count == 1)
        {
            return SHA256.HashData([0x00, .. leaves[0]]);
        }

        var k = 1;
        while (k * 2 < leaves.Count)
        {
            k *= 2;
        }

        return SHA256.HashData([0x01, .. Reference(leaves.Take(k).ToList()), .. Reference(leaves.Skip(k).ToList())]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void the_root_is_the_rfc_6962_root(int n)
    {
        var leaves = Enumerable.Range(0, n).Select(Leaf).ToList();
        var tree = new MerkleTree();
        foreach (var leaf in leaves)
        {
            tree.Add(leaf);
        }

        tree.Count.ShouldBe(n);
        Convert.ToHexStringLower(tree.Root()).ShouldBe(Convert.ToHexStringLower(Reference(leaves)));
    }

    [Fact]
    public void the_root_of_every_prefix_is_available_while_leaves_are_added()
    {
        var leaves = Enumerable.Range(0, 70).Select(Leaf).ToList();
        var tree = new MerkleTree();
        for (var n = 1; n <= leaves.Count; n++)
        {
            tree.Add(leaves[n - 1]);
            tree.Root().ShouldBe(Reference(leaves.Take(n).ToList()), $"{n} leaves");
        }
    }

    [Fact]
    public void three_leaves_split_after_the_first_two()
    {
        var (a, b, c) = (Leaf(0), Leaf(1), Leaf(2));
        var tree = new MerkleTree();
        tree.Add(a);
        tree.Add(b);
        tree.Add(c);

        var left = MerkleTree.NodeHash(MerkleTree.LeafHash(a), MerkleTree.LeafHash(b));
        tree.Root().ShouldBe(MerkleTree.NodeHash(left, MerkleTree.LeafHash(c)));
    }
}
