using JasperFx.Events;
using Marten;
using NegotiationTracker.Domain.Common;
using NegotiationTracker.Domain.Negotiations;
using NegotiationTracker.Domain.Parties;
using NegotiationTracker.Projections;
using NegotiationTracker.Projections.Negotiations;

namespace NegotiationTracker.Replay;

/// <summary>
/// A negotiation's events read straight from the event store, not from any view: its own stream, and the statements and
/// answers its members made in it from their streams. Only members can speak or answer, so the members' streams hold them all.
/// </summary>
public sealed class NegotiationReplay(IReadOnlyList<IEvent> events)
{
    /// <summary>In recorded order (global sequence).</summary>
    public IReadOnlyList<IEvent> All { get; } = events;

    /// <summary>Every event as the history lists it, in recorded order.</summary>
    public IReadOnlyList<HistoryEntry> History() => All.Select(HistoryEntry.Of).ToList();

    /// <returns>null when the negotiation is not in the ledger.</returns>
    public static async Task<NegotiationReplay?> LoadAsync(IQuerySession session, string negotiationId, CancellationToken cancellationToken = default)
    {
        var own = await session.Events.FetchStreamAsync(Streams.Negotiation(negotiationId), token: cancellationToken);
        if (own.Count == 0)
        {
            return null;
        }

        var events = new List<IEvent>(own);
        foreach (var member in own.Select(e => e.Data).OfType<PartyJoined>().Select(j => j.PartyId).Distinct())
        {
            events.AddRange(await StoredEvents.OfPartyIn(session, member, negotiationId).ToListAsync(cancellationToken));
        }

        return new NegotiationReplay(events.OrderBy(e => e.Sequence).ToList());
    }

    /// <summary>
    /// What had happened by the end of a date. A statement, proposal, answer, agreement or status change counts only when its
    /// whole said period ends by then: one said "2024-09" has not surely happened by 15 September, so --as-of 2024-09-15
    /// leaves it out rather than claim what the source does not say. The frame is kept when it may have begun by then: a
    /// negotiation opened "2024" and the parties that joined it exist for --as-of 2024-09-30. Undated bookkeeping (issues,
    /// sources, our own amendments, voids, links and grades) is kept. A statement is dated by its reading among these
    /// events: an amendment of its said date moves it.
    /// </summary>
    public NegotiationReplay HappenedBy(PartialDate date)
    {
        var readings = StatementReading.Fold(All.Select(e => e.Data));
        return new(All.Where(e => SaidAsRead(e, readings) switch
        {
            null => true,
            { } said when e.Data is NegotiationOpened or PartyJoined or SourceRegistered => said.Start < date.End || said.Start == date.Start,
            { } said => said.End <= date.End,
        }).ToList());
    }

    /// <summary>When an event says it happened; for a statement, the said date of its reading.</summary>
    private static PartialDate? SaidAsRead(IEvent e, IReadOnlyDictionary<string, StatementReading> readings) =>
        e.Data is StatementMade s && readings.TryGetValue(Party.StatementKey(s.NegotiationId, s.StatementId), out var reading) ? reading.Current.Said : Said(e);

    /// <summary>
    /// What we knew at a moment: events recorded by then, whenever they say they happened. A day (or month, or year) means
    /// by the end of it; an instant means by that instant.
    /// </summary>
    public NegotiationReplay KnownAt(PartialDate moment) =>
        new(All.Where(e => moment.Precision == DatePrecision.Instant ? e.Timestamp <= moment.Start : e.Timestamp < moment.End).ToList());

    /// <summary>Both clocks at once: what had happened by one date, as far as it was known at another moment.</summary>
    public NegotiationReplay At(PartialDate? asOf, PartialDate? knownAt)
    {
        var events = this;
        if (knownAt is { } known)
        {
            events = events.KnownAt(known);
        }

        return asOf is { } happened ? events.HappenedBy(happened) : events;
    }

    /// <summary>When an event says it happened in the world, if it says so.</summary>
    public static PartialDate? Said(IEvent e) => (e.Data as IHappened)?.Said;

    /// <summary>
    /// The state replayed from the event store through the live view's own code: what had happened by <paramref name="asOf"/>,
    /// as far as it was recorded by <paramref name="knownAt"/> (either or both).
    /// </summary>
    /// <returns>null when the negotiation had not been opened by then.</returns>
    public async Task<NegotiationState?> StateAsync(IQuerySession session, PartialDate? asOf, PartialDate? knownAt, EvidenceFilter? filter = null, CancellationToken cancellationToken = default)
    {
        var then = At(asOf, knownAt).All;
        if (NegotiationSummaryProjection.Replay(then) is not { } summary)
        {
            return null;
        }

        var stances = Stances.Of(then, filter);
        return await NegotiationState.FromAsync(session, summary, stances.Positions(), stances.StatementCounts(), cancellationToken: cancellationToken);
    }
}
