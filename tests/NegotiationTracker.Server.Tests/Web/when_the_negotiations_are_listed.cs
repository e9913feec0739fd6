using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace NegotiationTracker.Server.Tests.Web;

[Collection(LedgerServed.Name)]
public sealed class when_the_negotiations_are_listed(LedgerServedFixture ledger)
{
    [Fact]
    public async Task each_imported_negotiation_has_a_row_with_its_title_status_and_a_link_to_its_brief()
    {
        var page = await ledger.PageAsync("/");

        var row = Row(page, LedgerServedFixture.Seed);
        row.ShouldContain("<a href=\"/negotiations/us-iraq-withdrawal\">U.S.-Iraq negotiations on the withdrawal of U.S. troops from Iraq</a>");
        row.ShouldContain(">active</span>");
        Row(page, MarkupTalks.Id).ShouldContain("<a href=\"/negotiations/markup-talks\">");
    }

    [Fact]
    public async Task each_row_counts_the_negotiating_parties_the_commentators_and_the_statements()
    {
        using var response = await ledger.Client.GetAsync($"/api/negotiations/{LedgerServedFixture.Seed}");
        var state = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var parties = state.GetProperty("parties").EnumerateArray().ToList();
        var commentators = parties.Count(p => p.GetProperty("role").GetString() == "commentator");
        var statements = parties.Sum(p => p.GetProperty("statements").GetInt32());

        var row = Row(await ledger.PageAsync("/"), LedgerServedFixture.Seed);

        row.ShouldContain($"<td class=\"num\">{parties.Count - commentators}<small>+ {commentators} commentators</small></td>");
        row.ShouldContain($"<td class=\"num\">{statements}</td>");
        statements.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task the_page_forbids_scripts_and_loading_anything()
    {
        using var response = await ledger.Client.GetAsync("/");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        policy.ShouldContain("default-src 'none'");
        policy.ShouldNotContain("script-src");
    }

    private static string Row(string page, string id)
    {
        var row = Regex.Match(page, $"<tr id=\"negotiation-{Regex.Escape(id)}\">.*?</tr>").Value;
        row.ShouldNotBeEmpty($"no row for {id}");
        return row;
    }
}
