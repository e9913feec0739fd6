using Marten;
using NegotiationTracker.Projections.Parties;
using NegotiationTracker.Projections.Timeline;

namespace NegotiationTracker.Projections.Dossiers;

/// <summary>
/// Everything one party and its people said and did, across all negotiations, newest first. Served from the timeline rows
/// through an index on the acting party rather than kept as one growing document per party.
/// </summary>
public sealed record PartyDossier(PartyProfile Party, IReadOnlyList<TimelineEntry> Entries)
{
    /// <summary>How many entries a dossier shows unless asked for more, and the most it shows.</summary>
    public const int DefaultEntries = 200;

    public const int MaxEntries = 10_000;

    public static async Task<PartyDossier?> LoadAsync(IQuerySession session, string partyId, int limit = 500, CancellationToken cancellationToken = default)
    {
        var profile = await session.LoadAsync<PartyProfile>(partyId, cancellationToken);
        if (profile is null)
        {
            return null;
        }

        var entries = await session.Query<TimelineEntry>()
            .Where(e => e.PartyId == partyId)
            .OrderByDescending(e => e.SaidFrom).ThenBy(e => e.SaidUntil).ThenByDescending(e => e.Id)
            .Take(limit)
            .ToListAsync(cancellationToken);
        return new PartyDossier(profile, entries);
    }
}
