using JasperFx.Events;

namespace NegotiationTracker.Projections;

public static class RecordedAt
{
    /// <summary>
    /// When an event was recorded, as PostgreSQL keeps it (microseconds). Rich appends stamp events in .NET with 100 ns
    /// ticks; an inline view would keep the finer value and a rebuilt one the stored value, and the two must be identical.
    /// </summary>
    public static DateTimeOffset Of(IEvent e) => new(e.Timestamp.Ticks - e.Timestamp.Ticks % 10, e.Timestamp.Offset);
}
