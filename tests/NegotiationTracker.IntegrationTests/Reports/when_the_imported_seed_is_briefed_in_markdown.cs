using System.Text.RegularExpressions;
using NegotiationTracker.Reports;

namespace NegotiationTracker.IntegrationTests.Reports;

[Collection(ImportedSeedReports.Name)]
public sealed partial class when_the_imported_seed_is_briefed_in_markdown(ReportFixture fixture)
{
    private string Brief => MarkdownReport.Render(fixture.Report);

    [Fact]
    public void it_opens_with_the_title_status_and_every_party_with_its_role()
    {
        var brief = Brief;

        brief.ShouldStartWith("# U.S.-Iraq negotiations on the withdrawal of U.S. troops from Iraq");
        brief.ShouldContain("**Status:** active");
        brief.ShouldContain("**Opened:** 2024");
        foreach (var party in fixture.Report.State.Parties)
        {
            brief.ShouldContain($"| {party.Name} |");
        }

        brief.ShouldContain("| Republic of Iraq | state | principal | 1 |");
    }

    [Fact]
    public void every_issue_has_a_positions_table_with_al_sudanis_government_opposing_the_troop_presence()
    {
        var brief = Brief;

        foreach (var issue in fixture.Report.State.Issues)
        {
            var section = Section(brief, $"### {issue.Title}");
            section.ShouldContain("| Stance | Latest evidence | Statement |", customMessage: issue.Id);
        }

        var troops = Section(brief, "### Continued presence of U.S. troops in Iraq");
        troops.ShouldContain("| Party | Stance | Latest evidence | Statement |");
        troops.ShouldContain("| Republic of Iraq | **opposes** | 2024-09 | sudani-us-forces-unnecessary |");
    }

    [Fact]
    public void a_shifted_stance_says_what_it_was_before()
    {
        var troops = Section(MarkdownReport.Render(Tricky.WithIraqShiftedOnTroops(fixture.Report)), "### Continued presence of U.S. troops in Iraq");

        troops.ShouldContain("| Republic of Iraq | **opposes** (shifted from supports) | 2024-09 |");
    }

    [Fact]
    public void commentators_stances_are_set_apart_from_the_parties()
    {
        var troops = Section(Brief, "### Continued presence of U.S. troops in Iraq");

        var commentary = troops.IndexOf("Commentary:", StringComparison.Ordinal);
        commentary.ShouldBeGreaterThan(0);
        troops.IndexOf("| Adam Weinstein |", StringComparison.Ordinal).ShouldBeGreaterThan(commentary);
        troops.IndexOf("| Iraqi political factions allied with Iran |", StringComparison.Ordinal).ShouldBeLessThan(commentary);
    }

    [Fact]
    public void a_statement_on_two_issues_is_a_stance_on_each()
    {
        var brief = Brief;

        foreach (var issue in new[] { "### Risk that a U.S. withdrawal leaves a security vacuum", "### Risk that Iranian influence in Iraq grows" })
        {
            var section = Section(brief, issue);
            section.ShouldContain("| Michael Rubin | **supports** | 2024-09 | rubin-isis-iran-risk |");
            section.ShouldContain("| The New York Times | **supports** | 2024-09 | nyt-iran-ties-militias |");
            Regex.Count(section, @"\| Michael Rubin \|").ShouldBe(1);
        }
    }

    [Fact]
    public void the_open_proposal_shows_its_terms_and_iraqs_acceptance()
    {
        var proposals = Section(Brief, "## Proposals");

        proposals.ShouldContain("#### Complete withdrawal of U.S. troops from Iraq over the next two years");
        proposals.ShouldContain("Tabled by **United States** · 2024-09");
        proposals.ShouldContain("U.S. troops complete their withdrawal from Iraq over the next two years.");
        proposals.ShouldContain("- Republic of Iraq: **accept** (2024-09)");
        proposals.ShouldContain("### All proposals");
    }

    [Fact]
    public void the_latest_statements_are_quoted_newest_first_and_limited_to_the_number_asked()
    {
        var brief = MarkdownReport.Render(fixture.Report, latest: 3);

        var latest = Section(brief, "## Latest statements");
        latest.ShouldStartWith($"## Latest statements (3 of {fixture.Report.Statements.Count}, newest first)");
        var quoted = fixture.Report.Statements.TakeLast(3).Reverse().Select(s => latest.IndexOf(s.Text[..40], StringComparison.Ordinal)).ToList();
        quoted.ShouldAllBe(i => i > 0);
        quoted.ShouldBeInOrder();
        latest.ShouldNotContain(fixture.Report.Statements[0].Text[..40]);
    }

    [Fact]
    public void the_timeline_lists_every_entry_with_when_who_and_what()
    {
        var timeline = Section(Brief, "## Timeline");

        timeline.ShouldContain("| Said | Who | What |");
        TableRows(timeline).Count().ShouldBe(fixture.Report.Timeline.Count + 2);
        timeline.ShouldContain("| 2024-09 | Mohammed Shia al-Sudani (Republic of Iraq) | position, opposes: Prime Minister Mohammed Shia al-Sudani has stated");
        timeline.ShouldContain("| 2024-09 | Republic of Iraq | Answered accept to proposal “Complete withdrawal of U.S. troops from Iraq over the next two years” (two-year-withdrawal) |");
    }

    [Fact]
    public void pipes_and_markup_in_a_statement_are_escaped_so_tables_keep_their_columns()
    {
        var brief = MarkdownReport.Render(Tricky.WithHostileStatement(fixture.Report));

        brief.ShouldContain(@"> Troops \| advisers \<script\>alert(1)\</script\> & \*all\* ""others"", \[link\](x) second line");
        brief.ShouldNotContain("<script>");
        foreach (var table in Tables(brief))
        {
            var columns = UnescapedPipes().Count(table[0]);
            table.ShouldAllBe(row => UnescapedPipes().Count(row) == columns, string.Join('\n', table));
        }
    }

    [Fact]
    public void an_agreement_shows_its_terms_parties_signatories_and_who_has_not_signed()
    {
        var agreements = Section(MarkdownReport.Render(Tricky.WithPartlySignedAgreement(fixture.Report)), "## Agreements");

        agreements.ShouldContain("Withdrawal accord");
        agreements.ShouldContain("**partly-signed** · reached 2024-10-03");
        agreements.ShouldContain("Parties: United States, Republic of Iraq");
        agreements.ShouldContain("U.S. troops leave within two years.");
        agreements.ShouldContain("| Republic of Iraq | Mohammed Shia al-Sudani | 2024-10-03 |");
        agreements.ShouldContain("| United States | — | not yet signed |");
    }

    /// <summary>From a heading to the next heading of the same or a higher level.</summary>
    private static string Section(string markdown, string heading)
    {
        var start = markdown.IndexOf(heading, StringComparison.Ordinal);
        start.ShouldBeGreaterThanOrEqualTo(0, $"no section {heading}");
        var level = heading.TakeWhile(c => c == '#').Count();
        var next = Regex.Match(markdown[(start + heading.Length)..], $@"^#{{1,{level}}} ", RegexOptions.Multiline);
        return next.Success ? markdown.Substring(start, heading.Length + next.Index) : markdown[start..];
    }

    private static IEnumerable<string> TableRows(string markdown) => markdown.Split('\n').Where(l => l.StartsWith('|'));

    private static IEnumerable<IReadOnlyList<string>> Tables(string markdown)
    {
        var table = new List<string>();
        foreach (var line in markdown.Split('\n').Append(""))
        {
            if (line.StartsWith('|'))
            {
                table.Add(line);
            }
            else if (table.Count > 0)
            {
                yield return table;
                table = [];
            }
        }
    }

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex UnescapedPipes();
}
