using NegotiationTracker.Domain.Common;

namespace NegotiationTracker.Replay;

/// <summary>
/// The two moments a diff compares, given on the two clocks: two moments of recording (known-at), or two dates of
/// happening (as-of). A single value of the other clock applies to both moments.
/// </summary>
public sealed record DiffMoments(IReadOnlyList<PartialDate> AsOf, IReadOnlyList<PartialDate> KnownAt)
{
    /// <summary>Exactly two moments: one clock given twice, the other at most once.</summary>
    public bool AreTwo => AsOf.Count <= 2 && KnownAt.Count <= 2 && Math.Max(AsOf.Count, KnownAt.Count) == 2;

    public (PartialDate? AsOf, PartialDate? KnownAt) Before => (Pick(AsOf, 0), Pick(KnownAt, 0));

    public (PartialDate? AsOf, PartialDate? KnownAt) After => (Pick(AsOf, 1), Pick(KnownAt, 1));

    /// <summary>What changed in the negotiation from the first moment to the second.</summary>
    public NegotiationDiff Between(NegotiationReplay events) =>
        NegotiationDiff.Between(events.At(Before.AsOf, Before.KnownAt), events.At(After.AsOf, After.KnownAt));

    private static PartialDate? Pick(IReadOnlyList<PartialDate> values, int index) => values.Count == 0 ? null : values[Math.Min(index, values.Count - 1)];
}
