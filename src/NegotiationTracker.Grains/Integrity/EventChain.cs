using JasperFx.Events;

namespace NegotiationTracker.Grains.Integrity;

/// <summary>Where a stream's chain stands, for its writer to chain the next append from.</summary>
public static class EventChain
{
    /// <summary>
    /// The hash of a stream's last event, from its events in version order: a sealed event's own seal, or for an event
    /// appended without one (another writer, events from before sealing) or with a malformed one, its hash computed from its stored content, chained
    /// the same way. Nothing is checked here: verification is the verify command's job, not the writer's.
    /// </summary>
    public static string HeadOf(IEnumerable<IEvent> events)
    {
        var head = EventSeal.Genesis;
        foreach (var e in events)
        {
            head = EventSeal.Of(e) is { IsWellFormed: true } seal
                ? seal.Hash
                : Convert.ToHexStringLower(SealedContent.Of(e).Hash(Convert.FromHexString(head), e.Version));
        }

        return head;
    }
}
