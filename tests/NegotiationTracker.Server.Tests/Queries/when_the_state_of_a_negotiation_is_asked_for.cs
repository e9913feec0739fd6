using NegotiationTracker.Domain.Common;
using NegotiationTracker.Projections.Negotiations;
using NegotiationTracker.Replay;
using static NegotiationTracker.Server.Tests.Queries.SeededLedgerFixture;

namespace NegotiationTracker.Server.Tests.Queries;

public sealed class when_the_state_of_a_negotiation_is_asked_for(SeededLedgerFixture ledger) : IClassFixture<SeededLedgerFixture>
{
    private Task<NegotiationState?> ReplayAsync(string id, PartialDate? asOf, PartialDate? knownAt) => ledger.QueryAsync(async session =>
        await (await NegotiationReplay.LoadAsync(session, id)).ShouldNotBeNull().StateAsync(session, asOf, knownAt));

    [Fact]
    public async Task without_clocks_it_is_the_live_view()
    {
        var body = await ledger.GetOkAsync($"/api/negotiations/{Iran}");

        body.ShouldBeTheJsonOf(await ledger.QueryAsync(s => NegotiationState.LoadAsync(s, Iran)));
    }

    [Fact]
    public async Task as_of_a_date_it_is_the_replay_of_what_had_happened_by_then()
    {
        var body = await ledger.GetOkAsync($"/api/negotiations/{Iran}?asOf=2014-06");

        var replayed = (await ReplayAsync(Iran, PartialDate.Month(2014, 6), null)).ShouldNotBeNull();
        body.ShouldBeTheJsonOf(replayed);
        replayed.Agreements.Count.ShouldBeLessThan((await ledger.QueryAsync(s => NegotiationState.LoadAsync(s, Iran)))!.Agreements.Count);
    }

    [Fact]
    public async Task known_at_a_moment_it_is_what_had_been_recorded_by_then()
    {
        var body = await ledger.GetOkAsync($"/api/negotiations/{Iraq}?knownAt={Instant(ledger.AfterIraqSeed)}");

        body.ShouldBeTheJsonOf(await ReplayAsync(Iraq, null, PartialDate.At(ledger.AfterIraqSeed)));
        // The retraction was recorded later: the retracted statement still established Rubin's stance then, and no longer does.
        body.ShouldContain("rubin-against-withdrawal");
        (await ledger.GetOkAsync($"/api/negotiations/{Iraq}")).ShouldNotContain("rubin-against-withdrawal");
    }

    [Fact]
    public async Task both_clocks_combine()
    {
        var body = await ledger.GetOkAsync($"/api/negotiations/{Iran}?asOf=2015&knownAt={Instant(DateTimeOffset.UtcNow)}");

        body.ShouldBeTheJsonOf(await ReplayAsync(Iran, PartialDate.Year(2015), PartialDate.At(DateTimeOffset.UtcNow)));
    }

    [Fact]
    public async Task known_at_a_moment_before_anything_was_recorded_is_a_404_problem()
    {
        using var response = await ledger.GetAsync($"/api/negotiations/{Iraq}?knownAt={Instant(ledger.BeforeImports)}");

        await response.ShouldBeANotFoundProblemAsync("had not been opened");
    }

    [Theory]
    [InlineData("asOf", "yesterday")]
    [InlineData("knownAt", "2024-13-45")]
    public async Task a_value_that_is_not_a_date_is_a_400_naming_the_field(string field, string value)
    {
        using var response = await ledger.GetAsync($"/api/negotiations/{Iraq}?{field}={value}");

        await response.ShouldBeAProblemNamingAsync(field);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?asOf=2024")]
    public async Task an_unknown_negotiation_is_a_404_problem(string query)
    {
        using var response = await ledger.GetAsync($"/api/negotiations/no-such-talks{query}");

        await response.ShouldBeANotFoundProblemAsync("no-such-talks");
    }
}
