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
    public static void WriteTable(NegotiationReport report, string table, TextWriter writer) => Csv.Write(writer, Table(report, table));

    /// <summary>One of the <see cref="Tables"/> with its cells typed: what the CSV file and the workbook's sheet both show.</summary>
    public static ReportTable Table(NegotiationReport report, string table)
    {
        switch (table)
        {
            case "statements":
                return ReportTable.Statements(report.Statements);
            case "positions":
                return ReportTable.Of(table, report.Positions.SelectMany(issue => issue.Parties.Select(p => new
                {
                    issue = issue.IssueId,
                    party = p.PartyId,
                    stance = p.Stance.Word(),
                    latestEvidence = p.LatestEvidence,
                    statementId = p.LatestStatementId,
                    shifts = p.Shifts,
                    shiftedFrom = p.ShiftedFrom?.Word(),
                    role = p.Role.Word(),
                })));
            case "proposals":
                return ReportTable.Of(table, report.Proposals.Select(p => new
                {
                    id = p.ProposalId,
                    by = p.TabledBy,
                    title = p.Title,
                    status = p.Status,
                    tabled = p.Tabled,
                    counters = p.Counters,
                    agreement = p.AgreementId,
                    answers = Csv.List(p.Answers.Select(a => $"{a.Party}:{a.Answer.Word()}")),
                }));
            case "agreements":
                return ReportTable.Of(table, report.Agreements.Select(a => new
                {
                    id = a.AgreementId,
                    title = a.Title,
                    proposal = a.ProposalId,
                    reached = a.Reached,
                    status = a.Status,
                    parties = Csv.List(a.PartyIds),
                    signatories = Csv.List(a.Signatures.Select(s => $"{s.Party}:{s.Signatory ?? ""}")),
                    signed = Csv.List(a.Signatures.Select(s => $"{s.Party}:{s.Said?.ToString() ?? ""}")),
                }));
            case "timeline":
            {
                var index = new ReportIndex(report);
                return ReportTable.Of(table, report.Timeline.Select(item => new
                {
                    sequence = item.Entry.Sequence,
                    said = item.Entry.Said,
                    kind = item.Entry.Kind,
                    party = item.Entry.PartyId,
                    who = Wording.Actor(index, item),
                    what = Wording.What(index, item.Entry),
                    stance = item.Entry.Stance?.Word(),
                    issues = Csv.List(item.Entry.IssueIds),
                    subject = item.Entry.Subject,
                    source = item.Entry.SourceId,
                    recordedAt = item.Entry.RecordedAt,
                    recordedBy = item.Entry.RecordedBy,
                }));
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(table), table, $"the tables are {string.Join(", ", Tables)}");
        }
    }
}
