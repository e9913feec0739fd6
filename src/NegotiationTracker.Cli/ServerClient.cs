using NegotiationTracker.Hosting;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using NegotiationTracker.Domain.Common;
using NegotiationTracker.Domain.Parties;
using NegotiationTracker.Grains.Import;
using NegotiationTracker.Grains.Integrity;
using NegotiationTracker.Projections.Dossiers;
using NegotiationTracker.Projections.Negotiations;
using NegotiationTracker.Projections.Positions;
using NegotiationTracker.Replay;
using NegotiationTracker.Projections.Statements;
using NegotiationTracker.Projections.Timeline;
using NegotiationTracker.Reports;

namespace NegotiationTracker.Cli;

/// <summary>
/// The server's HTTP API as the CLI calls it with <c>--server</c>: one method per endpoint, each answering with the library
/// type the database path produces (the server's JSON is the CLI's <c>--format json</c>), so both paths print through the
/// same output code. Every answer other than success becomes a <see cref="NotFound"/> or a <see cref="CommandFailed"/>
/// with the CLI's exit code.
/// </summary>
public sealed partial class ServerClient : ILedgerQueries
{
    private const string Reading = "read the ledger";

    // As large as the server serves; fewer requests for a long log.
    private const int PageSize = 1000;

    private static readonly JsonSerializerOptions Json = ServerJson();

    private readonly HttpClient http;
    private readonly Uri server;
    private readonly bool keyGiven;

    private ServerClient(Uri server, string? apiKey)
    {
        this.server = server;
        keyGiven = apiKey is not null;
        http = new HttpClient(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(15) })
        {
            BaseAddress = server,
            // An import of a large file, or verifying a large log, takes minutes on the server: wait as long as the CLI waits for its views.
            Timeout = Ledger.CatchUpTimeout,
        };
        if (apiKey is not null)
        {
            http.DefaultRequestHeaders.Add(Wire.ApiKeyHeader, apiKey);
        }
    }

    /// <returns>A client for the options' server, or null when the command is to use the database.</returns>
    public static ServerClient? For(GlobalOptions options) => options.Server is { } server ? new ServerClient(server, options.ApiKey) : null;

    public void Dispose() => http.Dispose();

    /// <summary><c>POST /api/imports</c>: the file is decided and appended by the server, recorded by the key's holder.</summary>
    /// <param name="name">How the server names the file in its <c>file:line: message</c> errors.</param>
    public async Task<ImportResult> ImportAsync(string name, string yaml, CancellationToken cancellationToken)
    {
        var content = new StringContent(yaml, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/yaml") { CharSet = "utf-8" };
        var request = new HttpRequestMessage(HttpMethod.Post, Route("api/imports", ("name", name))) { Content = content };
        using var response = await SendAsync(request, "import seed files (that takes a recorder key)", cancellationToken);
        return await ReadAsync<ImportResult>(response, cancellationToken);
    }

    public Task<NegotiationState> StateAsync(string id, PartialDate? asOf, PartialDate? knownAt, EvidenceFilter evidence, CancellationToken cancellationToken) =>
        GetAsync<NegotiationState>(Route($"api/negotiations/{Segment(id)}", [("asOf", Text(asOf)), ("knownAt", Text(knownAt)), .. Evidence(evidence)]), cancellationToken);

    public Task<IReadOnlyList<StatementView>> StatementsAsync(StatementFilter filter, CancellationToken cancellationToken) =>
        AllPagesAsync<StatementView>(Route($"api/negotiations/{Segment(filter.NegotiationId)}/statements",
            ("party", filter.Party), ("speaker", filter.Speaker), ("issue", filter.Issue), ("from", Text(filter.From)), ("to", Text(filter.To)),
            ("includeRetracted", filter.IncludeRetracted ? "true" : null), ("limit", Number(PageSize))), cancellationToken);

    public Task<IReadOnlyList<SearchHit>> SearchAsync(SearchQuery query, SearchFilter filter, CancellationToken cancellationToken) =>
        AllPagesAsync<SearchHit>(Route("api/search",
            ("q", query.Text), ("negotiation", filter.NegotiationId), ("party", filter.Party), ("speaker", filter.Speaker), ("issue", filter.Issue),
            ("from", Text(filter.From)), ("to", Text(filter.To)), ("includeRetracted", filter.IncludeRetracted ? "true" : null), ("limit", Number(PageSize))),
            cancellationToken);

    /// <param name="filter">An audit's filter (<see cref="StatementFilter.Audit"/>): the endpoint includes every record.</param>
    public Task<IReadOnlyList<StatementView>> AuditAsync(StatementFilter filter, CancellationToken cancellationToken) =>
        AllPagesAsync<StatementView>(Route($"api/negotiations/{Segment(filter.NegotiationId)}/audit",
            ("party", filter.Party), ("speaker", filter.Speaker), ("recordedBy", filter.RecordedBy), ("from", Text(filter.From)), ("to", Text(filter.To)),
            ("limit", Number(PageSize))), cancellationToken);

    /// <param name="statement">A statement id, or <c>negotiation-id/statement-id</c>, as <c>audit statement</c> takes it.</param>
    public Task<StatementAudit> StatementAuditAsync(string statement, string? negotiation, CancellationToken cancellationToken)
    {
        var (id, inNegotiation) = statement.Split('/') is [var named, var statementId] ? (statementId, named) : (statement, negotiation);
        return GetAsync<StatementAudit>(Route($"api/statements/{Segment(id)}/audit", ("negotiation", inNegotiation)), cancellationToken);
    }

    public Task<IReadOnlyList<TimelineEntry>> TimelineAsync(string id, CancellationToken cancellationToken) =>
        GetAsync<IReadOnlyList<TimelineEntry>>(Route($"api/negotiations/{Segment(id)}/timeline"), cancellationToken);

    public Task<IReadOnlyList<PositionHistory>> PositionsAsync(string id, string? party, string? issue, EvidenceFilter evidence, CancellationToken cancellationToken) =>
        GetAsync<IReadOnlyList<PositionHistory>>(Route($"api/negotiations/{Segment(id)}/positions", [("party", party), ("issue", issue), .. Evidence(evidence)]), cancellationToken);

    public Task<IReadOnlyList<HistoryEntry>> HistoryAsync(string id, CancellationToken cancellationToken) =>
        GetAsync<IReadOnlyList<HistoryEntry>>(Route($"api/negotiations/{Segment(id)}/history"), cancellationToken);

    public Task<NegotiationDiff> DiffAsync(string id, DiffMoments moments, CancellationToken cancellationToken) =>
        GetAsync<NegotiationDiff>(Route($"api/negotiations/{Segment(id)}/diff",
            [.. moments.AsOf.Select(d => ("asOf", Text(d))), .. moments.KnownAt.Select(d => ("knownAt", Text(d)))]), cancellationToken);

    public Task<PartyDossier> DossierAsync(string party, int limit, CancellationToken cancellationToken) =>
        GetAsync<PartyDossier>(Route($"api/parties/{Segment(party)}", ("limit", Number(limit))), cancellationToken);

    public Task<VerificationResult> VerificationAsync(string? negotiation, LogCheckpointed? checkpoint, CancellationToken cancellationToken) =>
        checkpoint is null
            ? GetAsync<VerificationResult>(Route("api/verification", ("negotiation", negotiation)), cancellationToken)
            // The checkpoint's point is to be kept where the server's users cannot reach it: it is not sent there.
            : throw new CommandFailed(Terminal.Rejected, "--checkpoint is checked against the database itself, not through a server: use --db on a machine that reaches the database");

    public Task<string> ReportAsync(string id, string format, int latest, EvidenceFilter evidence, CancellationToken cancellationToken) =>
        RenderedReportAsync(id, MediaTypes[format], latest, table: null, evidence, cancellationToken);

    /// <summary>One request per table: the server serves CSV a table at a time.</summary>
    public async Task<IReadOnlyList<(string Table, string Text)>> ReportTablesAsync(string id, EvidenceFilter evidence, CancellationToken cancellationToken)
    {
        var tables = new List<(string Table, string Text)>();
        foreach (var table in CsvReport.Tables)
        {
            tables.Add((table, await RenderedReportAsync(id, "text/csv", latest: null, table, evidence, cancellationToken)));
        }

        return tables;
    }

    public async Task<byte[]> ReportWorkbookAsync(string id, EvidenceFilter evidence, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, Route($"api/negotiations/{Segment(id)}/report", Evidence(evidence)));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(XlsxReport.MediaType));
        using var response = await SendAsync(request, Reading, cancellationToken);
        return await response.Content.ReadAsByteArrayAsync(cancellationToken);
    }

    /// <summary>What the server is asked for (by <c>Accept</c>) for each format but CSV and the workbook.</summary>
    private static readonly IReadOnlyDictionary<string, string> MediaTypes = new Dictionary<string, string>
    {
        ["markdown"] = "text/markdown",
        ["html"] = "text/html",
        ["json"] = "application/json",
    };

    /// <summary>The report rendered by the server, with the renderers the CLI uses, in the media type asked for.</summary>
    /// <param name="latest">How many of the latest statements the brief quotes (the CSV tables quote none).</param>
    /// <param name="table">For <c>text/csv</c>: which of the CSV tables.</param>
    private async Task<string> RenderedReportAsync(string id, string mediaType, int? latest, string? table, EvidenceFilter evidence, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Get,
            Route($"api/negotiations/{Segment(id)}/report", [("latest", latest is { } quoted ? Number(quoted) : null), ("table", table), .. Evidence(evidence)]));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(mediaType));
        using var response = await SendAsync(request, Reading, cancellationToken);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    private async Task<T> GetAsync<T>(string path, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, path), Reading, cancellationToken);
        return await ReadAsync<T>(response, cancellationToken);
    }

    /// <summary>
    /// Every page of a paged list, following the <c>Link: rel="next"</c> header. Pages are cut by offset, so a list that
    /// grows or shrinks while it is read could repeat or skip an item: when <c>X-Total-Count</c> changes between pages,
    /// the reading starts again.
    /// </summary>
    private async Task<IReadOnlyList<T>> AllPagesAsync<T>(string path, CancellationToken cancellationToken)
    {
        const int attempts = 3;
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            var items = new List<T>();
            string? total = null;
            var next = new Uri(server, path);
            while (true)
            {
                using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, next), Reading, cancellationToken);
                var count = response.Headers.TryGetValues("X-Total-Count", out var values) ? values.FirstOrDefault() : null;
                if (total is not null && count != total)
                {
                    break;
                }

                total = count;
                items.AddRange(await ReadAsync<List<T>>(response, cancellationToken));
                if (NextPage(response) is not { } link)
                {
                    return items;
                }

                next = new Uri(next, link);
            }
        }

        throw new CommandFailed(Terminal.Failed, $"the list at {new Uri(server, path)} kept changing while it was read page by page ({attempts} times); try again");
    }

    private static string? NextPage(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Link", out var links)
            ? links.Select(link => NextLink().Match(link)).FirstOrDefault(m => m.Success)?.Groups[1].Value
            : null;

    [GeneratedRegex("""<([^>]*)>\s*;\s*rel="?next"?""", RegexOptions.IgnoreCase)]
    private static partial Regex NextLink();

    /// <summary>Sends the request (and disposes of it); a success is returned, anything else thrown as the CLI's exit code and message.</summary>
    /// <param name="action">What the request does, for the message when the key's role may not do it.</param>
    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string action, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw Unreachable(e.InnerException is { } inner && !e.Message.Contains(inner.Message, StringComparison.Ordinal) ? $"{e.Message} ({inner.Message})" : e.Message);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            // Not the user's Ctrl+C: the connection or the answer took longer than the handler's or the client's timeout.
            throw Unreachable(e.InnerException?.Message ?? e.Message);
        }
        finally
        {
            request.Dispose();
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw await RefusalAsync(response, action, cancellationToken);
        }
    }

    /// <summary>The address as the user would write it, for messages.</summary>
    private string Server => server.ToString().TrimEnd('/');

    private CommandFailed Unreachable(string why) => new(Terminal.Unavailable, $"the server at {Server} could not be reached: {why}");

    /// <summary>An answer other than success, as the exit code and message the same problem gets on the database path.</summary>
    private async Task<Exception> RefusalAsync(HttpResponseMessage response, string action, CancellationToken cancellationToken)
    {
        var problem = await ProblemAsync(response, cancellationToken);
        var detail = problem.Detail ?? problem.Title ?? $"{(int)response.StatusCode} {response.ReasonPhrase}";
        return response.StatusCode switch
        {
            HttpStatusCode.Unauthorized when !keyGiven =>
                new CommandFailed(Terminal.Failed, $"the server at {Server} wants an API key: give --api-key KEY or set ${GlobalOptions.ApiKeyVariable}"),
            HttpStatusCode.Unauthorized => new CommandFailed(Terminal.Failed, $"the server refused the API key: {detail}"),
            HttpStatusCode.Forbidden => new CommandFailed(Terminal.Failed, $"the key's role may not {action}: {detail}"),
            HttpStatusCode.NotFound when problem.Detail is not null => new NotFound(problem.Detail),
            // A 404 without a problem document is not the ledger saying "no such negotiation": the address is wrong.
            HttpStatusCode.NotFound => new CommandFailed(Terminal.Failed,
                $"the server at {Server} does not serve {response.RequestMessage?.RequestUri?.AbsolutePath} ({detail}): is it a negotiation server, and is --server its base address?"),
            HttpStatusCode.UnprocessableEntity when problem.Errors.Count > 0 => new CommandFailed(Terminal.Rejected, [Terminal.FileRejected, .. problem.Errors]),
            HttpStatusCode.ServiceUnavailable => new CommandFailed(Terminal.Unavailable, $"the server at {Server} is not ready: {detail}"),
            >= HttpStatusCode.InternalServerError => new CommandFailed(Terminal.Failed, $"the server at {Server} failed: {detail}"),
            _ => new CommandFailed(Terminal.Rejected, problem.Errors.Count > 0 ? problem.Errors : [detail]),
        };
    }

    /// <summary>RFC 9457 problem details: <c>errors</c> is a list of lines (a rejected seed file) or <c>{field: [message]}</c> (bad query values).</summary>
    private static async Task<(string? Title, string? Detail, IReadOnlyList<string> Errors)> ProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, null, []);
            }

            var errors = !root.TryGetProperty("errors", out var listed) ? []
                : listed.ValueKind == JsonValueKind.Array ? listed.EnumerateArray().Select(e => e.ToString()).ToList()
                : listed.ValueKind == JsonValueKind.Object ? listed.EnumerateObject().SelectMany(field => field.Value.EnumerateArray().Select(m => $"{field.Name}: {m}")).ToList()
                : [];
            return (String(root, "title"), String(root, "detail"), errors);
        }
        catch (JsonException)
        {
            // Not a problem document (a proxy's error page, say): the status line says enough.
            return (null, null, []);
        }
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken)
                ?? throw new JsonException("the answer is empty");
        }
        catch (JsonException e)
        {
            throw new CommandFailed(Terminal.Failed, $"the server at {Server} did not answer as a negotiation server does ({response.RequestMessage?.RequestUri}): {e.Message}");
        }
    }

    private static string Route(string path, params IEnumerable<(string Name, string? Value)> query)
    {
        var given = query.Where(q => q.Value is not null).Select(q => $"{q.Name}={Uri.EscapeDataString(q.Value!)}").ToList();
        return given.Count == 0 ? path : $"{path}?{string.Join('&', given)}";
    }

    private static string Segment(string value) => Uri.EscapeDataString(value);

    /// <summary>A stance view's evidence filter, as the API's query parameters.</summary>
    private static (string Name, string? Value)[] Evidence(EvidenceFilter evidence) =>
        [("excludeContested", evidence.ExcludeContested ? "true" : null), ("minCredibility", evidence.MinCredibility is { } min ? Number(min) : null)];

    private static string? Text(PartialDate? date) => date?.ToString();

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static JsonSerializerOptions ServerJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Wire.Json(options);
        return options;
    }
}
