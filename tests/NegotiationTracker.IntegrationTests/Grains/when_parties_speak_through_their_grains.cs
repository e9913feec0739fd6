using Marten;
using NegotiationTracker.Domain.Common;
using NegotiationTracker.Domain.Parties;
using NegotiationTracker.IntegrationTests.Fixtures;
using NegotiationTracker.Projections.Statements;

namespace NegotiationTracker.IntegrationTests.Grains;

public sealed class when_parties_speak_through_their_grains(LedgerFixture ledger) : IClassFixture<LedgerFixture>
{
    private async Task<long> PartyStreamVersionAsync(string partyId)
    {
        await using var session = ledger.Store.QuerySession();
        var state = await session.Events.FetchStreamStateAsync(Streams.Party(partyId));
        return state?.Version ?? 0;
    }

    [Fact]
    public async Task a_statement_is_appended_to_the_party_stream_and_logged_with_its_metadata()
    {
        var scenario = await new Scenario(ledger.Grains).OpenAsync();
        var iraq = await scenario.RegisterAsync("iraq");

        var result = await scenario.Party(iraq).Execute(scenario.Statement(iraq, "s1"), scenario.Recording);

        result.ShouldBeAccepted();
        result.Appended.ShouldBe(1);
        await using var session = ledger.Store.QuerySession();
        var logged = (await session.LoadAsync<StatementRecord>(Party.StatementKey(scenario.NegotiationId, "s1"))).ShouldNotBeNull();
        logged.PartyId.ShouldBe(iraq);
        logged.RecordedBy.ShouldBe("tester");
        logged.CorrelationId.ShouldBe(scenario.Recording.CorrelationId);
        logged.Sequence.ShouldBeGreaterThan(0);
        logged.RecordedAt.ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddMinutes(-5));
    }

    [Fact]
    public async Task a_party_that_has_not_joined_cannot_speak_and_nothing_is_appended()
    {
        var scenario = await new Scenario(ledger.Grains).OpenAsync();
        var outsider = await scenario.RegisterAsync("outsider", join: false);
        var before = await PartyStreamVersionAsync(outsider);

        var result = await scenario.Party(outsider).Execute(scenario.Statement(outsider, "s1"), scenario.Recording);

        result.Rejection.ShouldNotBeNull().Message.ShouldContain("has not joined");
        (await PartyStreamVersionAsync(outsider)).ShouldBe(before);
    }

    [Fact]
    public async Task a_retried_statement_is_appended_once()
    {
        var scenario = await new Scenario(ledger.Grains).OpenAsync();
        var iraq = await scenario.RegisterAsync("iraq");
        var statement = scenario.Statement(iraq, "s1");

        var first = await scenario.Party(iraq).Execute(statement, scenario.Recording);
        var retry = await scenario.Party(iraq).Execute(statement with { IssueIds = [.. statement.IssueIds] }, scenario.Recording);

        first.Appended.ShouldBe(1);
        retry.ShouldBeAccepted();
        retry.Appended.ShouldBe(0);
        retry.Version.ShouldBe(first.Version);
    }

    [Fact]
    public async Task a_statement_id_another_party_already_used_in_the_negotiation_is_refused_by_the_store()
    {
        var scenario = await new Scenario(ledger.Grains).OpenAsync();
        var iraq = await scenario.RegisterAsync("iraq");
        var us = await scenario.RegisterAsync("us");
        (await scenario.Party(iraq).Execute(scenario.Statement(iraq, "s1"), scenario.Recording)).ShouldBeAccepted();
        var before = await PartyStreamVersionAsync(us);

        var clash = await scenario.Party(us).Execute(scenario.Statement(us, "s1"), scenario.Recording);

        clash.Rejection.ShouldNotBeNull().Code.ShouldBe("conflict");
        (await PartyStreamVersionAsync(us)).ShouldBe(before);
        await using var session = ledger.Store.QuerySession();
        (await session.LoadAsync<StatementRecord>(Party.StatementKey(scenario.NegotiationId, "s1"))).ShouldNotBeNull().PartyId.ShouldBe(iraq);
    }

    [Fact]
    public async Task after_another_writer_appends_to_its_stream_the_grain_decides_again_on_the_new_state()
    {
        var scenario = await new Scenario(ledger.Grains).OpenAsync();
        var iraq = await scenario.RegisterAsync("iraq");
        var statement = scenario.Statement(iraq, "s1");

        // Another process (an old silo, a repair script) records the same statement behind the grain's back.
        var made = new StatementMade(statement.StatementId, statement.NegotiationId, iraq, statement.SpeakerId, statement.Kind, statement.Stance,
            statement.IssueIds, statement.Text, statement.Attribution, statement.Said, statement.SourceId);
        await using (var session = ledger.Store.LightweightSession())
        {
            session.Events.Append(Streams.Party(iraq), made);
            await session.SaveChangesAsync();
        }

        var result = await scenario.Party(iraq).Execute(statement, scenario.Recording);

        // The grain's expected version was stale: it reloaded, saw the statement, and appended nothing rather than a duplicate.
        result.ShouldBeAccepted();
        result.Appended.ShouldBe(0);
        await using var query = ledger.Store.QuerySession();
        var events = await query.Events.FetchStreamAsync(Streams.Party(iraq));
        events.Count(e => e.Data is StatementMade).ShouldBe(1);
    }

    [Fact]
    public async Task concurrent_statements_to_one_party_are_all_appended_with_gap_free_versions()
    {
        var scenario = await new Scenario(ledger.Grains).OpenAsync();
        var iraq = await scenario.RegisterAsync("iraq");
        var before = await PartyStreamVersionAsync(iraq);

        var results = await Task.WhenAll(Enumerable.Range(1, 40).Select(i =>
            scenario.Party(iraq).Execute(scenario.Statement(iraq, $"s{i}", $"Statement number {i}"), scenario.Recording)));

        results.ShouldAllBe(r => r.Rejection == null && r.Appended == 1);
        results.Select(r => r.Version).Order().ShouldBe(Enumerable.Range(1, 40).Select(i => before + i));
        await using var session = ledger.Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(Streams.Party(iraq));
        events.Select(e => e.Version).ShouldBe(Enumerable.Range(1, events.Count).Select(v => (long)v));
        (await session.Query<StatementRecord>().CountAsync(s => s.NegotiationId == scenario.NegotiationId)).ShouldBe(40);
    }

    [Fact]
    public async Task the_latest_stance_follows_when_things_were_said_not_when_they_were_recorded()
    {
        var scenario = await new Scenario(ledger.Grains).OpenAsync();
        var iraq = await scenario.RegisterAsync("iraq");
        var october = scenario.Statement(iraq, "later", stance: Stance.Opposes) with { Said = PartialDate.Day(2024, 10, 2) };
        var august = scenario.Statement(iraq, "earlier", stance: Stance.Supports) with { Said = PartialDate.Month(2024, 8) };

        (await scenario.Party(iraq).Execute(october, scenario.Recording)).ShouldBeAccepted();
        (await scenario.Party(iraq).Execute(august, scenario.Recording)).ShouldBeAccepted();

        await using var session = ledger.Store.QuerySession();
        var state = (await NegotiationTracker.Projections.Negotiations.NegotiationState.LoadAsync(session, scenario.NegotiationId)).ShouldNotBeNull();
        var position = state.Positions.ShouldHaveSingleItem();
        position.Stance.ShouldBe(Stance.Opposes);
        position.StatementId.ShouldBe("later");
    }
}
