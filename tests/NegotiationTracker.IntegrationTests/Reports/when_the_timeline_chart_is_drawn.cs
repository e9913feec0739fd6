using NegotiationTracker.Domain.Common;
using NegotiationTracker.Projections.Timeline;
using NegotiationTracker.Reports;

namespace NegotiationTracker.IntegrationTests.Reports;

[Collection(ImportedSeedReports.Name)]
public sealed class when_the_timeline_chart_is_drawn(ReportFixture fixture)
{
    private NegotiationReport With(params TimelineItem[] items) => fixture.Report with { Timeline = items };

    private static TimelineItem Statement(long sequence, string party, PartialDate? said, Stance? stance = Stance.Supports) => new(new TimelineEntry
    {
        Id = sequence,
        Kind = TimelineKinds.Statement,
        PartyId = party,
        Said = said,
        Title = $"statement {sequence}",
        Detail = "position",
        Stance = stance,
    }, null);

    [Fact]
    public void a_timeline_with_no_dated_entry_draws_no_mark_and_says_why()
    {
        var svg = SvgTimeline.Render(With(Statement(1, "us", null), Statement(2, "iraq", null)));

        var chart = HtmlPage.Chart(svg);
        HtmlPage.Marks(chart).ShouldBeEmpty();
        chart.Value.ShouldContain("No dated events");
    }

    [Fact]
    public void undated_entries_are_left_out_and_dated_ones_drawn()
    {
        var svg = SvgTimeline.Render(With(Statement(1, "us", null), Statement(2, "us", PartialDate.Day(2024, 9, 3)), Statement(3, "iraq", PartialDate.Month(2024, 9))));

        HtmlPage.Marks(HtmlPage.Chart(svg)).Select(m => (string?)m.Attribute("data-sequence")).ShouldBe(["2", "3"], ignoreOrder: true);
    }

    [Fact]
    public void thirty_statements_on_one_day_in_one_lane_are_spread_without_overlap()
    {
        var day = PartialDate.Day(2024, 9, 3);
        var svg = SvgTimeline.Render(With([.. Enumerable.Range(1, 30).Select(i => Statement(i, "us", day, (Stance)(i % 4)))]));

        var positions = HtmlPage.Marks(HtmlPage.Chart(svg)).Select(HtmlPage.Position).ToList();
        positions.Count.ShouldBe(30);
        positions.Distinct().Count().ShouldBe(30);
        foreach (var a in positions)
        {
            positions.Where(b => b != a).ShouldAllBe(b => Math.Abs(a.X - b.X) >= 12 || Math.Abs(a.Y - b.Y) >= 12);
        }
    }

    [Fact]
    public void statements_made_at_one_instant_get_a_readable_axis()
    {
        var instant = PartialDate.At(new DateTimeOffset(2024, 9, 27, 14, 30, 0, TimeSpan.Zero));
        var svg = SvgTimeline.Render(With(Statement(1, "us", instant), Statement(2, "iraq", instant)));

        var chart = HtmlPage.Chart(svg);
        HtmlPage.Marks(chart).Count.ShouldBe(2);
        chart.Descendants().Where(e => (string?)e.Attribute("class") == "tick").Select(e => e.Value).ShouldContain(t => t.Contains(':'));
    }

    [Fact]
    public void a_span_of_years_is_labelled_in_years()
    {
        var svg = SvgTimeline.Render(With(Statement(1, "us", PartialDate.Year(2011)), Statement(2, "iraq", PartialDate.Month(2024, 9))));

        var ticks = HtmlPage.Chart(svg).Descendants().Where(e => (string?)e.Attribute("class") == "tick").Select(e => e.Value).ToList();
        ticks.ShouldContain("2012");
        ticks.ShouldContain("2024");
        ticks.Count.ShouldBeLessThanOrEqualTo(14);
    }

    [Fact]
    public void forty_parties_get_forty_labelled_lanes_with_commentators_last()
    {
        var parties = Enumerable.Range(1, 40).Select(i => $"party-{i:00}").ToList();
        var svg = SvgTimeline.Render(With([.. parties.Select((p, i) => Statement(i + 1, p, PartialDate.Month(2024, 1 + (i % 12)))), Statement(99, "weinstein", PartialDate.Month(2024, 9))]));

        var lanes = HtmlPage.Lanes(HtmlPage.Chart(svg)).Select(l => (string?)l.Attribute("data-party")).ToList();
        lanes.Count.ShouldBe(41);
        lanes[^1].ShouldBe("weinstein");
        svg.ShouldContain("Commentary: analysts and media, not negotiating parties");
    }

    [Fact]
    public void a_long_party_name_is_wrapped_and_given_whole_in_a_tooltip()
    {
        var svg = SvgTimeline.Render(With(Statement(1, "former-officials-and-analysts", PartialDate.Month(2024, 9))));

        var lane = HtmlPage.Lanes(HtmlPage.Chart(svg)).Single();
        var label = lane.Descendants().Single(e => (string?)e.Attribute("class") == "lane-label");
        label.Elements().First(e => e.Name.LocalName == "title").Value.ShouldBe("Military experts, including former officials and analysts (unnamed) (commentator)");
        var lines = label.Elements().Where(e => (string?)e.Attribute("class") == "lane-name").Select(e => e.Value).ToList();
        lines.Count.ShouldBe(2);
        lines.ShouldAllBe(l => l.Length <= 32);
    }
}
