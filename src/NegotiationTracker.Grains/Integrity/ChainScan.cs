namespace NegotiationTracker.Grains.Integrity;

/// <summary>
/// One verification pass, fed events in sequence order. Each event is judged by its own seal and its predecessor's, so one
/// damaged row is one finding rather than a cascade down its stream. The Merkle leaves are hashes computed from stored
/// content alone (in a clean store they equal the seals), so a covered event that was changed and resealed still moves
/// the root away from a checkpoint.
/// </summary>
internal sealed class ChainScan(
    IReadOnlySet<string>? scope,
    IReadOnlyDictionary<string, long> recordedVersions,
    IEnumerable<CheckpointCheck> checkpoints,
    bool wholeLog,
    DateTimeOffset scannedAt)
{
    private readonly Dictionary<string, StreamChain> chains = new(StringComparer.Ordinal);
    private readonly Queue<CheckpointCheck> pending = new(checkpoints);
    private readonly MerkleTree tree = new();
    private readonly List<Finding> findings = [];
    private long eventsChecked;
    private long lastSequence;
    private int checkpointsChecked;

    public void Add(StoredEvent e)
    {
        while (pending.TryPeek(out var due) && due.Checkpoint.UpToSequence < e.Sequence)
        {
            Check(pending.Dequeue());
        }

        if (!chains.TryGetValue(e.Stream, out var chain))
        {
            chains[e.Stream] = chain = new StreamChain();
        }

        var computed = e.Content.Hash(chain.Computed, e.Version);
        var computedHex = Convert.ToHexStringLower(computed);
        if (wholeLog)
        {
            tree.Add(computed);
        }

        lastSequence = e.Sequence;
        if (scope is null || scope.Contains(e.Stream))
        {
            eventsChecked++;
            Judge(e, chain, computedHex);
        }

        chain.Computed = computed;
        chain.ComputedHex = computedHex;
    }

    public VerificationReport Finish()
    {
        while (pending.TryDequeue(out var due))
        {
            Check(due);
        }

        // Rows deleted from a stream's end leave no gap to see, but the stream table still counts them.
        foreach (var (stream, recorded) in recordedVersions.Where(s => scope is null || scope.Contains(s.Key)).OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var last = chains.TryGetValue(stream, out var chain) ? chain.LastVersion : 0;
            if (recorded > last)
            {
                findings.Add(new Finding(FindingKind.Missing, stream, last + 1, null, $"{Versions(last + 1, recorded)} missing at the end of the stream (the store records version {recorded})"));
            }
        }

        var streams = chains.Keys.Concat(recordedVersions.Keys).Distinct().Count(s => scope is null || scope.Contains(s));
        var head = wholeLog
            ? new LogCheckpointed(lastSequence, tree.Count, Convert.ToHexStringLower(tree.Root()), SealedContent.ToMicroseconds(scannedAt))
            : null;
        return new VerificationReport(eventsChecked, streams, checkpointsChecked, findings, head);
    }

    private void Judge(StoredEvent e, StreamChain chain, string computedHex)
    {
        var expected = chain.LastVersion + 1;
        var sealedAt = e.Version;
        var seal = e.Seal is { IsWellFormed: true } wellFormed ? wellFormed : null;
        var intact = false;
        if (seal is not null)
        {
            var previous = Convert.FromHexString(seal.Previous);
            var atStored = seal.Previous == chain.ComputedHex ? computedHex : Convert.ToHexStringLower(e.Content.Hash(previous, e.Version));
            intact = atStored == seal.Hash;

            // Sealed for the place the sequence puts it, but stored under another version: versions were swapped or renumbered.
            if (!intact && e.Version != expected && Convert.ToHexStringLower(e.Content.Hash(previous, expected)) == seal.Hash)
            {
                intact = true;
                sealedAt = expected;
            }
        }

        var inStreamTable = recordedVersions.TryGetValue(e.Stream, out var recorded);
        var finding = e switch
        {
            { Unreadable: { } why } => Found(FindingKind.ContentChanged, why),
            _ when !inStreamTable => Found(FindingKind.Forged, "its stream is not in the store's stream table: the row was written past the event store"),
            _ when e.Version > recorded => Found(FindingKind.Forged, $"version {e.Version} is beyond the stream's recorded version {recorded}: the row was written past the event store"),
            { Seal: null } => Found(FindingKind.Unsealed, "it has no seal: appended by a writer other than the grains, or before sealing"),
            _ when seal is null => Found(FindingKind.Forged, "its seal is malformed"),
            _ when !intact && seal?.Previous != chain.Link && sealedAt == expected => Found(FindingKind.Forged, "its seal is not its own: it matches neither its content nor the event before it"),
            _ when !intact => Found(FindingKind.ContentChanged, "its content does not match its seal"),
            _ when sealedAt != e.Version => Found(FindingKind.OutOfOrder, $"it was sealed as version {sealedAt} but is stored as version {e.Version}"),
            _ when sealedAt < expected => Found(FindingKind.OutOfOrder, $"version {sealedAt} comes after version {chain.LastVersion} in sequence order"),
            _ when sealedAt == expected && seal?.Previous != chain.Link => Found(FindingKind.OutOfOrder, $"it is not chained to the event before it (version {chain.LastVersion})"),
            _ => null,
        };
        if (sealedAt > expected)
        {
            findings.Add(new Finding(FindingKind.Missing, e.Stream, e.Version, e.Sequence, $"{Versions(expected, sealedAt - 1)} missing before it"));
        }

        if (finding is not null)
        {
            findings.Add(finding);
        }

        chain.LastVersion = sealedAt;
        chain.Link = seal?.Hash ?? Convert.ToHexStringLower(e.Content.Hash(Convert.FromHexString(chain.Link), e.Version));

        Finding Found(FindingKind kind, string detail) => new(kind, e.Stream, e.Version, e.Sequence, detail);
    }

    private void Check(CheckpointCheck check)
    {
        checkpointsChecked++;
        var checkpoint = check.Checkpoint;
        var root = Convert.ToHexStringLower(tree.Root());
        if (tree.Count == checkpoint.EventCount && root == checkpoint.RootHash)
        {
            return;
        }

        var shorter = lastSequence < checkpoint.UpToSequence ? $" (the log ends at sequence {lastSequence})" : "";
        findings.Add(new Finding(
            FindingKind.CheckpointMismatch,
            check.Source,
            check.Version,
            check.Sequence ?? checkpoint.UpToSequence,
            $"the log is not an extension of the checkpoint of {checkpoint.At:u}: up to sequence {checkpoint.UpToSequence} it has {tree.Count} events with root {root}{shorter}, the checkpoint {checkpoint.EventCount} with root {checkpoint.RootHash}"));
    }

    private static string Versions(long from, long to) => from == to ? $"version {from} is" : $"versions {from} to {to} are";
}
