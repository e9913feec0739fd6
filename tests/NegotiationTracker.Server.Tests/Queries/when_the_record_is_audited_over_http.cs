using NegotiationTracker.Domain.Common;
using NegotiationTracker.Replay;
using NegotiationTracker.Projections.Statements;
using static NegotiationTracker.Server.Tests.Queries.SeededLedgerFixture;

namespace NegotiationTracker.Server.Tests.Queries;

public sealed class when_the_record_is_audited_over_http(SeededLedgerFixture ledger) : IClassFixture<SeededLedgerFixture>
{
    private Task<NegotiationReplay> EventsAsync(string id) => ledger.QueryAsync(async s => (await NegotiationReplay.LoadAsync(s, id)).ShouldNotBeNull());

    [Fact]
    public async Task the_history_lists_every_event_in_recorded_order()
    {
        var body = await ledger.GetOkAsync($"/api/negotiations/{Iraq}/history");

        var history = (await EventsAsync(Iraq)).History();
        body.ShouldBeTheJsonOf(history);
        Answers.Array(body).Select(e => e.GetProperty("sequence").GetInt64()).ShouldBeInOrder();
    }

    [Fact]
    public async Task the_diff_between_two_moments_of_recording_lists_the_corrections_made_between()
    {
        var body = await ledger.GetOkAsync($"/api/negotiations/{Iraq}/diff?knownAt={Instant(ledger.AfterIraqSeed)}&knownAt={Instant(ledger.AfterCorrections)}");

        var diff = new DiffMoments([], [PartialDate.At(ledger.AfterIraqSeed), PartialDate.At(ledger.AfterCorrections)]).Between(await EventsAsync(Iraq));
        diff.CorrectionsApplied.ShouldNotBeEmpty();
        diff.StatementsAdded.ShouldBeEmpty();
        body.ShouldBeTheJsonOf(diff);
    }

    [Fact]
    public async Task the_diff_between_two_dates_of_happening_is_the_clis()
    {
        var body = await ledger.GetOkAsync($"/api/negotiations/{Iran}/diff?asOf=2014&asOf=2015-12");

        var diff = new DiffMoments([PartialDate.Year(2014), PartialDate.Month(2015, 12)], []).Between(await EventsAsync(Iran));
        diff.AgreementsReached.ShouldNotBeEmpty();
        body.ShouldBeTheJsonOf(diff);
    }

    [Fact]
    public async Task a_single_value_of_the_other_clock_applies_to_both_moments()
    {
        var body = await ledger.GetOkAsync($"/api/negotiations/{Iran}/diff?asOf=2014&asOf=2015-12&knownAt={Instant(ledger.AfterCorrections)}");

        // The Iran seed was recorded after that moment: nothing of it was known then, at either date, so nothing changed.
        var diff = new DiffMoments([PartialDate.Year(2014), PartialDate.Month(2015, 12)], [PartialDate.At(ledger.AfterCorrections)]).Between(await EventsAsync(Iran));
        diff.Count.ShouldBe(0);
        body.ShouldBeTheJsonOf(diff);
    }

    [Theory]
    [InlineData("knownAt=2024", "knownAt")]
    [InlineData("", "knownAt")]
    [InlineData("asOf=2014&asOf=2015&asOf=2016", "asOf")]
    [InlineData("asOf=2014&asOf=not-a-date", "asOf")]
    public async Task a_diff_without_exactly_two_good_moments_is_a_400_naming_the_clock(string query, string field)
    {
        using var response = await ledger.GetAsync($"/api/negotiations/{Iran}/diff?{query}");

        await response.ShouldBeAProblemNamingAsync(field);
    }

    [Fact]
    public async Task the_audit_of_a_negotiation_includes_retracted_statements_marked()
    {
        var body = await ledger.GetOkAsync($"/api/negotiations/{Iraq}/audit?party=rubin");

        body.ShouldBeTheJsonOf(await ledger.QueryAsync(async s => (await StatementLog.QueryAsync(s, StatementFilter.Audit(Iraq, party: "rubin"))).ShouldNotBeNull()));
        Answers.Array(body).Single(s => s.GetProperty("id").GetString() == "rubin-against-withdrawal").GetProperty("status").GetString().ShouldBe("retracted");
    }

    [Fact]
    public async Task the_audit_filters_by_who_recorded_the_statement()
    {
        Answers.Array(await ledger.GetOkAsync($"/api/negotiations/{Iraq}/audit?recordedBy={Uri.EscapeDataString("Test admin")}")).ShouldNotBeEmpty();
        Answers.Array(await ledger.GetOkAsync($"/api/negotiations/{Iraq}/audit?recordedBy=someone-else")).ShouldBeEmpty();
    }

    [Fact]
    public async Task the_audit_of_a_negotiation_is_paged_like_the_statement_log()
    {
        using var response = await ledger.GetAsync($"/api/negotiations/{Iraq}/audit?limit=3&offset=3");
        var body = await response.Content.ReadAsStringAsync();

        var all = await ledger.QueryAsync(async s => (await StatementLog.QueryAsync(s, StatementFilter.Audit(Iraq))).ShouldNotBeNull());
        body.ShouldBeTheJsonOf(all.Skip(3).Take(3).ToList());
        response.Headers.GetValues("X-Total-Count").Single().ShouldBe(all.Count.ToString());
    }

    [Theory]
    [InlineData("from=2024-99", "from")]
    [InlineData("limit=100000", "limit")]
    public async Task a_bad_audit_filter_is_a_400_naming_the_field(string query, string field)
    {
        using var response = await ledger.GetAsync($"/api/negotiations/{Iraq}/audit?{query}");

        await response.ShouldBeAProblemNamingAsync(field);
    }

    [Fact]
    public async Task the_audit_of_a_statement_lists_the_original_and_every_later_fact()
    {
        var body = await ledger.GetOkAsync("/api/statements/sudani-us-forces-unnecessary/audit");

        var audit = await ledger.QueryAsync(s => StatementAudit.LoadAsync(s, Iraq, "sudani-us-forces-unnecessary"));
        body.ShouldBeTheJsonOf(audit);
        audit.ShouldNotBeNull().Events.Select(e => e.Type).ShouldContain("statement_clarified");
    }

    [Fact]
    public async Task the_audit_of_a_statement_within_its_negotiation_is_the_same()
    {
        var nested = await ledger.GetOkAsync($"/api/negotiations/{Iraq}/statements/sudani-us-forces-unnecessary/audit");
        var named = await ledger.GetOkAsync($"/api/statements/sudani-us-forces-unnecessary/audit?negotiation={Iraq}");

        nested.ShouldBeTheJsonOf(await ledger.QueryAsync(s => StatementAudit.LoadAsync(s, Iraq, "sudani-us-forces-unnecessary")));
        named.ShouldBe(nested);
    }

    [Fact]
    public async Task a_statement_id_used_in_two_negotiations_is_a_400_naming_the_negotiation()
    {
        using var response = await ledger.GetAsync("/api/statements/us-troop-level/audit");

        await response.ShouldBeAProblemNamingAsync("negotiation");
        (await response.Content.ReadAsStringAsync()).ShouldContain(Echo);
    }

    [Fact]
    public async Task a_statement_id_used_in_two_negotiations_is_found_once_the_negotiation_is_named()
    {
        var body = await ledger.GetOkAsync($"/api/statements/us-troop-level/audit?negotiation={Echo}");

        body.ShouldBeTheJsonOf(await ledger.QueryAsync(s => StatementAudit.LoadAsync(s, Echo, "us-troop-level")));
    }

    [Theory]
    [InlineData("/api/statements/no-such-statement/audit", "no-such-statement")]
    [InlineData("/api/statements/no-such-statement/audit?negotiation=us-iraq-withdrawal", "no-such-statement")]
    [InlineData("/api/negotiations/us-iraq-withdrawal/statements/no-such-statement/audit", "no-such-statement")]
    [InlineData("/api/negotiations/no-such-talks/statements/us-troop-level/audit", "no-such-talks")]
    [InlineData("/api/negotiations/no-such-talks/history", "no-such-talks")]
    [InlineData("/api/negotiations/no-such-talks/diff?asOf=2014&asOf=2015", "no-such-talks")]
    [InlineData("/api/negotiations/no-such-talks/audit", "no-such-talks")]
    public async Task what_is_not_in_the_ledger_is_a_404_problem(string url, string mentioning)
    {
        using var response = await ledger.GetAsync(url);

        await response.ShouldBeANotFoundProblemAsync(mentioning);
    }
}
