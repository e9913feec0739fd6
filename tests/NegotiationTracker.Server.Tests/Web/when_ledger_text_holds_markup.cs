namespace NegotiationTracker.Server.Tests.Web;

/// <summary>Text from the ledger is shown as text in every page: none of it becomes an element, let alone a script.</summary>
[Collection(LedgerServed.Name)]
public sealed class when_ledger_text_holds_markup(LedgerServedFixture ledger)
{
    [Fact]
    public async Task a_script_in_a_statement_is_shown_as_text()
    {
        var page = await ledger.PageAsync($"/negotiations/{MarkupTalks.Id}");

        LedgerServedFixture.Section(page, "statements").ShouldContain("<blockquote>&lt;script&gt;alert(1)&lt;/script&gt; We want a ceasefire.</blockquote>");
        page.ShouldNotContain("<script", Case.Insensitive);
    }

    [Fact]
    public async Task names_and_titles_in_the_brief_are_text()
    {
        var page = await ledger.PageAsync($"/negotiations/{MarkupTalks.Id}");

        page.ShouldContain("Talks &lt;b&gt;about&lt;/b&gt; markup &amp; &quot;quotes&quot;");
        page.ShouldContain("North &lt;i&gt;Republic&lt;/i&gt;");
        page.ShouldContain("Envoy &lt;u&gt;One&lt;/u&gt;");
        page.ShouldContain("A &lt;em&gt;ceasefire&lt;/em&gt;");
        page.ShouldContain("A leaflet &lt;img src=x onerror=alert(2)&gt;");
        foreach (var tag in new[] { "<b>", "<i>", "<u>", "<em>", "<img" })
        {
            page.ShouldNotContain(tag);
        }
    }

    [Fact]
    public async Task the_title_in_the_list_of_negotiations_is_text()
    {
        var page = await ledger.PageAsync("/");

        page.ShouldContain(">Talks &lt;b&gt;about&lt;/b&gt; markup &amp; &quot;quotes&quot;</a>");
        page.ShouldNotContain("<b>");
    }

    [Fact]
    public async Task a_filter_value_from_the_address_is_text_in_the_form()
    {
        var page = await ledger.PageAsync($"/negotiations/{MarkupTalks.Id}?party={Uri.EscapeDataString("\"><script>alert(3)</script>")}");

        page.ShouldContain("<option value=\"&quot;&gt;&lt;script&gt;alert(3)&lt;/script&gt;\" selected>");
        page.ShouldNotContain("<script", Case.Insensitive);
    }
}
