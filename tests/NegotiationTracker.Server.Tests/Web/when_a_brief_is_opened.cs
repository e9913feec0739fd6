using System.Text.Json;

namespace NegotiationTracker.Server.Tests.Web;

[Collection(LedgerServed.Name)]
public sealed class when_a_brief_is_opened(LedgerServedFixture ledger)
{
    private const string Path = "/negotiations/us-iraq-withdrawal";

    [Fact]
    public async Task it_names_every_party_at_the_table_and_the_commentators()
    {
        var parties = LedgerServedFixture.Section(await ledger.PageAsync(Path), "parties");

        foreach (var name in new[] { "United States", "Republic of Iraq", "Adam Weinstein", "The New York Times" })
        {
            parties.ShouldContain($"<th scope=\"row\">{name}</th>");
        }
    }

    [Fact]
    public async Task its_statement_log_holds_a_known_statement_with_its_speaker()
    {
        var log = LedgerServedFixture.Section(await ledger.PageAsync(Path), "statements");

        log.ShouldContain("<blockquote>Prime Minister Mohammed Shia al-Sudani has stated that U.S. forces are no longer necessary in Iraq, citing their success in combating ISIS.</blockquote>");
        log.ShouldContain("<strong>Mohammed Shia al-Sudani</strong> for Republic of Iraq");
    }

    [Fact]
    public async Task its_log_lists_every_standing_statement_unfiltered()
    {
        using var response = await ledger.Client.GetAsync($"/api{Path}/statements");
        var expected = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray().Select(s => s.GetProperty("id").GetString()!).ToList();

        LedgerServedFixture.LoggedStatementIds(await ledger.PageAsync(Path)).ShouldBe(expected);
    }

    [Fact]
    public async Task it_draws_the_timeline_chart_with_marks()
    {
        var timeline = LedgerServedFixture.Section(await ledger.PageAsync(Path), "timeline");

        timeline.ShouldContain("<svg id=\"timeline-chart\"");
        timeline.ShouldContain("<g class=\"mark\"");
    }

    [Fact]
    public async Task it_has_the_positions_matrix_the_proposals_and_the_agreements()
    {
        var page = await ledger.PageAsync(Path);

        LedgerServedFixture.Section(page, "positions").ShouldContain("<table class=\"matrix\">");
        LedgerServedFixture.Section(page, "proposals").ShouldContain("Complete withdrawal of U.S. troops from Iraq over the next two years");
        LedgerServedFixture.Section(page, "agreements").ShouldContain("No agreement has been reached.");
    }

    [Fact]
    public async Task it_offers_the_filters_as_a_get_form_and_the_way_back_to_the_list()
    {
        var page = await ledger.PageAsync(Path);

        page.ShouldContain("<a href=\"/\">← All negotiations</a>");
        var log = LedgerServedFixture.Section(page, "statements");
        log.ShouldContain("<form class=\"filters\" method=\"get\" action=\"/negotiations/us-iraq-withdrawal#statements\"");
        foreach (var name in new[] { "party", "speaker", "issue", "from", "to", "includeRetracted" })
        {
            log.ShouldContain($" name=\"{name}\"");
        }

        log.ShouldContain("<option value=\"iraq\">Republic of Iraq</option>");
        log.ShouldContain("<optgroup label=\"Republic of Iraq\"><option value=\"al-sudani\">Mohammed Shia al-Sudani</option></optgroup>");
    }

    [Fact]
    public async Task it_fetches_nothing_and_holds_no_script()
    {
        var page = await ledger.PageAsync(Path);

        page.ShouldNotContain("<script", Case.Insensitive);
        // The chart's xmlns names a namespace and is never fetched; links and forms stay on this server.
        foreach (var reference in new[] { "<link", "<img", "<iframe", "<object", "<embed", " src=", "url(", "@import", "href=\"http", "action=\"http" })
        {
            page.ShouldNotContain(reference, Case.Insensitive);
        }
    }

    [Fact]
    public async Task the_openapi_document_lists_the_pages_as_html_under_the_web_view_tag()
    {
        using var response = await ledger.Client.GetAsync("/openapi/v1.json");
        var paths = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("paths");

        foreach (var (path, status) in new[] { ("/", "200"), ("/negotiations/{id}", "200"), ("/negotiations/{id}", "404"), ("/negotiations/{id}", "400") })
        {
            var get = paths.GetProperty(path).GetProperty("get");
            get.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).ShouldContain("Web view");
            get.GetProperty("responses").GetProperty(status).GetProperty("content").TryGetProperty("text/html", out _).ShouldBeTrue($"{path} {status}");
        }
    }
}
