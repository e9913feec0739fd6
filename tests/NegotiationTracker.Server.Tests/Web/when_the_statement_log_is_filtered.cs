using System.Text.Json;

namespace NegotiationTracker.Server.Tests.Web;

[Collection(LedgerServed.Name)]
public sealed class when_the_statement_log_is_filtered(LedgerServedFixture ledger)
{
    private const string Path = "/negotiations/us-iraq-withdrawal";

    [Theory]
    [InlineData("party=iraq")]
    [InlineData("speaker=al-sudani")]
    [InlineData("issue=isis-resurgence-risk")]
    [InlineData("party=us&issue=us-troop-presence")]
    [InlineData("from=2024-10")]
    [InlineData("from=2024-09-15&to=2024-09-20")]
    public async Task the_page_lists_what_the_api_lists_for_the_same_filters(string query)
    {
        using var response = await ledger.Client.GetAsync($"/api{Path}/statements?{query}");
        var expected = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray().Select(s => s.GetProperty("id").GetString()!).ToList();

        LedgerServedFixture.LoggedStatementIds(await ledger.PageAsync($"{Path}?{query}")).ShouldBe(expected);
    }

    [Fact]
    public async Task by_party_it_lists_fewer_statements_all_that_partys()
    {
        var all = LedgerServedFixture.LoggedStatementIds(await ledger.PageAsync(Path));
        var page = await ledger.PageAsync($"{Path}?party=iraq&speaker=&issue=&from=&to=");

        var iraq = LedgerServedFixture.LoggedStatementIds(page);
        iraq.ShouldNotBeEmpty();
        iraq.Count.ShouldBeLessThan(all.Count);
        var log = LedgerServedFixture.Section(page, "statements");
        log.Split("<p class=\"who\">").Skip(1).ShouldAllBe(who => who.Contains("Republic of Iraq</strong>") || who.Contains("for Republic of Iraq"));
    }

    [Fact]
    public async Task the_form_shows_the_filters_in_force_and_says_what_they_select()
    {
        var log = LedgerServedFixture.Section(await ledger.PageAsync($"{Path}?party=iraq&from=2024-09&includeRetracted=true"), "statements");

        log.ShouldContain("<option value=\"iraq\" selected>Republic of Iraq</option>");
        log.ShouldContain("name=\"from\" value=\"2024-09\"");
        log.ShouldContain("name=\"includeRetracted\" value=\"true\" checked");
        log.ShouldContain(" by <strong>Republic of Iraq</strong>, said on or after <strong>2024-09</strong>, retracted, void and duplicate ones included, in the order said.");
    }

    [Fact]
    public async Task a_filter_that_matches_nothing_says_so()
    {
        var log = LedgerServedFixture.Section(await ledger.PageAsync($"{Path}?from=2030"), "statements");

        log.ShouldContain("No statement matches these filters.");
    }

    [Fact]
    public async Task a_retracted_statement_is_left_out_unless_asked_for_and_then_marked()
    {
        var standing = await ledger.PageAsync($"/negotiations/{MarkupTalks.Id}");
        var all = await ledger.PageAsync($"/negotiations/{MarkupTalks.Id}?includeRetracted=true");

        LedgerServedFixture.LoggedStatementIds(standing).ShouldBe(["markup-script"]);
        LedgerServedFixture.LoggedStatementIds(all).ShouldBe(["markup-script", "markup-retracted"]);
        LedgerServedFixture.Section(all, "statements").ShouldContain("<span class=\"badge retracted\">retracted</span>");
    }
}
