using System.Net;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using NegotiationTracker.Domain.Parties;
using NegotiationTracker.Server.Tests.Fixtures;

namespace NegotiationTracker.Server.Tests.Commands;

public sealed class when_a_command_is_retried(TalksServerFixture server) : IClassFixture<TalksServerFixture>
{
    private const string Statements = $"/api/negotiations/{Talks.Id}/statements";

    [Fact]
    public async Task a_retry_with_the_same_idempotency_key_returns_the_first_response_and_appends_nothing()
    {
        var key = ("Idempotency-Key", Guid.NewGuid().ToString());

        var first = await server.Client.PostJsonAsync(Statements, Talks.Statement("retried-1"), key);
        var firstBody = await first.Content.ReadAsStringAsync();
        var after = await EventCountAsync();
        var retry = await server.Client.PostJsonAsync(Statements, Talks.Statement("retried-1"), key);

        first.StatusCode.ShouldBe(HttpStatusCode.OK, firstBody);
        retry.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await retry.Content.ReadAsStringAsync()).ShouldBe(firstBody);
        firstBody.ShouldContain("\"appended\":1");
        retry.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        (await EventCountAsync()).ShouldBe(after);
    }

    [Fact]
    public async Task concurrent_retries_with_one_key_append_once()
    {
        var key = ("Idempotency-Key", Guid.NewGuid().ToString());
        var before = await EventCountAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => server.Client.PostJsonAsync(Statements, Talks.Statement("retried-2"), key)));

        // Each is the first result, a replay of it, or "still in progress" (409) for a retry that arrived while it ran.
        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK || r.StatusCode == HttpStatusCode.Conflict);
        var bodies = await Task.WhenAll(responses.Where(r => r.StatusCode == HttpStatusCode.OK).Select(r => r.Content.ReadAsStringAsync()));
        bodies.Distinct().ShouldHaveSingleItem().ShouldContain("\"appended\":1");
        (await EventCountAsync()).ShouldBe(before + 1);
    }

    [Fact]
    public async Task sixteen_sequential_retries_with_one_key_append_once_and_each_says_it_is_a_replay()
    {
        var key = ("Idempotency-Key", Guid.NewGuid().ToString());
        var before = await EventCountAsync();

        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 16; i++)
        {
            responses.Add(await server.Client.PostJsonAsync(Statements, Talks.Statement("retried-7"), key));
        }

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        bodies.Distinct().ShouldHaveSingleItem().ShouldContain("\"appended\":1");
        responses[0].Headers.Contains("Idempotent-Replayed").ShouldBeFalse();
        responses.Skip(1).ShouldAllBe(r => r.Headers.GetValues("Idempotent-Replayed").Single() == "true");
        (await EventCountAsync()).ShouldBe(before + 1);
        (await StoredStatementsAsync("retried-7")).ShouldBe(1);
    }

    [Fact]
    public async Task a_caller_told_a_concurrent_retry_is_in_progress_gets_the_first_response_when_it_retries()
    {
        var key = ("Idempotency-Key", Guid.NewGuid().ToString());

        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => server.Client.PostJsonAsync(Statements, Talks.Statement("retried-8"), key)));
        var first = await responses.Single(r => r.StatusCode == HttpStatusCode.OK && !r.Headers.Contains("Idempotent-Replayed")).Content.ReadAsStringAsync();
        var retries = await Task.WhenAll(responses.Where(r => r.StatusCode == HttpStatusCode.Conflict)
            .Select(_ => server.Client.PostJsonAsync(Statements, Talks.Statement("retried-8"), key)));

        foreach (var retry in retries)
        {
            retry.StatusCode.ShouldBe(HttpStatusCode.OK);
            retry.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
            (await retry.Content.ReadAsStringAsync()).ShouldBe(first);
        }

        (await StoredStatementsAsync("retried-8")).ShouldBe(1);
    }

    [Fact]
    public async Task sixteen_concurrent_retries_of_one_command_without_a_key_append_once_and_the_rest_say_appended_0()
    {
        var before = await EventCountAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => server.Client.PostJsonAsync(Statements, Talks.Statement("retried-9"))));

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        var appended = await Task.WhenAll(responses.Select(async r => (await r.JsonAsync())["appended"]!.GetValue<int>()));
        appended.Order().ShouldBe([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
        (await EventCountAsync()).ShouldBe(before + 1);
        (await StoredStatementsAsync("retried-9")).ShouldBe(1);
    }

    [Fact]
    public async Task sixteen_concurrent_retries_of_a_proposal_append_it_once_to_the_negotiation()
    {
        var proposal = new Domain.Negotiations.TableProposal(Talks.Id, "retried-proposal", "upstream", "Fill over ten years",
            [new Domain.Negotiations.Term("dam", "Ten years.")], Domain.Common.PartialDate.Parse("2024-03"), "wire-1");

        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => server.Client.PostJsonAsync($"/api/negotiations/{Talks.Id}/proposals", proposal)));

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        (await Task.WhenAll(responses.Select(async r => (await r.JsonAsync())["appended"]!.GetValue<int>()))).Sum().ShouldBe(1);
        var stored = await StoredEvents.ReadAsync(server.ConnectionString, Domain.Common.Streams.Negotiation(Talks.Id));
        stored.Count(e => e.Type == "proposal_tabled" && e.Data["proposalId"]!.GetValue<string>() == "retried-proposal").ShouldBe(1);
    }

    [Fact]
    public async Task a_retry_without_a_key_appends_nothing_because_the_command_carries_its_id()
    {
        await server.Client.PostJsonAsync(Statements, Talks.Statement("retried-3")).ShouldBeOk();
        var after = await EventCountAsync();

        var retry = await server.Client.PostJsonAsync(Statements, Talks.Statement("retried-3"));

        retry.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await retry.JsonAsync())["appended"]!.GetValue<int>().ShouldBe(0);
        (await EventCountAsync()).ShouldBe(after);
    }

    [Fact]
    public async Task the_same_key_with_a_different_request_is_refused()
    {
        var key = ("Idempotency-Key", Guid.NewGuid().ToString());
        await server.Client.PostJsonAsync(Statements, Talks.Statement("retried-4"), key).ShouldBeOk();
        var after = await EventCountAsync();

        var other = await server.Client.PostJsonAsync(Statements, Talks.Statement("retried-5"), key);

        other.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await EventCountAsync()).ShouldBe(after);
    }

    [Fact]
    public async Task a_stale_if_match_is_a_409_with_the_current_version()
    {
        await server.Client.PostJsonAsync("/api/parties", new RegisterParty("stale-party", "Stale Party", Domain.Common.PartyKind.Faction)).ShouldBeOk();
        var before = await EventCountAsync();

        var response = await server.Client.PostJsonAsync("/api/parties/stale-party/people", new AffiliatePerson("stale-party", "someone", "Someone", null),
            ("If-Match", "\"7\""));

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var problem = await response.JsonAsync();
        problem["currentVersion"]!.GetValue<long>().ShouldBe(1);
        problem["stream"]!.GetValue<string>().ShouldBe("party/stale-party");
        (await EventCountAsync()).ShouldBe(before);

        var current = await server.Client.PostJsonAsync("/api/parties/stale-party/people", new AffiliatePerson("stale-party", "someone", "Someone", null),
            ("If-Match", "\"1\""));
        current.StatusCode.ShouldBe(HttpStatusCode.OK, await current.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task a_statement_id_used_for_different_words_is_a_409()
    {
        await server.Client.PostJsonAsync(Statements, Talks.Statement("retried-6")).ShouldBeOk();

        var clash = await server.Client.PostJsonAsync(Statements, Talks.Statement("retried-6", "Different words."));

        clash.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await clash.JsonAsync())["code"]!.GetValue<string>().ShouldBe("conflict");
    }


    private async Task<int> StoredStatementsAsync(string statementId) =>
        (await StoredEvents.ReadAsync(server.ConnectionString, Domain.Common.Streams.Party("upstream")))
        .Count(e => e.Type == "statement_made" && e.Data["statementId"]!.GetValue<string>() == statementId);

    private async Task<long> EventCountAsync() =>
        (await server.Services.GetRequiredService<IDocumentStore>().Advanced.FetchEventStoreStatistics()).EventCount;
}
