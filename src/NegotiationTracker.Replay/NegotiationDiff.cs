using System.Text.Json.Serialization;
using JasperFx.Events;
using NegotiationTracker.Domain.Common;
using NegotiationTracker.Domain.Negotiations;
using NegotiationTracker.Domain.Parties;
using NegotiationTracker.Projections.Negotiations;

namespace NegotiationTracker.Replay;

/// <summary>
/// What changed between two moments of a negotiation, from two filtered replays of its events: what entered the record
/// (statements, proposals, answers, agreements, signatures, status changes, members) and whose stance moved.
/// </summary>
public sealed record NegotiationDiff(
    IReadOnlyList<AddedStatement> StatementsAdded,
    IReadOnlyList<StanceShift> StancesShifted,
    IReadOnlyList<ProposalTabled> ProposalsTabled,
    IReadOnlyList<ProposalAnswered> ProposalsAnswered,
    IReadOnlyList<ProposalWithdrawn> ProposalsWithdrawn,
    IReadOnlyList<AgreementReached> AgreementsReached,
    IReadOnlyList<AgreementSigned> AgreementsSigned,
    IReadOnlyList<NegotiationStatusChanged> StatusChanges,
    IReadOnlyList<PartyJoined> PartiesJoined,
    [property: JsonConverter(typeof(CorrectionsJsonConverter))] IReadOnlyList<object> CorrectionsApplied,
    int EventsOnlyBefore)
{
    public int Count => StatementsAdded.Count + StancesShifted.Count + ProposalsTabled.Count + ProposalsAnswered.Count + ProposalsWithdrawn.Count
        + AgreementsReached.Count + AgreementsSigned.Count + StatusChanges.Count + PartiesJoined.Count + CorrectionsApplied.Count;

    public static NegotiationDiff Between(NegotiationReplay before, NegotiationReplay after)
    {
        var known = before.All.Select(e => e.Sequence).ToHashSet();
        var added = after.All.Where(e => !known.Contains(e.Sequence)).Select(e => e.Data).ToList();
        var stillThere = after.All.Select(e => e.Sequence).ToHashSet();
        var readings = StatementReading.Fold(after.All.Select(e => e.Data));
        return new NegotiationDiff(
            added.OfType<StatementMade>().Select(s => AddedStatement.Of(readings[Party.StatementKey(s.NegotiationId, s.StatementId)])).ToList(),
            Shifts(Stances.Replay(before.All), Stances.Replay(after.All)),
            added.OfType<ProposalTabled>().ToList(),
            added.OfType<ProposalAnswered>().ToList(),
            added.OfType<ProposalWithdrawn>().ToList(),
            added.OfType<AgreementReached>().ToList(),
            added.OfType<AgreementSigned>().ToList(),
            added.OfType<NegotiationStatusChanged>().ToList(),
            added.OfType<PartyJoined>().ToList(),
            added.Where(e => e is IStatementAnnotation or SourceGraded).ToList(),
            before.All.Count(e => !stillThere.Contains(e.Sequence)));
    }

    private static List<StanceShift> Shifts(IReadOnlyList<PositionEntry> before, IReadOnlyList<PositionEntry> after)
    {
        var was = before.ToDictionary(p => (p.Party, p.Issue));
        return after
            .Where(p => !was.TryGetValue((p.Party, p.Issue), out var old) || old.Stance != p.Stance)
            .Select(p => new StanceShift(p.Party, p.Issue, was.TryGetValue((p.Party, p.Issue), out var old) ? old.Stance : null, p.Stance, p.StatementId, p.Said) { Contested = p.Contested })
            .OrderBy(s => s.Issue, StringComparer.Ordinal).ThenBy(s => s.Party, StringComparer.Ordinal)
            .ToList();
    }
}

/// <summary>A party's stance on an issue that is new or different at the later moment; <see cref="From"/> is null for a first stance.</summary>
public sealed record StanceShift(string Party, string Issue, Stance? From, Stance To, string StatementId, PartialDate Said)
{
    /// <summary>The statement the new stance rests on was denied by its speaker.</summary>
    public bool Contested { get; init; }
}

/// <summary>
/// A statement that entered the record between the two moments, as it reads at the later one: its fields after our
/// amendments, and whether it stands, was retracted, is void or a duplicate, or is contested.
/// </summary>
public sealed record AddedStatement(
    string StatementId,
    string NegotiationId,
    string PartyId,
    string? SpeakerId,
    StatementKind Kind,
    Stance? Stance,
    IReadOnlyList<string> IssueIds,
    string Text,
    Attribution Attribution,
    PartialDate Said,
    string? SourceId,
    string Status,
    bool Contested,
    int? Credibility,
    string? DuplicateOf)
{
    public static AddedStatement Of(StatementReading reading)
    {
        var s = reading.Current;
        return new(s.StatementId, s.NegotiationId, s.PartyId, s.SpeakerId, s.Kind, s.Stance, s.IssueIds, s.Text, s.Attribution, s.Said, s.SourceId,
            reading.Standing.Status, reading.Standing.Contested, reading.Standing.Credibility, reading.Standing.DuplicateOf);
    }
}

/// <summary>One event as the history lists it: where it sits in the store and who recorded it when.</summary>
public sealed record HistoryEntry(long Sequence, string Stream, long Version, string Type, PartialDate? Said, DateTimeOffset RecordedAt, string? RecordedBy, string? CorrelationId, object Data)
{
    public static HistoryEntry Of(IEvent e) =>
        new(e.Sequence, e.StreamKey ?? "", e.Version, e.EventTypeName, NegotiationReplay.Said(e), Projections.RecordedAt.Of(e), e.UserName, e.CorrelationId, e.Data);
}
