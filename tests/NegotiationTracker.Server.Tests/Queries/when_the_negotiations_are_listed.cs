using System.Net;
using System.Text.Json;
using NegotiationTracker.Projections.Negotiations;
using static NegotiationTracker.Server.Tests.Queries.SeededLedgerFixture;

namespace NegotiationTracker.Server.Tests.Queries;

public sealed class when_the_negotiations_are_listed(SeededLedgerFixture ledger) : IClassFixture<SeededLedgerFixture>
{
    [Fact]
    public async Task every_negotiation_is_listed_by_id_with_its_status_and_counts()
    {
        var body = await ledger.GetOkAsync("/api/negotiations");

        body.ShouldBeTheJsonOf((await ledger.QueryAsync(s => NegotiationListing.ListAsync(s, 0, 100))).Items);
        Answers.Array(body).Select(n => n.GetProperty("id").GetString()).ShouldBe([Echo, Iran, Iraq]);
    }

    [Fact]
    public async Task a_listing_counts_what_the_state_holds()
    {
        var state = (await ledger.QueryAsync(s => NegotiationState.LoadAsync(s, Iran))).ShouldNotBeNull();

        var iran = Answers.Array(await ledger.GetOkAsync("/api/negotiations")).Single(n => n.GetProperty("id").GetString() == Iran);

        iran.GetProperty("status").GetString().ShouldBe(state.Status.ToString().ToLowerInvariant());
        iran.GetProperty("parties").GetInt32().ShouldBe(state.Parties.Count);
        iran.GetProperty("statements").GetInt32().ShouldBe(state.Statements);
        iran.GetProperty("proposals").GetInt32().ShouldBe(state.Proposals.Count);
        iran.GetProperty("openProposals").GetInt32().ShouldBe(state.OpenProposals);
        iran.GetProperty("agreements").GetInt32().ShouldBe(state.Agreements.Count);
    }

    [Fact]
    public async Task a_page_says_the_total_and_links_the_next_page()
    {
        using var response = await ledger.GetAsync("/api/negotiations?limit=1&offset=1");
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        Answers.Array(body).Single().GetProperty("id").GetString().ShouldBe(Iran);
        response.Headers.GetValues("X-Total-Count").Single().ShouldBe("3");
        var next = response.Headers.GetValues("Link").Single();
        next.ShouldContain("offset=2");
        next.ShouldContain("limit=1");
        next.ShouldContain("rel=\"next\"");
    }

    [Fact]
    public async Task the_last_page_links_no_further()
    {
        using var response = await ledger.GetAsync("/api/negotiations?limit=2&offset=1");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.Contains("Link").ShouldBeFalse();
    }

    [Fact]
    public async Task a_page_past_the_end_is_empty_and_still_says_the_total()
    {
        using var response = await ledger.GetAsync("/api/negotiations?offset=10");
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        Answers.Array(body).ShouldBeEmpty();
        response.Headers.GetValues("X-Total-Count").Single().ShouldBe("3");
    }

    [Fact]
    public async Task a_limit_over_1000_is_a_400_naming_limit()
    {
        using var response = await ledger.GetAsync("/api/negotiations?limit=1001");
        await response.ShouldBeAProblemNamingAsync("limit");
    }

    [Fact]
    public async Task a_negative_offset_is_a_400_naming_offset()
    {
        using var response = await ledger.GetAsync("/api/negotiations?offset=-1");
        await response.ShouldBeAProblemNamingAsync("offset");
    }

    [Fact]
    public async Task a_limit_that_is_not_a_number_is_a_400_naming_limit()
    {
        using var response = await ledger.GetAsync("/api/negotiations?limit=lots");
        var body = await response.Content.ReadAsStringAsync();

        // Wolverine's own answer to a value it cannot bind: a problem naming the query parameter.
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        JsonDocument.Parse(body).RootElement.GetProperty("parameter").GetString().ShouldBe("limit");
    }
}
