using System.Text.RegularExpressions;
using NegotiationTracker.Projections.Timeline;
using NegotiationTracker.Reports;

namespace NegotiationTracker.IntegrationTests.Reports;

[Collection(ImportedSeedReports.Name)]
public sealed partial class when_the_imported_seed_is_briefed_in_html(ReportFixture fixture)
{
    private string Page => HtmlReport.Render(fixture.Report);

    [Fact]
    public void it_is_one_html5_page_that_fetches_nothing_and_runs_no_script()
    {
        var page = Page;

        page.ShouldStartWith("<!DOCTYPE html>");
        page.ShouldContain("<meta charset=\"utf-8\">");
        ExternalReference().Matches(page).ShouldBeEmpty();
        page.ShouldNotContain("url(", Case.Insensitive);
        page.ShouldNotContain("@import", Case.Insensitive);
        page.ShouldNotContain("<script", Case.Insensitive);
        foreach (var tag in new[] { "<link", "<img", "<iframe", "<object", "<embed", "<base" })
        {
            page.ShouldNotContain(tag, Case.Insensitive);
        }
    }

    [Fact]
    public void every_section_is_there_under_its_stable_id()
    {
        var page = Page;

        foreach (var id in new[] { "parties", "positions", "proposals", "agreements", "statements", "timeline" })
        {
            page.ShouldContain($"<section id=\"{id}\">");
        }

        page.ShouldContain("<svg id=\"timeline-chart\"");
    }

    [Fact]
    public void the_positions_matrix_labels_each_stance_in_words_and_sets_commentators_apart()
    {
        var page = Page;

        var troops = Regex.Match(page, "<tr id=\"issue-us-troop-presence\">.*?</tr>").Value;
        troops.ShouldContain("<span class=\"chip opposes\">opposes</span>");
        page.ShouldContain("scope=\"colgroup\" class=\"commentary first\">Commentary</th>");
        var header = page.IndexOf("Negotiating parties", StringComparison.Ordinal);
        var commentary = page.IndexOf("class=\"commentary first\">Adam Weinstein", StringComparison.Ordinal);
        commentary.ShouldBeGreaterThan(page.IndexOf(">Republic of Iraq<small>", header, StringComparison.Ordinal));
    }

    [Fact]
    public void a_shifted_stance_is_marked_in_its_cell_and_in_the_summary()
    {
        var page = HtmlReport.Render(Tricky.WithIraqShiftedOnTroops(fixture.Report));

        var troops = Regex.Match(page, "<tr id=\"issue-us-troop-presence\">.*?</tr>").Value;
        troops.ShouldContain("<span class=\"chip opposes\">opposes</span><span class=\"date\">2024-09</span><span class=\"shift\">↻ was supports</span>");
        page.ShouldContain("<strong>Shifts:</strong> Republic of Iraq now opposes (was supports) on Continued presence of U.S. troops in Iraq");
    }

    [Fact]
    public void hostile_text_comes_out_as_text()
    {
        var page = HtmlReport.Render(Tricky.WithHostileStatement(fixture.Report));

        page.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt;");
        page.ShouldNotContain("<script", Case.Insensitive);
        page.ShouldNotContain("alert(1)</script>");
    }

    [Fact]
    public void the_chart_has_a_lane_per_party_in_the_timeline_and_a_mark_per_dated_entry()
    {
        var chart = HtmlPage.Chart(Page);

        var parties = fixture.Report.Timeline.Select(i => i.Entry.PartyId).OfType<string>().Distinct().ToList();
        HtmlPage.Lanes(chart).Select(l => (string?)l.Attribute("data-party")).OfType<string>().ShouldBe(parties, ignoreOrder: true);
        var dated = fixture.Report.Timeline.Where(i => i.Entry.Said is not null).Select(i => i.Entry.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture));
        HtmlPage.Marks(chart).Select(m => (string?)m.Attribute("data-sequence")).ShouldBe(dated, ignoreOrder: true);
    }

    [Fact]
    public void marks_said_in_the_same_month_are_spread_so_none_hides_another()
    {
        var chart = HtmlPage.Chart(Page);

        foreach (var lane in HtmlPage.Lanes(chart))
        {
            var positions = HtmlPage.Marks(lane).Select(HtmlPage.Position).ToList();
            for (var i = 0; i < positions.Count; i++)
            {
                for (var j = i + 1; j < positions.Count; j++)
                {
                    var distance = Math.Sqrt(Math.Pow(positions[i].X - positions[j].X, 2) + Math.Pow(positions[i].Y - positions[j].Y, 2));
                    distance.ShouldBeGreaterThanOrEqualTo(12, $"{lane.Attribute("data-lane")}: marks {i} and {j} overlap");
                }
            }
        }
    }

    [Fact]
    public void each_mark_tells_its_text_and_the_statements_are_coloured_by_stance()
    {
        var chart = HtmlPage.Chart(Page);

        var sudani = fixture.Report.Timeline.Single(i => i.Entry.Subject == "sudani-us-forces-unnecessary").Entry;
        var mark = HtmlPage.Marks(chart).Single(m => (string?)m.Attribute("data-sequence") == sudani.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture));
        ((string?)mark.Attribute("data-kind")).ShouldBe(TimelineKinds.Statement);
        mark.Elements().Single(e => e.Name.LocalName == "title").Value.ShouldBe($"2024-09 · Mohammed Shia al-Sudani (Republic of Iraq) · position, opposes: {sudani.Title}");
        var circle = mark.Elements().Single(e => e.Name.LocalName == "circle");
        ((string?)circle.Attribute("fill")).ShouldBe("#cf222e");
    }

    [Fact]
    public void a_month_is_drawn_as_a_bar_across_the_month()
    {
        var chart = HtmlPage.Chart(Page);

        var iraq = HtmlPage.Lanes(chart).Single(l => (string?)l.Attribute("data-party") == "iraq");
        var bar = iraq.Descendants().Single(e => (string?)e.Attribute("class") == "period" && e.Value.StartsWith("2024-09", StringComparison.Ordinal));
        bar.Value.ShouldStartWith("2024-09: 2 events dated only to this month");
        var width = double.Parse((string)bar.Attribute("width")!, System.Globalization.CultureInfo.InvariantCulture);

        // The chart spans 2024, the year the talks opened (about 734 units wide): a month is about a twelfth of it.
        width.ShouldBeInRange(45, 75);
    }

    [Fact]
    public void an_agreement_and_its_signature_get_their_own_marks_and_card()
    {
        var report = Tricky.WithPartlySignedAgreement(fixture.Report);
        var page = HtmlReport.Render(report);

        page.ShouldContain($"<article class=\"card agreement\" id=\"agreement-{Tricky.AgreementId}\">");
        page.ShouldContain("<td>Mohammed Shia al-Sudani</td><td class=\"date\">2024-10-03</td>");
        page.ShouldContain("<td>not yet signed</td>");
        var kinds = HtmlPage.Marks(HtmlPage.Chart(page)).Select(m => (string?)m.Attribute("data-kind")).ToList();
        kinds.ShouldContain(TimelineKinds.AgreementReached);
        kinds.ShouldContain(TimelineKinds.AgreementSigned);
    }

    /// <summary>A src or href that leaves the page: an absolute or protocol-relative address, or a data/javascript scheme.</summary>
    [GeneratedRegex(@"\b(?:src|href|xlink:href)\s*=\s*[""']?\s*(?:[a-z][a-z0-9+.-]*:|//)", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();
}
