using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using NegotiationTracker.Reports;
using NegotiationTracker.Server.Tests.Fixtures;
using static NegotiationTracker.Server.Tests.Queries.SeededLedgerFixture;

namespace NegotiationTracker.Server.Tests.Queries;

public sealed class when_a_report_is_asked_for(SeededLedgerFixture ledger) : IClassFixture<SeededLedgerFixture>
{
    private string Url => $"/api/negotiations/{Iran}/report";

    private Task<NegotiationReport> ReportAsync() =>
        ledger.QueryAsync(async s => (await NegotiationReport.LoadAsync(s, Iran, DateTimeOffset.UtcNow)).ShouldNotBeNull());

    /// <summary>The brief without its "generated at" line, the one thing that differs between two renderings.</summary>
    private static string[] WithoutGeneratedAt(string text) => text.Split('\n').Where(line => !line.Contains("generated")).ToArray();

    [Theory]
    [InlineData(null, "application/json")]
    [InlineData("*/*", "application/json")]
    [InlineData("application/json", "application/json")]
    [InlineData("application/*", "application/json")]
    [InlineData("text/markdown", "text/markdown")]
    [InlineData("text/html", "text/html")]
    [InlineData("text/csv", "text/csv")]
    [InlineData("text/*", "text/markdown")]
    [InlineData("text/html;q=0.5, text/markdown", "text/markdown")]
    [InlineData("text/html, application/json;q=0.9", "text/html")]
    [InlineData("text/csv, text/html", "text/csv")]
    [InlineData("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "text/html")]
    [InlineData("application/json;q=0, text/*;q=0.2", "text/markdown")]
    [InlineData("text/markdown;q=0, text/*", "text/html")]
    [InlineData("image/png, text/markdown; charset=utf-8", "text/markdown")]
    public async Task the_accept_header_chooses_the_format(string? accept, string mediaType)
    {
        using var response = await ledger.GetAsync(Url, accept);
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe(mediaType);
        response.Content.Headers.ContentType?.CharSet.ShouldBe("utf-8");
        response.Headers.Vary.ShouldContain("Accept");
    }

    [Theory]
    [InlineData("application/xml")]
    [InlineData("image/png, text/plain")]
    [InlineData("application/json;q=0")]
    [InlineData("text/*;q=0, application/json;q=0")]
    public async Task a_format_the_report_is_not_served_in_is_a_406_problem(string accept)
    {
        using var response = await ledger.GetAsync(Url, accept);
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.NotAcceptable, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        body.ShouldContain("text/markdown");
    }

    [Fact]
    public async Task an_accept_header_that_is_not_a_list_of_media_ranges_is_a_400_naming_it()
    {
        using var response = await ledger.GetAsync(Url, "this is not, a/media range; =");

        await response.ShouldBeAProblemNamingAsync("Accept");
    }

    [Fact]
    public async Task the_json_report_is_the_clis()
    {
        var body = await ledger.GetOkAsync(Url, "application/json");

        var served = JsonNode.Parse(body)!.AsObject();
        var rendered = JsonNode.Parse(JsonReport.Render(await ReportAsync()))!.AsObject();
        served.Remove("generatedAt").ShouldBeTrue();
        rendered.Remove("generatedAt");
        JsonNode.DeepEquals(served, rendered).ShouldBeTrue();
    }

    [Fact]
    public async Task the_markdown_brief_is_the_clis()
    {
        var body = await ledger.GetOkAsync(Url, "text/markdown");

        WithoutGeneratedAt(body).ShouldBe(WithoutGeneratedAt(MarkdownReport.Render(await ReportAsync())));
    }

    [Fact]
    public async Task the_html_brief_is_the_clis_page_with_its_timeline_chart()
    {
        var body = await ledger.GetOkAsync(Url, "text/html");

        body.ShouldContain("<svg");
        WithoutGeneratedAt(body).ShouldBe(WithoutGeneratedAt(HtmlReport.Render(await ReportAsync())));
    }

    [Fact]
    public async Task the_html_brief_may_run_no_script()
    {
        using var response = await ledger.GetAsync(Url, "text/html");

        response.Headers.GetValues("Content-Security-Policy").Single().ShouldStartWith("default-src 'none'");
    }

    [Fact]
    public async Task the_html_brief_cannot_be_framed_by_another_page()
    {
        using var response = await ledger.GetAsync(Url, "text/html");

        response.Headers.GetValues("Content-Security-Policy").Single().ShouldBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'");
    }

    [Fact]
    public async Task latest_sets_how_many_statements_the_brief_quotes()
    {
        var body = await ledger.GetOkAsync($"{Url}?latest=2", "application/json");

        JsonNode.Parse(body)!["latestStatements"]!.AsArray().Count.ShouldBe(2);
    }

    [Theory]
    [InlineData("statements")]
    [InlineData("positions")]
    [InlineData("proposals")]
    [InlineData("agreements")]
    [InlineData("timeline")]
    public async Task each_csv_table_is_the_clis_file(string table)
    {
        using var response = await ledger.GetAsync($"{Url}?table={table}", "text/csv");
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        using var expected = new StringWriter();
        CsvReport.WriteTable(await ReportAsync(), table, expected);
        body.ShouldBe(expected.ToString());
        response.Content.Headers.ContentDisposition?.FileName.ShouldBe($"{Iran}-{table}.csv");
    }

    [Fact]
    public async Task the_workbook_is_an_attachment_named_after_the_negotiation()
    {
        using var response = await ledger.GetAsync(Url, XlsxReport.MediaType);
        var body = await response.Content.ReadAsByteArrayAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType?.MediaType.ShouldBe(XlsxReport.MediaType);
        response.Content.Headers.ContentDisposition?.DispositionType.ShouldBe("attachment");
        response.Content.Headers.ContentDisposition?.FileName.ShouldBe($"{Iran}.xlsx");
        // A zip archive, as every .xlsx is.
        body.Take(2).ShouldBe("PK"u8.ToArray());
    }

    [Fact]
    public async Task a_kept_alive_connection_carries_the_table_byte_for_byte_until_a_request_is_refused()
    {
        // The connection's output passes through KestrelRefusals' writer: a long streamed answer must come out intact.
        using var table = new StringWriter();
        CsvReport.WriteTable(await ReportAsync(), "statements", table);
        var expected = Encoding.UTF8.GetBytes(table.ToString());
        await using var connection = await RawHttp.OpenAsync(ledger.Server.Address);
        var key = $"X-Api-Key: {ledger.Server.AdminKey}";

        var first = await connection.GetAsync($"{Url}?table=statements", key, "Accept: text/csv");
        var second = await connection.GetAsync($"{Url}?table=statements", key, "Accept: text/csv");
        var refused = await connection.GetAsync($"{Url}%00", key, "Accept: text/csv");

        (first.Status, second.Status, refused.Status).ShouldBe((200, 200, 400));
        expected.Length.ShouldBeGreaterThan(16 * 1024, "long enough to be written in several pieces");
        first.Body.ShouldBe(expected);
        second.Body.ShouldBe(expected);
        refused.Header("Content-Type").ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task csv_without_a_table_is_the_statements_table()
    {
        var body = await ledger.GetOkAsync(Url, "text/csv");

        body.ShouldBe(await ledger.GetOkAsync($"{Url}?table=statements", "text/csv"));
    }

    [Theory]
    [InlineData("table=parties", "table")]
    [InlineData("latest=-1", "latest")]
    [InlineData("latest=1001", "latest")]
    public async Task a_bad_value_is_a_400_naming_the_field(string query, string field)
    {
        using var response = await ledger.GetAsync($"{Url}?{query}", "text/csv");

        await response.ShouldBeAProblemNamingAsync(field);
    }

    [Fact]
    public async Task an_unknown_negotiation_is_a_404_problem()
    {
        using var response = await ledger.GetAsync("/api/negotiations/no-such-talks/report", "text/markdown");

        await response.ShouldBeANotFoundProblemAsync("no-such-talks");
    }
}
