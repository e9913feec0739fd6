using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using NegotiationTracker.Domain.Common;
using NegotiationTracker.Projections.Agreements;
using NegotiationTracker.Projections.Negotiations;
using NegotiationTracker.Projections.Proposals;
using NegotiationTracker.Projections.Statements;

namespace NegotiationTracker.Reports;

/// <summary>The report's data as one JSON document, for tools: the same read models the brief is drawn from.</summary>
public static class JsonReport
{
    /// <summary>camelCase names and vocabulary words ("principal", "supports"), as the CLI's other JSON output.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },

        // The document is data, never embedded in a page, so text stays readable ("U.S.–Iraq", not "U.S.\u2013Iraq").
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Render(NegotiationReport report, int latest = NegotiationReport.DefaultLatestStatements) =>
        JsonSerializer.Serialize(Document(report, latest), Options);

    public static ReportDocument Document(NegotiationReport report, int latest = NegotiationReport.DefaultLatestStatements) => new(
        report.State,
        report.Positions,
        report.Proposals,
        report.Agreements,
        report.LatestStatements(latest),
        report.Statements,

        // Flattened: the stored rows carry sort keys (MinValue for undated entries) that mean nothing to a reader.
        report.Timeline.Select(item => new ReportTimelineEntry(
            item.Entry.Sequence, item.Entry.Said, item.Entry.Kind, item.Entry.PartyId, item.PartyName, item.Entry.SpeakerId, item.Entry.Title,
            item.Entry.Detail, item.Entry.Stance, item.Entry.IssueIds, item.Entry.PartyIds, item.Entry.Subject, item.Entry.SourceId,
            item.Entry.RecordedAt, item.Entry.RecordedBy)).ToList(),
        report.Sources.Select(citations => new ReportSource(
            citations.Source.Id, citations.Source.Title, citations.Source.Outlet, citations.Source.Url, citations.Source.Published,
            citations.Statements.Select(s => s.StatementId).ToList(), citations.ReportsOf, citations.Proposals, citations.Agreements)).ToList(),
        new ReportEvidence(report.Evidence.ExcludeContested, report.Evidence.MinCredibility),
        report.GeneratedAt);
}

/// <summary>
/// The report's JSON document. Named rather than anonymous so that the API's OpenAPI document describes exactly what
/// <see cref="JsonReport.Render"/> writes; members in the order they are written.
/// </summary>
public sealed record ReportDocument(
    NegotiationState Negotiation,
    IReadOnlyList<IssuePositions> Positions,
    IReadOnlyList<ProposalLineage> Proposals,
    IReadOnlyList<AgreementRecord> Agreements,
    IReadOnlyList<StatementView> LatestStatements,
    IReadOnlyList<StatementView> Statements,
    IReadOnlyList<ReportTimelineEntry> Timeline,
    IReadOnlyList<ReportSource> Sources,
    ReportEvidence Evidence,
    DateTimeOffset GeneratedAt);

public sealed record ReportTimelineEntry(
    long Sequence,
    PartialDate? Said,
    string Kind,
    string? Party,
    string? PartyName,
    string? Speaker,
    string Title,
    string? Detail,
    Stance? Stance,
    IReadOnlyList<string> Issues,
    IReadOnlyList<string> Parties,
    string? Subject,
    string? Source,
    DateTimeOffset RecordedAt,
    string? RecordedBy);

public sealed record ReportSource(
    string Id,
    string Title,
    string? Outlet,
    string? Url,
    PartialDate? Published,
    IReadOnlyList<string> Statements,
    IReadOnlyList<string> ReportsOf,
    IReadOnlyList<string> Proposals,
    IReadOnlyList<string> Agreements);

public sealed record ReportEvidence(bool ExcludeContested, int? MinCredibility);
