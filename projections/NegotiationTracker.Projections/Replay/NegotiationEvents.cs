using JasperFx.Events;
using Marten;
using NegotiationTracker.Domain.Common;
using NegotiationTracker.Domain.Negotiations;
using NegotiationTracker.Domain.Parties;

namespace NegotiationTracker.Projections.Replay;

/// <summary>
/// A negotiation's events read straight from the event store, not from any view: its own stream, and the statements and
/// answers its members made in it from their streams. Only members can speak or answer, so the members' streams hold them all.
/// </summary>
public sealed class NegotiationEvents(IReadOnlyList<IEvent> events)
{
    /// <summary>In recorded order (global sequence).</summary>
    public IReadOnlyList<IEvent> All { get; } = events;

    public static async Task<NegotiationEvents?> LoadAsync(IQuerySession session, string negotiationId, CancellationToken cancellationToken = default)
    {
        var own = await session.Events.FetchStreamAsync($"negotiation/{negotiationId}", token: cancellationToken);
        if (own.Count == 0)
        {
            return null;
        }

        var events = new List<IEvent>(own);
        foreach (var member in own.Select(e => e.Data).OfType<PartyJoined>().Select(j => j.PartyId).Distinct())
        {
            var party = await session.Events.FetchStreamAsync($"party/{member}", token: cancellationToken);
            events.AddRange(party.Where(e => e.Data switch
            {
                StatementMade s => s.NegotiationId == negotiationId,
                ProposalAnswered a => a.NegotiationId == negotiationId,
                _ => false,
            }));
        }

        return new NegotiationEvents(events.OrderBy(e => e.Sequence).ToList());
    }

    /// <summary>
    /// What had happened by the end of a date: events whose said date ends by then. An event said "2024-09" has not surely
    /// happened by 15 September, so it is left out of --as-of 2024-09-15. Undated bookkeeping (issues, sources) is kept.
    /// </summary>
    public NegotiationEvents HappenedBy(PartialDate date) => new(All.Where(e => Said(e) is not { } said || said.End <= date.End || said.Start <= date.Start && said.Precision == DatePrecision.Instant).ToList());

    /// <summary>What we knew at an instant: events recorded by then, whenever they say they happened.</summary>
    public NegotiationEvents KnownAt(DateTimeOffset instant) => new(All.Where(e => e.Timestamp <= instant).ToList());

    public static PartialDate? Said(IEvent e) => e.Data switch
    {
        NegotiationOpened x => x.Opened,
        PartyJoined x => x.Said,
        NegotiationStatusChanged x => x.Said,
        ProposalTabled x => x.Said,
        ProposalWithdrawn x => x.Said,
        AgreementReached x => x.Said,
        AgreementSigned x => x.Said,
        StatementMade x => x.Said,
        ProposalAnswered x => x.Said,
        SourceRegistered x => x.Published,
        _ => null,
    };
}
