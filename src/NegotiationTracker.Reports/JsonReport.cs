using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

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
        JsonSerializer.Serialize(new
        {
            negotiation = report.State,
            positions = report.Positions,
            proposals = report.Proposals,
            agreements = report.Agreements,
            latestStatements = report.LatestStatements(latest),
            statements = report.Statements,

            // Flattened: the stored rows carry sort keys (MinValue for undated entries) that mean nothing to a reader.
            timeline = report.Timeline.Select(item => new
            {
                sequence = item.Entry.Sequence,
                said = item.Entry.Said,
                kind = item.Entry.Kind,
                party = item.Entry.PartyId,
                partyName = item.PartyName,
                speaker = item.Entry.SpeakerId,
                title = item.Entry.Title,
                detail = item.Entry.Detail,
                stance = item.Entry.Stance,
                issues = item.Entry.IssueIds,
                parties = item.Entry.PartyIds,
                subject = item.Entry.Subject,
                source = item.Entry.SourceId,
                recordedAt = item.Entry.RecordedAt,
                recordedBy = item.Entry.RecordedBy,
            }),
            sources = report.Sources.Select(citations => new
            {
                id = citations.Source.Id,
                title = citations.Source.Title,
                outlet = citations.Source.Outlet,
                url = citations.Source.Url,
                published = citations.Source.Published,
                statements = citations.Statements.Select(s => s.StatementId),
                reportsOf = citations.ReportsOf,
                proposals = citations.Proposals,
                agreements = citations.Agreements,
            }),
            evidence = new { excludeContested = report.Evidence.ExcludeContested, minCredibility = report.Evidence.MinCredibility },
            generatedAt = report.GeneratedAt,
        }, Options);
}
