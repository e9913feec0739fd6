using Marten;
using NegotiationTracker.Domain.Parties;
using NegotiationTracker.IntegrationTests.Fixtures;
using NegotiationTracker.Replay;
using NegotiationTracker.Projections.Timeline;

namespace NegotiationTracker.IntegrationTests.Grains;

/// <summary>
/// A ledger whose async daemon gives up on a gap in the event sequence after 50 ms instead of Marten's 3 s: what a loaded
/// machine does to a large group commit, which reserves its sequence numbers seconds before it inserts its rows.
/// </summary>
public sealed class ImpatientDaemonLedgerFixture() : LedgerFixture(options => options.Projections.StaleSequenceThreshold = TimeSpan.FromMilliseconds(50));

/// <summary>The async views must hold every event even when a commit takes longer than the daemon waits for a gap.</summary>
public sealed class when_a_commit_outlasts_the_daemons_patience(ImpatientDaemonLedgerFixture ledger) : IClassFixture<ImpatientDaemonLedgerFixture>
{
    [Fact]
    public async Task the_timeline_still_holds_every_event_of_the_negotiation()
    {
        var scenario = await new Scenario(ledger.Grains).OpenAsync();
        var parties = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => scenario.RegisterAsync($"p{i}")));

        // Twelve parties with 500 statements each at once: group commits of up to 2,000 events, each spending far longer
        // than 50 ms between reserving its sequence numbers and inserting its rows.
        var results = await Task.WhenAll(parties.Select(party => scenario.Party(party).ExecuteAll(
            Enumerable.Range(0, 500).Select(i => scenario.Statement(party, $"{party}-s{i}")).ToArray(), scenario.Recording)));
        results.ShouldAllBe(r => r.Rejection == null);

        await ledger.CatchUpAsync();
        await using var session = ledger.Store.QuerySession();
        var events = (await NegotiationReplay.LoadAsync(session, scenario.NegotiationId)).ShouldNotBeNull().All;
        events.Select(e => e.Data).OfType<StatementMade>().Count().ShouldBe(12 * 500);
        var rows = await session.Query<TimelineEntry>().CountAsync(t => t.NegotiationId == scenario.NegotiationId);
        rows.ShouldBe(events.Count, "one timeline row per event of the negotiation, none skipped");
    }
}
