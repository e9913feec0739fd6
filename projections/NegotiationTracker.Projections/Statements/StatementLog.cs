using Marten;
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
    string? RecordedBy = null);

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
}

public static class StatementLog
{
    /// <summary>Statements in the order they were said (coarser dates first among equals), then in the order they were recorded.</summary>
    public static async Task<IReadOnlyList<StatementView>> QueryAsync(IQuerySession session, StatementFilter filter, CancellationToken cancellationToken = default)
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

        if (filter.RecordedBy is { } recorder)
        {
            query = query.Where(s => s.RecordedBy == recorder);
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

        var records = await query.OrderBy(s => s.SaidFrom).ThenByDescending(s => s.SaidUntil).ThenBy(s => s.Sequence).ToListAsync(cancellationToken);

        var summary = await session.LoadAsync<NegotiationSummary>(filter.NegotiationId, cancellationToken);
        var sources = (summary?.Sources ?? []).ToDictionary(s => s.Id);
        var profiles = (await session.LoadManyAsync<PartyProfile>(cancellationToken, records.Select(r => r.PartyId).Distinct().ToArray())).ToDictionary(p => p.Id);

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
                SourceReliability = r.SourceId is { } graded && summary?.SourceReliability.TryGetValue(graded, out var reliability) == true ? reliability : null,
                Annotations = r.Annotations,
                Reports = r.Reports,
            };
        }).ToList();
    }
}
