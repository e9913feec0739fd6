using NegotiationTracker.Domain.Common;
using NegotiationTracker.Grains.Integrity;
using NegotiationTracker.IntegrationTests.Fixtures;
using NegotiationTracker.Replay;

namespace NegotiationTracker.IntegrationTests.Integrity;

public sealed class when_the_imported_seed_is_verified(SeedImportedFixture seed) : IClassFixture<SeedImportedFixture>
{
    private LedgerVerifier Verifier => new(seed.Ledger.Store);

    [Fact]
    public async Task every_event_matches_its_seal()
    {
        var events = await seed.Ledger.AllEventsAsync();

        var report = await Verifier.VerifyAsync();

        report.Findings.ShouldBeEmpty();
        report.EventsChecked.ShouldBe(events.Count);
        report.StreamsChecked.ShouldBe(events.Select(e => e.StreamKey).Distinct().Count());
        events.ShouldAllBe(e => EventSeal.Of(e) != null);
    }

    [Fact]
    public async Task the_negotiation_is_verified_with_the_streams_of_its_members()
    {
        var streams = (await Verifier.NegotiationStreamsAsync(seed.Seed.Negotiation.NegotiationId)).ShouldNotBeNull();

        var report = await Verifier.VerifyAsync(streams);

        streams.ShouldContain(Streams.Negotiation(seed.Seed.Negotiation.NegotiationId));
        streams.ShouldContain(Streams.Party("iraq"));
        streams.ShouldContain(Streams.Party("us"));
        report.Findings.ShouldBeEmpty();
        report.StreamsChecked.ShouldBe(streams.Count);
        report.Head.ShouldBeNull();
    }

    [Fact]
    public async Task a_negotiation_that_is_not_in_the_ledger_has_no_streams()
    {
        (await Verifier.NegotiationStreamsAsync("no-such-talks")).ShouldBeNull();
    }

    [Fact]
    public async Task the_said_date_sealed_is_the_one_the_views_use()
    {
        var events = await seed.Ledger.AllEventsAsync();

        events.ShouldAllBe(e => SaidDate.Of(e.Data) == NegotiationReplay.Said(e));
        events.ShouldContain(e => SaidDate.Of(e.Data) != null);
    }

    [Fact]
    public async Task the_head_of_the_log_covers_every_event()
    {
        var events = await seed.Ledger.AllEventsAsync();

        var head = (await Verifier.VerifyAsync()).Head.ShouldNotBeNull();

        head.EventCount.ShouldBe(events.Count);
        head.UpToSequence.ShouldBe(events[^1].Sequence);
        head.RootHash.Length.ShouldBe(64);
    }
}
