using System.Globalization;
using CsvHelper;
using NegotiationTracker.Domain.Common;

namespace NegotiationTracker.Reports;

/// <summary>
/// The report as one CSV file per table, for spreadsheets. Lists inside a cell are joined with ";", and an answer or a
/// signature is written "party:value", so a cell stays one value a spreadsheet can split.
/// </summary>
public static class CsvReport
{
    /// <summary>The tables, each one file named after it.</summary>
    public static readonly IReadOnlyList<string> Tables = ["statements", "positions", "proposals", "agreements", "timeline"];

    public static readonly IReadOnlyList<string> FileNames = Tables.Select(table => table + ".csv").ToList();

    /// <returns>The paths written, in the order of <see cref="FileNames"/>.</returns>
    public static IReadOnlyList<string> Write(NegotiationReport report, string folder)
    {
        Directory.CreateDirectory(folder);
        return Tables.Select(table =>
        {
            var path = Path.Combine(folder, table + ".csv");
            using var writer = new StreamWriter(path);
            WriteTable(report, table, writer);
            return path;
        }).ToList();
    }

    /// <summary>Writes one of the <see cref="Tables"/> as CSV.</summary>
    public static void WriteTable(NegotiationReport report, string table, TextWriter writer)
    {
        switch (table)
        {
            case "statements":
                WriteRows(writer, report.Statements.Select(s => new
                {
                    id = s.Id,
                    negotiation = s.Negotiation,
                    said = s.Said.ToString(),
                    party = s.Party,
                    partyName = s.PartyName,
                    speaker = s.Speaker,
                    speakerName = s.SpeakerName,
                    kind = s.Kind.Word(),
                    stance = s.Stance?.Word(),
                    issues = string.Join(";", s.Issues),
                    text = s.Text,
                    attribution = s.Attribution.Word(),
                    source = s.Source?.Id,
                    sourceTitle = s.Source?.Title,
                    recordedAt = Instant(s.RecordedAt),
                    recordedBy = s.RecordedBy,
                    sequence = s.Sequence,
                }));
                break;
            case "positions":
                WriteRows(writer, report.Positions.SelectMany(issue => issue.Parties.Select(p => new
                {
                    issue = issue.IssueId,
                    party = p.PartyId,
                    stance = p.Stance.Word(),
                    latestEvidence = p.LatestEvidence.ToString(),
                    statementId = p.LatestStatementId,
                    shifts = p.Shifts,
                    shiftedFrom = p.ShiftedFrom?.Word(),
                    role = p.Role.Word(),
                })));
                break;
            case "proposals":
                WriteRows(writer, report.Proposals.Select(p => new
                {
                    id = p.ProposalId,
                    by = p.TabledBy,
                    title = p.Title,
                    status = p.Status,
                    tabled = p.Tabled?.ToString(),
                    counters = p.Counters,
                    agreement = p.AgreementId,
                    answers = string.Join(";", p.Answers.Select(a => $"{a.Party}:{a.Answer.Word()}")),
                }));
                break;
            case "agreements":
                WriteRows(writer, report.Agreements.Select(a => new
                {
                    id = a.AgreementId,
                    title = a.Title,
                    proposal = a.ProposalId,
                    reached = a.Reached?.ToString(),
                    status = a.Status,
                    parties = string.Join(";", a.PartyIds),
                    signatories = string.Join(";", a.Signatures.Select(s => $"{s.Party}:{s.Signatory ?? ""}")),
                    signed = string.Join(";", a.Signatures.Select(s => $"{s.Party}:{s.Said?.ToString() ?? ""}")),
                }));
                break;
            case "timeline":
            {
                var index = new ReportIndex(report);
                WriteRows(writer, report.Timeline.Select(item => new
                {
                    sequence = item.Entry.Sequence,
                    said = item.Entry.Said?.ToString(),
                    kind = item.Entry.Kind,
                    party = item.Entry.PartyId,
                    who = Wording.Who(index, item),
                    what = Wording.What(index, item.Entry),
                    stance = item.Entry.Stance?.Word(),
                    issues = string.Join(";", item.Entry.IssueIds),
                    subject = item.Entry.Subject,
                    source = item.Entry.SourceId,
                    recordedAt = Instant(item.Entry.RecordedAt),
                    recordedBy = item.Entry.RecordedBy,
                }));
                break;
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(table), table, $"the tables are {string.Join(", ", Tables)}");
        }
    }

    private static void WriteRows<T>(TextWriter writer, IEnumerable<T> rows)
    {
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture, leaveOpen: true);

        // The header is written even for an empty table, so every file says what its columns are.
        csv.WriteHeader<T>();
        csv.NextRecord();
        csv.WriteRecords(rows);
        csv.Flush();
    }

    private static string Instant(DateTimeOffset instant) => instant.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
}
