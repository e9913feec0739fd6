using JasperFx.Events;
using Marten;
using Marten.Events;
using Marten.Linq.MatchesSql;
using NegotiationTracker.Domain.Negotiations;
using NegotiationTracker.Domain.Parties;
using NegotiationTracker.Projections;
using NegotiationTracker.Projections.Parties;
using NegotiationTracker.Projections.Statements;

namespace NegotiationTracker.Replay;

/// <summary>
/// Everything the event store holds about one statement: the event that recorded it, every report, correction, amendment,
/// grade and link that touches it, and the grades of the sources involved; each with when and by whom it was recorded.
/// Read from the event store, not from a view, so an audit does not depend on any projection being right.
/// </summary>
public sealed record StatementAudit(string NegotiationId, string StatementId, string PartyId, IReadOnlyList<HistoryEntry> Events)
{
    /// <summary>The party's name from its profile, for people to read; null when the profile is not there.</summary>
    public string? PartyName { get; init; }

    public static async Task<StatementAudit?> LoadAsync(IQuerySession session, string negotiationId, string statementId, CancellationToken cancellationToken = default)
    {
        var claim = await session.LoadAsync<StatementRecord>(Party.StatementKey(negotiationId, statementId), cancellationToken);
        if (claim is null)
        {
            return null;
        }

        var touching = new List<IEvent>(await StoredEvents.OfPartyIn(session, claim.PartyId, negotiationId)
            .Where(e => e.MatchesSql("d.data ->> 'statementId' = ?", statementId))
            .ToListAsync(cancellationToken));
        var sources = touching.Select(e => e.Data switch
        {
            StatementMade s => s.SourceId,
            StatementReported r => r.SourceId,
            ReportCorrected c => c.SourceId,
            _ => null,
        }).OfType<string>().Distinct().ToArray();
        if (sources.Length > 0)
        {
            touching.AddRange(await session.Events.QueryAllRawEvents()
                .Where(e => e.StreamKey == $"negotiation/{negotiationId}")
                .Where(e => e.EventTypesAre(typeof(SourceRegistered), typeof(SourceGraded)))
                .Where(e => e.MatchesSql("d.data ->> 'sourceId' = any(?)", new object[] { sources }))
                .ToListAsync(cancellationToken));
        }

        var party = await session.LoadAsync<PartyProfile>(claim.PartyId, cancellationToken);
        return new StatementAudit(negotiationId, statementId, claim.PartyId, touching.OrderBy(e => e.Sequence).Select(HistoryEntry.Of).ToList()) { PartyName = party?.Name };
    }

    /// <summary>
    /// Which statement is meant: <c>negotiation-id/statement-id</c>, a statement id with its negotiation named, or a bare
    /// statement id, which is enough when exactly one negotiation uses it.
    /// </summary>
    public static async Task<StatementLocation> LocateAsync(IQuerySession session, string statement, string? negotiationId, CancellationToken cancellationToken = default)
    {
        if (statement.Split('/') is [var inNegotiation, var id])
        {
            return new StatementLocation(id, inNegotiation, [inNegotiation]);
        }

        if (negotiationId is not null)
        {
            return new StatementLocation(statement, negotiationId, [negotiationId]);
        }

        var usedIn = await NegotiationsUsingAsync(session, statement, cancellationToken);
        return new StatementLocation(statement, usedIn.Count == 1 ? usedIn[0] : null, usedIn);
    }

    /// <summary>Statement ids are unique within a negotiation: the negotiations in which this id is used.</summary>
    public static async Task<IReadOnlyList<string>> NegotiationsUsingAsync(IQuerySession session, string statementId, CancellationToken cancellationToken = default)
    {
        var suffix = "/" + statementId;
        var claims = await session.Query<StatementRecord>().Where(c => c.Id.EndsWith(suffix)).ToListAsync(cancellationToken);
        return claims.Select(c => c.Id[..^suffix.Length]).ToList();
    }
}

/// <summary>
/// A statement id and the negotiation it was found in; <see cref="NegotiationId"/> is null when no negotiation uses the id
/// (<see cref="UsedIn"/> is empty) or several do (it lists them).
/// </summary>
public sealed record StatementLocation(string StatementId, string? NegotiationId, IReadOnlyList<string> UsedIn);
