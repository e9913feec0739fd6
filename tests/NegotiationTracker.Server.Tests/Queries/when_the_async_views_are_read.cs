using NegotiationTracker.Projections.Agreements;
using NegotiationTracker.Projections.Positions;
using NegotiationTracker.Projections.Proposals;
using NegotiationTracker.Projections.Timeline;
using static NegotiationTracker.Server.Tests.Queries.SeededLedgerFixture;

namespace NegotiationTracker.Server.Tests.Queries;

/// <summary>The timeline, positions, proposals and agreements: built by Wolverine's async projections, caught up by the fixture.</summary>
public sealed class when_the_async_views_are_read(SeededLedgerFixture ledger) : IClassFixture<SeededLedgerFixture>
{
    [Fact]
    public async Task the_timeline_is_the_clis_timeline()
    {
        var body = await ledger.GetOkAsync($"/api/negotiations/{Iran}/timeline");

        var timeline = await ledger.QueryAsync(async s => (await NegotiationTimeline.QueryAsync(s, Iran)).ShouldNotBeNull());
        timeline.ShouldNotBeEmpty();
        body.ShouldBeTheJsonOf(timeline);
    }

    [Fact]
    public async Task the_positions_are_every_party_and_issue_history()
    {
        var body = await ledger.GetOkAsync($"/api/negotiations/{Iran}/positions");

        var histories = await ledger.QueryAsync(async s => (await PositionHistories.ForNegotiationAsync(s, Iran)).ShouldNotBeNull());
        histories.ShouldNotBeEmpty();
        body.ShouldBeTheJsonOf(histories);
    }

    [Fact]
    public async Task the_positions_of_one_party_are_only_its_own()
    {
        var body = await ledger.GetOkAsync($"/api/negotiations/{Iran}/positions?party=iran");

        var histories = Answers.Array(body);
        histories.ShouldNotBeEmpty();
        histories.ShouldAllBe(h => h.GetProperty("partyId").GetString() == "iran");
        body.ShouldBeTheJsonOf((await ledger.QueryAsync(async s => (await PositionHistories.ForNegotiationAsync(s, Iran)).ShouldNotBeNull())).Where(h => h.PartyId == "iran").ToList());
    }

    [Fact]
    public async Task the_positions_on_one_issue_are_every_partys_on_it_alone()
    {
        var body = await ledger.GetOkAsync($"/api/negotiations/{Iran}/positions?issue=nuclear-deal");

        var histories = Answers.Array(body);
        histories.Count.ShouldBeGreaterThan(1);
        histories.ShouldAllBe(h => h.GetProperty("issueId").GetString() == "nuclear-deal");
        body.ShouldBeTheJsonOf((await ledger.QueryAsync(async s => (await PositionHistories.ForNegotiationAsync(s, Iran)).ShouldNotBeNull())).Where(h => h.IssueId == "nuclear-deal").ToList());
    }

    [Fact]
    public async Task the_positions_of_a_party_that_took_no_stance_are_empty()
    {
        Answers.Array(await ledger.GetOkAsync($"/api/negotiations/{Iran}/positions?party=nobody-at-all")).ShouldBeEmpty();
    }

    [Fact]
    public async Task the_proposals_carry_their_lineage_and_status()
    {
        var body = await ledger.GetOkAsync($"/api/negotiations/{Iran}/proposals");

        var proposals = await ledger.QueryAsync(async s => (await ProposalLineages.ForNegotiationAsync(s, Iran)).ShouldNotBeNull());
        body.ShouldBeTheJsonOf(proposals);
        Answers.Array(body).ShouldContain(p => p.GetProperty("counters").GetString() != null, "the Iran seed has counter-proposals");
    }

    [Fact]
    public async Task the_agreements_are_the_register()
    {
        var body = await ledger.GetOkAsync($"/api/negotiations/{Iran}/agreements");

        var agreements = await ledger.QueryAsync(async s => (await AgreementRegister.ForNegotiationAsync(s, Iran)).ShouldNotBeNull());
        agreements.ShouldNotBeEmpty();
        body.ShouldBeTheJsonOf(agreements);
    }

    [Theory]
    [InlineData("timeline")]
    [InlineData("positions")]
    [InlineData("proposals")]
    [InlineData("agreements")]
    public async Task an_unknown_negotiation_is_a_404_problem(string view)
    {
        using var response = await ledger.GetAsync($"/api/negotiations/no-such-talks/{view}");

        await response.ShouldBeANotFoundProblemAsync("no-such-talks");
    }
}
