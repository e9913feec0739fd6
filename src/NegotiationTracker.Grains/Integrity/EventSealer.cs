using JasperFx.Events;

namespace NegotiationTracker.Grains.Integrity;

/// <summary>
/// Seals events about to be appended, before the session saves them, so each seal is written in the same row and transaction
/// as its event. Stamps recorded-at and recorded-by on the events itself, because Marten keeps a timestamp set before the save
/// (Rich appends) and the seal must cover exactly what is stored.
/// </summary>
public static class EventSealer
{
    /// <param name="events">The events of the append, as Marten returned them from Append/StartStream.</param>
    /// <param name="versionBefore">The stream's version the append expects (0 for a new stream).</param>
    /// <param name="previous">The stream's chain head: the hash of its last event (<see cref="EventChain.HeadOf"/>).</param>
    /// <returns>The stream's chain head after the append.</returns>
    public static string Seal(IReadOnlyList<IEvent> events, string streamKey, long versionBefore, string previous, string? recordedBy, DateTimeOffset now)
    {
        var recordedAt = SealedContent.ToMicroseconds(now);
        var head = previous;
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            e.Timestamp = recordedAt;
            e.UserName = recordedBy;
            var hash = Convert.ToHexStringLower(SealedContent.Of(e, streamKey).Hash(Convert.FromHexString(head), versionBefore + i + 1));
            new EventSeal(hash, head).WriteTo(e);
            head = hash;
        }

        return head;
    }
}
