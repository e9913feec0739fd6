using NegotiationTracker.Domain.Common;
using NegotiationTracker.Domain.Parties;
using NegotiationTracker.Grains.Integrity;
using NegotiationTracker.IntegrationTests.Fixtures;

namespace NegotiationTracker.IntegrationTests.Integrity;

public sealed class when_another_writer_appends_without_a_seal(LedgerFixture ledger) : IClassFixture<LedgerFixture>
{
    [Fact]
    public async Task the_event_is_reported_unsealed_and_the_grains_later_appends_chain_on_from_it()
    {
        var scenario = await new Scenario(ledger.Grains).OpenAsync();
        var iraq = await scenario.RegisterAsync("iraq");
        var statement = scenario.Statement(iraq, "s1");

        // A repair script appends through Marten, past the grain: no seal.
        await using (var session = ledger.Store.LightweightSession())
        {
            session.Events.Append(Streams.Party(iraq), new StatementMade(statement.StatementId, statement.NegotiationId, iraq, statement.SpeakerId,
                statement.Kind, statement.Stance, statement.IssueIds, statement.Text, statement.Attribution, statement.Said, statement.SourceId));
            await session.SaveChangesAsync();
        }

        (await scenario.Party(iraq).Execute(scenario.Statement(iraq, "s2", "We will talk again."), scenario.Recording)).ShouldBeAccepted();

        var verifier = new LedgerVerifier(ledger.Store);
        var report = await verifier.VerifyAsync(await verifier.NegotiationStreamsAsync(scenario.NegotiationId));
        await using var query = ledger.Store.QuerySession();
        var events = await query.Events.FetchStreamAsync(Streams.Party(iraq));
        var foreign = events.Single(e => e.Data is StatementMade { StatementId: "s1" });
        var finding = report.Findings.ShouldHaveSingleItem();
        finding.Kind.ShouldBe(FindingKind.Unsealed);
        (finding.Stream, finding.Version, finding.Sequence).ShouldBe((Streams.Party(iraq), foreign.Version, foreign.Sequence));
        events[^1].Version.ShouldBeGreaterThan(foreign.Version);
        EventSeal.Of(events[^1]).ShouldNotBeNull();
    }

    [Fact]
    public async Task a_grain_activated_after_it_chains_from_its_stored_content()
    {
        var scenario = await new Scenario(ledger.Grains).OpenAsync();
        var iraq = await scenario.RegisterAsync("iraq");
        await using (var session = ledger.Store.LightweightSession())
        {
            session.Events.Append(Streams.Party(iraq), new PersonAffiliated(iraq, "deputy", "A Deputy", null));
            await session.SaveChangesAsync();
        }

        // Head of the chain as the grain computes it on (re)load: the unsealed event's hash from its stored content.
        await using var query = ledger.Store.QuerySession();
        var events = await query.Events.FetchStreamAsync(Streams.Party(iraq));
        var head = EventChain.HeadOf(events);
        var previous = EventSeal.Of(events[^2]).ShouldNotBeNull().Hash;

        head.ShouldBe(Convert.ToHexStringLower(SealedContent.Of(events[^1]).Hash(Convert.FromHexString(previous), events[^1].Version)));
    }
}
