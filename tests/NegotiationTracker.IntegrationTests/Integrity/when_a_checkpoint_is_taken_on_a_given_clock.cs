using Microsoft.Extensions.Time.Testing;
using NegotiationTracker.Grains.Integrity;
using NegotiationTracker.IntegrationTests.Fixtures;

namespace NegotiationTracker.IntegrationTests.Integrity;

/// <summary>A checkpoint and a verification read the time from the clock they are given, never from the machine's.</summary>
public sealed class when_a_checkpoint_is_taken_on_a_given_clock(LedgerFixture ledger) : IClassFixture<LedgerFixture>
{
    private static readonly DateTimeOffset Then = new(2031, 7, 8, 9, 10, 11, TimeSpan.Zero);

    [Fact]
    public async Task the_checkpoint_and_its_stored_event_carry_the_clocks_time()
    {
        var scenario = await new Scenario(ledger.Grains).OpenAsync();
        await scenario.RegisterAsync("clocked");

        var (checkpoint, _) = await new LedgerCheckpoints(ledger.Store, new FakeTimeProvider(Then)).CreateAsync("tester", "clocked-checkpoint");

        checkpoint.At.ShouldBe(Then);
        await using var session = ledger.Store.QuerySession();
        var stored = await session.Events.FetchStreamAsync(LedgerCheckpoints.Stream);
        stored[^1].Timestamp.ShouldBe(Then);
    }

    [Fact]
    public async Task a_verification_dates_the_head_it_reports_by_the_clock()
    {
        var clock = new FakeTimeProvider(Then);
        clock.Advance(TimeSpan.FromDays(3));

        var report = await new LedgerVerifier(ledger.Store, clock).VerifyAsync();

        report.Head.ShouldNotBeNull().At.ShouldBe(Then.AddDays(3));
    }
}
