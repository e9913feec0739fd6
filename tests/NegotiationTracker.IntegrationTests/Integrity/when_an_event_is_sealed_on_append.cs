using NegotiationTracker.Domain.Common;
using NegotiationTracker.Domain.Parties;
using NegotiationTracker.Grains.Integrity;
using NegotiationTracker.IntegrationTests.Fixtures;
using Npgsql;

namespace NegotiationTracker.IntegrationTests.Integrity;

/// <summary>
/// What sealing relies on from Marten (Rich appends), checked against the real store: the stored type name is known as soon as
/// an event is appended to the session, a timestamp and user name set before the save are the ones stored (at PostgreSQL's
/// microseconds), and headers land in the event's own row.
/// </summary>
public sealed class when_an_event_is_sealed_on_append(LedgerFixture ledger) : IClassFixture<LedgerFixture>
{
    [Fact]
    public async Task the_stored_event_recomputes_to_the_seal_it_was_given()
    {
        var stream = Streams.Party(Scenario.Unique("sealed"));
        var stamped = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero).AddTicks(1_234_567);

        await using (var session = ledger.Store.LightweightSession())
        {
            var append = session.Events.StartStream(stream, new PartyRegistered("p", "A party", PartyKind.State), new PersonAffiliated("p", "envoy", "An Envoy", null));
            append.Events.ShouldAllBe(e => e.EventTypeName != null);
            EventSealer.Seal(append.Events, stream, 0, EventSeal.Genesis, "sealer", stamped);
            await session.SaveChangesAsync();
        }

        await using var query = ledger.Store.QuerySession();
        var events = await query.Events.FetchStreamAsync(stream);
        events[0].Timestamp.ShouldBe(SealedContent.ToMicroseconds(stamped));
        events[0].UserName.ShouldBe("sealer");
        var first = EventSeal.Of(events[0]).ShouldNotBeNull();
        var second = EventSeal.Of(events[1]).ShouldNotBeNull();
        first.Previous.ShouldBe(EventSeal.Genesis);
        second.Previous.ShouldBe(first.Hash);
        Convert.ToHexStringLower(SealedContent.Of(events[0]).Hash([], 1)).ShouldBe(first.Hash);
        Convert.ToHexStringLower(SealedContent.Of(events[1]).Hash(Convert.FromHexString(first.Hash), 2)).ShouldBe(second.Hash);
        EventChain.HeadOf(events).ShouldBe(second.Hash);
    }

    [Fact]
    public async Task the_seal_is_in_the_event_row_and_the_stream_row_tracks_the_version()
    {
        var scenario = await new Scenario(ledger.Grains).OpenAsync();

        await using var connection = new NpgsqlConnection(ledger.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select e.version, e.headers ->> 'seal', s.version from negotiation_tracker.mt_events e join negotiation_tracker.mt_streams s on s.id = e.stream_id where e.stream_id = @stream order by e.version",
            connection);
        command.Parameters.AddWithValue("stream", Streams.Negotiation(scenario.NegotiationId));
        await using var reader = await command.ExecuteReaderAsync();
        var rows = 0;
        while (await reader.ReadAsync())
        {
            rows++;
            reader.GetString(1).Length.ShouldBe(64);
            reader.GetInt64(2).ShouldBe(2);
        }

        rows.ShouldBe(2);
    }
}
