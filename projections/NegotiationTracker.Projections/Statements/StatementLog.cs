using System.Text.Json.Serialization;
using Marten;
using Marten.Linq.MatchesSql;
using NegotiationTracker.Domain.Common;
using NegotiationTracker.Projections.Negotiations;
using NegotiationTracker.Projections.Parties;

namespace NegotiationTracker.Projections.Statements;

/// <summary>
/// Which statements to list. Dates match by overlap: a statement said "2024-09" is listed for --from 2024-09-15, because
/// it may have been said on that day or after; the ledger never narrows a date its source left open.
/// </summary>
/// <remarks>Retracted, void and duplicate records are left out unless <see cref="IncludeRetracted"/>; denied ones are shown, marked.</remarks>
public sealed record StatementFilter(
    string NegotiationId,
    string? Party = null,
    string? Speaker = null,
    string? Issue = null,
    PartialDate? From = null,
    PartialDate? To = null,
    bool IncludeRetracted = false,
    string? RecordedBy = null)
{
    /// <summary>An audit's filter: it shows everything, retracted, void and duplicate records included, each marked.</summary>
    public static StatementFilter Audit(string negotiationId, string? party = null, string? speaker = null, string? recordedBy = null, PartialDate? from = null, PartialDate? to = null) =>
        new(negotiationId, party, speaker, Issue: null, from, to, IncludeRetracted: true, RecordedBy: recordedBy);
}

public sealed record SourceView(string Id, string Title, string? Outlet, string? Url, PartialDate? Published);

public sealed record StatementView(
    string Id,
    string Negotiation,
    string Party,
    string PartyName,
    string? Speaker,
    string? SpeakerName,
    StatementKind Kind,
    Stance? Stance,
    IReadOnlyList<string> Issues,
    string Text,
    Attribution Attribution,
    PartialDate Said,
    SourceView? Source,
    DateTimeOffset RecordedAt,
    string? RecordedBy,
    long Sequence)
{
    /// <summary>standing, retracted, void or duplicate.</summary>
    public string Status { get; init; } = StatementRecord.Statuses.Standing;

    public bool Denied { get; init; }

    public string? DuplicateOf { get; init; }

    /// <summary>Admiralty credibility 1–6 of the information, when graded.</summary>
    public int? Credibility { get; init; }

    /// <summary>Admiralty reliability A–F of the statement's source, when graded.</summary>
    public char? SourceReliability { get; init; }

    public IReadOnlyList<StatementAnnotation> Annotations { get; init; } = [];

    public IReadOnlyList<StatementReport> Reports { get; init; } = [];

    /// <summary>The kind of the party, when its profile is known: a person-party speaks for itself.</summary>
    public PartyKind? PartyKind { get; init; }

    /// <summary>
    /// The speaker's name where it says more than the party's: none for a person-party speaking for itself, nor when the
    /// two names are the same, so a reader never sees "Adam Weinstein for Adam Weinstein". Worded from the fields above.
    /// </summary>
    [JsonIgnore]
    public string? SpeakerApart =>
        SpeakerName is { } name && name != PartyName && PartyKind != Domain.Common.PartyKind.Person ? name : null;
}

public static class StatementLog
{
    /// <summary>The statements the filter matches (see the other overload); null when the negotiation is not in the ledger.</summary>
    public static Task<IReadOnlyList<StatementView>?> QueryAsync(IQuerySession session, StatementFilter filter, CancellationToken cancellationToken = default) =>
        NegotiationSummary.IfKnownAsync(session, filter.NegotiationId, negotiation => QueryAsync(session, negotiation, filter, cancellationToken: cancellationToken), cancellationToken);

    /// <summary>Statements in the order they were said (coarser dates first among equals), then in the order they were recorded.</summary>
    /// <param name="negotiation">The summary of the filter's negotiation, for the statements' sources.</param>
    /// <param name="profiles">The members' profiles, when the caller has read them already (<see cref="PartyProfile.OfMembersAsync"/>).</param>
    public static async Task<IReadOnlyList<StatementView>> QueryAsync(IQuerySession session, NegotiationSummary negotiation, StatementFilter filter,
        IReadOnlyDictionary<string, PartyProfile>? profiles = null, CancellationToken cancellationToken = default)
    {
        var records = await InSaidOrder(Matching(session, filter)).ToListAsync(cancellationToken);
        return await ViewsAsync(session, negotiation, records, profiles, cancellationToken);
    }

    /// <summary>
    /// One page of <see cref="QueryAsync(IQuerySession, StatementFilter, CancellationToken)"/>, in the same order, counted and cut in PostgreSQL: the statements from
    /// <paramref name="offset"/> on, at most <paramref name="limit"/>, and how many the filter matches in all.
    /// </summary>
    /// <returns>null when the negotiation is not in the ledger.</returns>
    public static Task<Page<StatementView>?> QueryPageAsync(IQuerySession session, StatementFilter filter, int offset, int limit, CancellationToken cancellationToken = default) =>
        NegotiationSummary.IfKnownAsync(session, filter.NegotiationId, async negotiation =>
        {
            var records = await InSaidOrder(Matching(session, filter)).Stats(out var stats).Skip(offset).Take(limit).ToListAsync(cancellationToken);

            // The total rides on the page's rows; a page past the end has none, so it is counted by a query of its own (Marten
            // refuses statistics on a count, and keeps them on the queryable they were asked of).
            var total = records.Count > 0 || offset == 0 ? stats.TotalResults : await Matching(session, filter).CountAsync(cancellationToken);
            return new Page<StatementView>(await ViewsAsync(session, negotiation, records, profiles: null, cancellationToken), total);
        }, cancellationToken);

    private static IQueryable<StatementRecord> Matching(IQuerySession session, StatementFilter filter)
    {
        var query = session.Query<StatementRecord>().Where(s => s.NegotiationId == filter.NegotiationId);
        if (filter.Party is { } party)
        {
            query = query.Where(s => s.PartyId == party);
        }

        if (filter.Speaker is { } speaker)
        {
            query = query.Where(s => s.SpeakerId == speaker);
        }

        if (filter.Issue is { } issue)
        {
            query = query.Where(s => s.IssueIds.Contains(issue));
        }

        if (!filter.IncludeRetracted)
        {
            query = query.Where(s => s.Status == StatementRecord.Statuses.Standing);
        }

        if (filter.RecordedBy is { } text)
        {
            var recorders = RecorderFilter.Parse("recordedBy", text).Filter ?? new RecorderFilter([text], null);
            var exactly = recorders.Exactly.ToArray();
            if (recorders.OsUserStart is { } start)
            {
                // starts_with, not LINQ's StartsWith, which makes a pattern of the name (an '_' in it would match any character).
                // What follows the start is the host, which has no '@': os:alice matches os:alice@host, never os:alice@corp@host.
                var host = start.Length + 1;
                query = query.Where(s => s.MatchesSql(
                    "(d.data ->> 'recordedBy' = any(?) or (starts_with(d.data ->> 'recordedBy', ?) and strpos(substr(d.data ->> 'recordedBy', ?), '@') = 0))",
                    exactly, start, host));
            }
            else
            {
                query = query.Where(s => s.RecordedBy.IsOneOf(exactly));
            }
        }

        if (filter.From is { } from)
        {
            var start = from.Start;
            query = query.Where(s => s.SaidUntil > start || s.SaidFrom >= start);
        }

        if (filter.To is { } to)
        {
            var end = to.End;
            query = query.Where(s => s.SaidFrom < end || s.SaidFrom <= to.Start);
        }

        return query;
    }

    private static IQueryable<StatementRecord> InSaidOrder(IQueryable<StatementRecord> records) =>
        records.OrderBy(s => s.SaidFrom).ThenByDescending(s => s.SaidUntil).ThenBy(s => s.Sequence);

    /// <summary>The records as users read them: with their party's and speaker's names and their source.</summary>
    internal static async Task<IReadOnlyList<StatementView>> ViewsAsync(IQuerySession session, NegotiationSummary summary, IReadOnlyList<StatementRecord> records,
        IReadOnlyDictionary<string, PartyProfile>? profiles, CancellationToken cancellationToken)
    {
        var sources = summary.Sources.ToDictionary(s => s.Id);
        profiles ??= (await session.LoadManyAsync<PartyProfile>(cancellationToken, records.Select(r => r.PartyId).Distinct().ToArray())).ToDictionary(p => p.Id);

        return records.Select(r =>
        {
            var profile = profiles.GetValueOrDefault(r.PartyId);
            var source = r.SourceId is { } id && sources.TryGetValue(id, out var s) ? new SourceView(s.Id, s.Title, s.Outlet, s.Url, s.Published) : null;
            return new StatementView(
                r.StatementId,
                r.NegotiationId,
                r.PartyId,
                profile?.Name ?? r.PartyId,
                r.SpeakerId,
                r.SpeakerId is null ? null : profile?.People.Find(p => p.Id == r.SpeakerId)?.Name,
                r.Kind,
                r.Stance,
                r.IssueIds,
                r.Text,
                r.Attribution,
                r.Said,
                source,
                r.RecordedAt,
                r.RecordedBy,
                r.Sequence)
            {
                Status = r.Status,
                Denied = r.Denied,
                DuplicateOf = r.DuplicateOf,
                Credibility = r.Credibility,
                SourceReliability = r.SourceId is { } graded && summary.SourceReliability.TryGetValue(graded, out var reliability) ? reliability : null,
                Annotations = r.Annotations,
                Reports = r.Reports,
                PartyKind = profile?.Kind,
            };
        }).ToList();
    }
}
