using NegotiationTracker.Projections.Dossiers;

namespace NegotiationTracker.Server.Tests.Queries;

public sealed class when_a_party_dossier_is_asked_for(SeededLedgerFixture ledger) : IClassFixture<SeededLedgerFixture>
{
    [Fact]
    public async Task it_is_the_party_and_everything_it_did_newest_first()
    {
        var body = await ledger.GetOkAsync("/api/parties/us");

        var dossier = (await ledger.QueryAsync(s => PartyDossier.LoadAsync(s, "us", PartyDossier.DefaultEntries))).ShouldNotBeNull();
        dossier.Entries.Select(e => e.NegotiationId).Distinct().Count().ShouldBe(2, "the United States takes part in both seeded negotiations");
        body.ShouldBeTheJsonOf(dossier);
    }

    [Fact]
    public async Task the_limit_caps_the_entries()
    {
        var body = await ledger.GetOkAsync("/api/parties/us?limit=3");

        body.ShouldBeTheJsonOf(await ledger.QueryAsync(s => PartyDossier.LoadAsync(s, "us", 3)));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("10001")]
    public async Task a_limit_out_of_range_is_a_400_naming_limit(string limit)
    {
        using var response = await ledger.GetAsync($"/api/parties/us?limit={limit}");

        await response.ShouldBeAProblemNamingAsync("limit");
    }

    [Fact]
    public async Task an_unknown_party_is_a_404_problem()
    {
        using var response = await ledger.GetAsync("/api/parties/nobody-at-all");

        await response.ShouldBeANotFoundProblemAsync("nobody-at-all");
    }
}
