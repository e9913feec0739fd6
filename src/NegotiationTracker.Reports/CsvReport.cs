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
    public static readonly IReadOnlyList<string> FileNames = ["statements.csv", "positions.csv", "proposals.csv", "agreements.csv", "timeline.csv"];

    /// <returns>The paths written, in the order of <see cref="FileNames"/>.</returns>
    public static IReadOnlyList<string> Write(NegotiationReport report, string folder)
    {
        Directory.CreateDirectory(folder);
        var index = new ReportIndex(report);
        return
        [
            WriteFile(folder, "statements.csv", report.Statements.Select(s => new
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
            })),
            WriteFile(folder, "positions.csv", report.Positions.SelectMany(issue => issue.Parties.Select(p => new
            {
                issue = issue.IssueId,
                party = p.PartyId,
                stance = p.Stance.Word(),
                latestEvidence = p.LatestEvidence.ToString(),
                statementId = p.LatestStatementId,
                shifts = p.Shifts,
                shiftedFrom = p.ShiftedFrom?.Word(),
                role = p.Role.Word(),
            }))),
            WriteFile(folder, "proposals.csv", report.Proposals.Select(p => new
            {
                id = p.ProposalId,
                by = p.TabledBy,
                title = p.Title,
                status = p.Status,
                tabled = p.Tabled?.ToString(),
                counters = p.Counters,
                agreement = p.AgreementId,
                answers = string.Join(";", p.Answers.Select(a => $"{a.Party}:{a.Answer.Word()}")),
            })),
            WriteFile(folder, "agreements.csv", report.Agreements.Select(a => new
            {
                id = a.AgreementId,
                title = a.Title,
                proposal = a.ProposalId,
                reached = a.Reached?.ToString(),
                status = a.Status,
                parties = string.Join(";", a.PartyIds),
                signatories = string.Join(";", a.Signatures.Select(s => $"{s.Party}:{s.Signatory ?? ""}")),
                signed = string.Join(";", a.Signatures.Select(s => $"{s.Party}:{s.Said?.ToString() ?? ""}")),
            })),
            WriteFile(folder, "timeline.csv", report.Timeline.Select(item => new
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
            })),
        ];
    }

    private static string WriteFile<T>(string folder, string name, IEnumerable<T> rows)
    {
        var path = Path.Combine(folder, name);
        using var writer = new StreamWriter(path);
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);

        // The header is written even for an empty table, so every file says what its columns are.
        csv.WriteHeader<T>();
        csv.NextRecord();
        csv.WriteRecords(rows);
        return path;
    }

    private static string Instant(DateTimeOffset instant) => instant.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
}
