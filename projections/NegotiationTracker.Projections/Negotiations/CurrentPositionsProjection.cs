using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using NegotiationTracker.Domain.Parties;

namespace NegotiationTracker.Projections.Negotiations;

/// <summary>
/// Keeps <see cref="CurrentPositions"/> in the same transaction as the statements and corrections that move them. Inline,
/// because the state a command prints right after recording must show the stance it recorded.
/// </summary>
/// <remarks>
/// A projection of its own rather than a Marten aggregation, because a correction needs what the party said before, and
/// that is in the party's stream, not in the document: a new statement moves a position forward from the document alone
/// (<see cref="Stances.TakePosition"/>); a batch holding a correction folds the party's stream in this negotiation again,
/// the stored events up to the batch plus the batch's own, which are not stored yet when this runs inline.
/// </remarks>
public sealed class CurrentPositionsProjection : IProjection
{
    public const string ProjectionName = "current-positions";

    public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        var moves = events
            .Where(e => Stances.Moves(e.Data))
            .GroupBy(e => CurrentPositions.Key(NegotiationOf(e.Data), PartyOf(e.Data)))
            .ToList();
        if (moves.Count == 0)
        {
            return;
        }

        var documents = (await operations.LoadManyAsync<CurrentPositions>(cancellation, moves.Select(m => m.Key).ToArray())).ToDictionary(d => d.Id);
        foreach (var party in moves)
        {
            var first = party.First();
            var document = documents.GetValueOrDefault(party.Key)
                ?? new CurrentPositions { Id = party.Key, NegotiationId = NegotiationOf(first.Data), PartyId = PartyOf(first.Data) };

            if (party.All(e => e.Data is StatementMade))
            {
                foreach (var e in party)
                {
                    Stances.TakePosition(document.Positions, (StatementMade)e.Data, e.Sequence);
                    document.Statements++;
                }
            }
            else
            {
                var stances = Stances.Of(await PartyEventsAsync(operations, document.NegotiationId, [.. party], cancellation));
                document.Positions = stances.Positions();
                document.Statements = stances.StatementCounts().GetValueOrDefault(document.PartyId);
            }

            operations.Store(document);
        }
    }

    /// <summary>
    /// The party's events in the negotiation up to the last of the batch's: those stored, and the batch's own where they are
    /// not stored yet (inline). A rebuild reads them from the store, where they already are, so versions tell them apart.
    /// </summary>
    private static async Task<IEnumerable<IEvent>> PartyEventsAsync(IDocumentOperations operations, string negotiationId, IReadOnlyList<IEvent> batch, CancellationToken cancellation)
    {
        var partyId = PartyOf(batch[0].Data);
        var upTo = batch.Max(e => e.Version);
        var stored = await StoredEvents.OfPartyIn(operations, partyId, negotiationId).Where(e => e.Version <= upTo).ToListAsync(cancellation);
        var storedUpTo = stored.Count == 0 ? 0 : stored.Max(e => e.Version);
        return stored
            .Where(e => Stances.Moves(e.Data))
            .Concat(batch.Where(e => e.Version > storedUpTo))
            .OrderBy(e => e.Version);
    }

    private static string NegotiationOf(object data) => data switch
    {
        StatementMade s => s.NegotiationId,
        IStatementAnnotation a => a.NegotiationId,
        _ => throw new ArgumentException($"{data.GetType().Name} does not move a position", nameof(data)),
    };

    private static string PartyOf(object data) => data switch
    {
        StatementMade s => s.PartyId,
        IStatementAnnotation a => a.PartyId,
        _ => throw new ArgumentException($"{data.GetType().Name} does not move a position", nameof(data)),
    };
}
