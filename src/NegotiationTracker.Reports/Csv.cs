using System.Globalization;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;
using NegotiationTracker.Domain.Common;
using NegotiationTracker.Replay;
using NegotiationTracker.Projections.Positions;
using NegotiationTracker.Projections.Statements;
using NegotiationTracker.Projections.Timeline;

namespace NegotiationTracker.Reports;

/// <summary>
/// The CSV form (RFC 4180) of each list the ledger prints, one row per item, written the same way by the command line,
/// the report's files and anything served: columns named as the JSON names them, a list inside a cell joined with ";",
/// a date as its partial-date text, an instant in ISO 8601 UTC, and nothing at all in a cell that has no value.
/// </summary>
public static class Csv
{
    /// <summary>
    /// A cell that starts with = + - @ TAB or CR is prefixed with ' (OWASP's advice on CSV injection), so a spreadsheet shows
    /// a statement's text or a party's name as text rather than run it as a formula. CsvHelper applies this to every cell,
    /// numbers included; no numeric column here can be negative (sequences, versions and counts start at 0 or 1,
    /// credibility is 1–6), so no number is ever altered.
    /// </summary>
    private static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture)
    {
        InjectionOptions = InjectionOptions.Escape,
        InjectionCharacters = ['=', '+', '-', '@', '\t', '\r'],
        InjectionEscapeCharacter = '\'',
    };

    public static void Statements(TextWriter writer, IEnumerable<StatementView> statements) =>
        Write(writer, ReportTable.Statements(statements));

    /// <summary>A search's hits, best first: rank, the marked passage, and the statement's identifying fields.</summary>
    public static void SearchHits(TextWriter writer, IEnumerable<SearchHit> hits) =>
        Write(writer, hits.Select(h => new
        {
            rank = h.Rank.ToString("0.######", CultureInfo.InvariantCulture),
            highlight = h.Highlight,
            id = h.Statement.Id,
            negotiation = h.Statement.Negotiation,
            party = h.Statement.Party,
            partyName = h.Statement.PartyName,
            speaker = h.Statement.Speaker,
            speakerName = h.Statement.SpeakerName,
            said = h.Statement.Said.ToString(),
            issues = List(h.Statement.Issues),
            text = h.Statement.Text,
            source = h.Statement.Source?.Id,
            status = h.Statement.Status,
            denied = h.Statement.Denied,
        }));

    /// <summary>A negotiation's timeline or a party's dossier: every field of an entry, the sort keys included.</summary>
    public static void Timeline(TextWriter writer, IEnumerable<TimelineEntry> entries) =>
        Write(writer, entries.Select(e => new
        {
            id = e.Id,
            negotiationId = e.NegotiationId,
            kind = e.Kind,
            partyId = e.PartyId,
            speakerId = e.SpeakerId,
            said = e.Said?.ToString(),
            saidFrom = Instant(e.SaidFrom),
            saidUntil = Instant(e.SaidUntil),
            title = e.Title,
            detail = e.Detail,
            stance = e.Stance?.Word(),
            issueIds = List(e.IssueIds),
            partyIds = List(e.PartyIds),
            subject = e.Subject,
            sourceId = e.SourceId,
            status = e.Status,
            contested = e.Contested,
            credibility = e.Credibility,
            duplicateOf = e.DuplicateOf,
            streamKey = e.StreamKey,
            version = e.Version,
            recordedAt = Instant(e.RecordedAt),
            recordedBy = e.RecordedBy,
            sequence = e.Sequence,
        }));

    /// <summary>
    /// Position histories, one row per period of one stance: until is the next period's since (empty for the stance held
    /// now), contested is true when any of the period's statements was denied by its speaker, and contestedStatementIds
    /// says which.
    /// </summary>
    public static void Positions(TextWriter writer, IEnumerable<PositionHistory> histories) =>
        Write(writer, histories.SelectMany(h => h.Periods.Select((period, i) =>
        {
            var contested = period.StatementIds.Where(id => h.Evidence.Any(e => e.StatementId == id && e.Contested)).ToList();
            return new
            {
                negotiationId = h.NegotiationId,
                issueId = h.IssueId,
                partyId = h.PartyId,
                stance = period.Stance.Word(),
                since = period.Since.ToString(),
                until = i + 1 < h.Periods.Count ? h.Periods[i + 1].Since.ToString() : null,
                statementIds = List(period.StatementIds),
                isShift = period.IsShift,
                shiftedFrom = period.ShiftedFrom?.Word(),
                contested = contested.Count > 0,
                contestedStatementIds = List(contested),
            };
        })));

    /// <summary>A negotiation's events; each event's data is one cell of JSON, written with <paramref name="json"/>.</summary>
    public static void History(TextWriter writer, IEnumerable<HistoryEntry> history, JsonSerializerOptions json) =>
        Write(writer, history.Select(e => new
        {
            sequence = e.Sequence,
            stream = e.Stream,
            version = e.Version,
            type = e.Type,
            said = e.Said?.ToString(),
            recordedAt = Instant(e.RecordedAt),
            recordedBy = e.RecordedBy,
            correlationId = e.CorrelationId,
            data = JsonSerializer.Serialize(e.Data, e.Data.GetType(), json),
        }));

    /// <summary>Rows under a header; the header is written even when there are no rows, so every file says what its columns are.</summary>
    public static void Write<T>(TextWriter writer, IEnumerable<T> rows)
    {
        using var csv = new CsvWriter(writer, Configuration, leaveOpen: true);
        csv.WriteHeader<T>();
        csv.NextRecord();
        csv.WriteRecords(rows);
        csv.Flush();
    }

    /// <summary>A typed table, each cell as <see cref="ReportTable.Text"/> words it; the header even when there are no rows.</summary>
    public static void Write(TextWriter writer, ReportTable table)
    {
        using var csv = new CsvWriter(writer, Configuration, leaveOpen: true);
        foreach (var column in table.Columns)
        {
            csv.WriteField(column);
        }

        csv.NextRecord();
        foreach (var row in table.Rows)
        {
            foreach (var cell in row)
            {
                csv.WriteField(ReportTable.Text(cell));
            }

            csv.NextRecord();
        }

        csv.Flush();
    }

    public static string List(IEnumerable<string> items) => string.Join(";", items);

    public static string Instant(DateTimeOffset instant) => instant.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
}
