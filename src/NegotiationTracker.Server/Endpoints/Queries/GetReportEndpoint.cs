using System.Text;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using NegotiationTracker.Reports;
using Wolverine.Http;

namespace NegotiationTracker.Server.Endpoints.Queries;

public static class GetReportEndpoint
{
    public const int MaxLatest = 1000;

    /// <summary>
    /// The brief, as <c>negotiation report ID --format …</c>, in the format the <c>Accept</c> header asks for. CSV, one file
    /// per table in the CLI, is one table per request here: <c>?table=</c> picks it.
    /// </summary>
    [WolverineGet("/api/negotiations/{id}/report")]
    [Tags("Reports"), EndpointSummary("The brief of a negotiation: JSON, Markdown, HTML, CSV or an XLSX workbook by Accept")]
    [EndpointDescription("Accept chooses the format: application/json (the report's data, as report --format json; also for */* or no Accept), "
        + "text/markdown (the brief), text/html (one self-contained page with an SVG timeline chart) or text/csv (one table: table=statements "
        + "(default), positions, proposals, agreements or timeline, as the CLI's statements.csv and so on) or "
        + "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet (one workbook, a sheet per CSV table, as report --format xlsx: "
        + "numbers as numbers, a day or an instant as a date, a month or a year as text); q-values are honoured. 406 when none "
        + "of these is acceptable. latest (default 10, 0 to 1000): how many of the latest statements the brief quotes. "
        + "excludeContested=true and minCredibility=N (1–6) leave statements denied by their speaker, or graded less credible than N, out of the positions. Drawn from the read "
        + "models as they stand; the async ones (positions, proposals, agreements, timeline) can lag the latest events by a moment.")]
    [ProducesResponseType<string>(StatusCodes.Status200OK, ReportFormats.Json, ReportFormats.Markdown, ReportFormats.Html, ReportFormats.Csv, ReportFormats.Xlsx)]
    [ResponseBody(StatusCodes.Status200OK, ReportFormats.Json, typeof(ReportDocument))]
    [ResponseHeader(StatusCodes.Status200OK, "Content-Disposition", "With text/csv: attachment; filename=\"{id}-{table}.csv\"; with the workbook: attachment; filename=\"{id}.xlsx\".")]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status406NotAcceptable, "application/problem+json")]
    public static async Task<IResult> Get(string id, int? latest, string? table, bool? excludeContested, int? minCredibility, HttpContext context,
        IQuerySession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        var query = new QueryValues();
        var evidence = query.Evidence(excludeContested, minCredibility);
        var quoted = query.Number(nameof(latest), latest, NegotiationReport.DefaultLatestStatements, 0, MaxLatest);
        var csvTable = QueryValues.Filter(table) ?? CsvReport.Tables[0];
        if (!CsvReport.Tables.Contains(csvTable))
        {
            query.Reject(nameof(table), $"'{table}' is not a table: use {string.Join(", ", CsvReport.Tables)}");
        }

        if (!ReportFormats.TryChoose(context.Request.Headers.Accept, out var format))
        {
            query.Reject("Accept", $"'{context.Request.Headers.Accept}' is not a list of media ranges");
        }

        if (query.Problem is { } problem)
        {
            return problem;
        }

        // The same representation is not served for every Accept: caches must key on it.
        context.Response.Headers.Vary = HeaderNames.Accept;
        if (format is null)
        {
            return Results.Problem(title: "Not acceptable", detail: $"the report is served as {string.Join(", ", ReportFormats.Offered)}",
                statusCode: StatusCodes.Status406NotAcceptable);
        }

        if (await NegotiationReport.LoadAsync(session, id, clock.GetUtcNow(), evidence, cancellationToken) is not { } report)
        {
            return Problems.NegotiationNotFound(id);
        }

        switch (format)
        {
            case ReportFormats.Markdown:
                return Results.Text(MarkdownReport.Render(report, quoted), format, Encoding.UTF8);
            case ReportFormats.Html:
                // Statement texts come from whoever posts a seed file. The renderer escapes them; should one ever slip through,
                // the page (inline styles and SVG, no scripts, nothing fetched) still runs nothing under the API's origin.
                context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'";
                return Results.Text(HtmlReport.Render(report, quoted), format, Encoding.UTF8);
            case ReportFormats.Csv:
            {
                using var writer = new StringWriter();
                CsvReport.WriteTable(report, csvTable, writer);
                context.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = $"{id}-{csvTable}.csv" }.ToString();
                return Results.Text(writer.ToString(), format, Encoding.UTF8);
            }
            case ReportFormats.Xlsx:
                return Results.File(XlsxReport.Render(report), format, fileDownloadName: $"{id}.xlsx");
            default:
                return Results.Text(JsonReport.Render(report, quoted), format, Encoding.UTF8);
        }
    }
}

/// <summary>The media types the report is served as, and which one a request's <c>Accept</c> header prefers.</summary>
internal static class ReportFormats
{
    public const string Json = "application/json";
    public const string Markdown = "text/markdown";
    public const string Html = "text/html";
    public const string Csv = "text/csv";
    public const string Xlsx = XlsxReport.MediaType;

    /// <summary>In the order chosen among equally acceptable ones: the data first (what an API client means by */*), then the brief.</summary>
    public static readonly IReadOnlyList<string> Offered = [Json, Markdown, Html, Csv, Xlsx];

    /// <summary>
    /// The offered type with the highest quality; among equals, the one named by the most specific range (text/html before
    /// text/* before */*), then the one named first. A type the most specific matching range gives q=0 is refused.
    /// </summary>
    /// <param name="format">The type to serve; null when none is acceptable (406).</param>
    /// <returns>false when the header is not a list of media ranges.</returns>
    public static bool TryChoose(StringValues accept, out string? format)
    {
        format = Json;
        if (StringValues.IsNullOrEmpty(accept))
        {
            return true;
        }

        if (!MediaTypeHeaderValue.TryParseList(accept, out var ranges))
        {
            return false;
        }

        format = null;
        var best = (Quality: 0.0, Specificity: -1, Position: int.MaxValue);
        foreach (var type in Offered)
        {
            if (Match(ranges, type) is not { Quality: > 0 } match)
            {
                continue;
            }

            var better = match.Quality > best.Quality
                || match.Quality == best.Quality && (match.Specificity > best.Specificity || match.Specificity == best.Specificity && match.Position < best.Position);
            if (better)
            {
                (format, best) = (type, match);
            }
        }

        return true;
    }

    /// <summary>The most specific range in the header that matches the type (the first of equals), with its quality and position.</summary>
    private static (double Quality, int Specificity, int Position)? Match(IList<MediaTypeHeaderValue> ranges, string type)
    {
        (double Quality, int Specificity, int Position)? match = null;
        for (var position = 0; position < ranges.Count; position++)
        {
            var specificity = Specificity(ranges[position], type);
            if (specificity > (match?.Specificity ?? -1))
            {
                match = (ranges[position].Quality ?? 1.0, specificity, position);
            }
        }

        return match;
    }

    /// <returns>2 when the range names the type, 1 for type/*, 0 for */*, -1 when it does not match.</returns>
    private static int Specificity(MediaTypeHeaderValue range, string type)
    {
        var (main, sub) = (type[..type.IndexOf('/')], type[(type.IndexOf('/') + 1)..]);
        if (range.MatchesAllTypes)
        {
            return 0;
        }

        if (!range.Type.Equals(main, StringComparison.OrdinalIgnoreCase))
        {
            return -1;
        }

        return range.MatchesAllSubTypes ? 1 : range.SubType.Equals(sub, StringComparison.OrdinalIgnoreCase) ? 2 : -1;
    }
}
