using System.Net;
using NegotiationTracker.Projections.Statements;
using static NegotiationTracker.Server.Tests.Queries.SeededLedgerFixture;

namespace NegotiationTracker.Server.Tests.Queries;

public sealed class when_the_statements_are_paged(SeededLedgerFixture ledger) : IClassFixture<SeededLedgerFixture>
{
    private Task<IReadOnlyList<StatementView>> AllAsync(StatementFilter filter) => ledger.QueryAsync(async s => (await StatementLog.QueryAsync(s, filter)).ShouldNotBeNull());

    [Fact]
    public async Task without_paging_values_the_first_100_come_with_the_total()
    {
        using var response = await ledger.GetAsync($"/api/negotiations/{Iran}/statements");
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        var all = await AllAsync(new StatementFilter(Iran));
        all.Count.ShouldBeLessThan(100);
        body.ShouldBeTheJsonOf(all);
        response.Headers.GetValues("X-Total-Count").Single().ShouldBe(all.Count.ToString());
        response.Headers.Contains("Link").ShouldBeFalse();
    }

    [Fact]
    public async Task a_page_is_the_same_slice_of_the_log_as_the_cli_lists()
    {
        var body = await ledger.GetOkAsync($"/api/negotiations/{Iran}/statements?offset=20&limit=10");

        body.ShouldBeTheJsonOf((await AllAsync(new StatementFilter(Iran))).Skip(20).Take(10).ToList());
    }

    [Fact]
    public async Task following_the_next_links_visits_every_statement_once()
    {
        var seen = new List<string>();
        string? url = $"/api/negotiations/{Iran}/statements?limit=7";
        while (url is not null)
        {
            using var response = await ledger.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            seen.AddRange(Answers.Array(await response.Content.ReadAsStringAsync()).Select(s => s.GetProperty("id").GetString()!));
            url = response.Headers.TryGetValues("Link", out var links) ? links.Single().Split('<', '>')[1] : null;
        }

        seen.ShouldBe((await AllAsync(new StatementFilter(Iran))).Select(s => s.Id).ToList());
    }

    [Fact]
    public async Task the_filters_apply_to_the_page_and_to_the_total()
    {
        using var response = await ledger.GetAsync($"/api/negotiations/{Iran}/statements?party=iran&limit=2");
        var body = await response.Content.ReadAsStringAsync();

        var iran = await AllAsync(new StatementFilter(Iran, Party: "iran"));
        body.ShouldBeTheJsonOf(iran.Take(2).ToList());
        response.Headers.GetValues("X-Total-Count").Single().ShouldBe(iran.Count.ToString());
    }

    [Fact]
    public async Task retracted_statements_are_left_out_unless_asked_for()
    {
        var standing = Answers.Array(await ledger.GetOkAsync($"/api/negotiations/{Iraq}/statements?party=rubin"));
        var all = Answers.Array(await ledger.GetOkAsync($"/api/negotiations/{Iraq}/statements?party=rubin&includeRetracted=true"));

        standing.ShouldNotContain(s => s.GetProperty("id").GetString() == "rubin-against-withdrawal");
        all.Single(s => s.GetProperty("id").GetString() == "rubin-against-withdrawal").GetProperty("status").GetString().ShouldBe("retracted");
    }

    [Fact]
    public async Task an_offset_past_the_end_is_an_empty_page_that_still_says_the_total()
    {
        using var response = await ledger.GetAsync($"/api/negotiations/{Iran}/statements?offset=5000");
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        Answers.Array(body).ShouldBeEmpty();
        response.Headers.GetValues("X-Total-Count").Single().ShouldBe((await AllAsync(new StatementFilter(Iran))).Count.ToString());
    }

    [Fact]
    public async Task a_limit_of_1000_is_allowed()
    {
        (await ledger.GetOkAsync($"/api/negotiations/{Iran}/statements?limit=1000")).ShouldBeTheJsonOf(await AllAsync(new StatementFilter(Iran)));
    }

    [Theory]
    [InlineData("limit=1001", "limit")]
    [InlineData("limit=0", "limit")]
    [InlineData("offset=-5", "offset")]
    [InlineData("from=someday", "from")]
    [InlineData("to=2024-02-30", "to")]
    public async Task a_bad_value_is_a_400_naming_the_field(string query, string field)
    {
        using var response = await ledger.GetAsync($"/api/negotiations/{Iran}/statements?{query}");

        await response.ShouldBeAProblemNamingAsync(field);
    }

    [Fact]
    public async Task every_bad_value_is_named_at_once()
    {
        using var response = await ledger.GetAsync($"/api/negotiations/{Iran}/statements?limit=5000&from=someday");

        await response.ShouldBeAProblemNamingAsync("limit", "from");
    }
}
