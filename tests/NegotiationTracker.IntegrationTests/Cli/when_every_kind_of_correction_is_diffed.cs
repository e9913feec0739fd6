using static NegotiationTracker.IntegrationTests.Cli.CorrectedLedgerOnTheCommandLine;

namespace NegotiationTracker.IntegrationTests.Cli;

[Collection(CorrectedLedgerOnTheCommandLine.Name)]
public sealed class when_every_kind_of_correction_is_diffed(CorrectedLedgerOnTheCommandLine ledger)
{
    private Task<CliOutput> DiffAsync() =>
        ledger.RunAsync("diff", Negotiation, "--known-at", Instant(ledger.BeforeCorrections), "--known-at", Instant(ledger.AfterCorrections));

    [Fact]
    public async Task the_table_prints_no_record_dump()
    {
        var diff = await DiffAsync();

        diff.ExitCode.ShouldBe(0, diff.ToString());
        diff.Out.ShouldContain("Corrections applied (11)");
        diff.Out.ShouldNotContain("{ ");
        diff.Out.ShouldNotContain("NegotiationId =");
    }

    [Theory]
    [InlineData("retracted          rubin-against-withdrawal (rubin)  2024-10  \"The remarks were about a faster withdrawal.\"")]
    [InlineData("denied             us-troop-level (us)  2024-10  \"The Pentagon says the figure was misquoted.\"")]
    [InlineData("clarified          sudani-us-forces-unnecessary (iraq)  2024-10  \"He meant combat forces; advisers may stay.\"")]
    [InlineData("reported           sudani-us-forces-unnecessary (iraq)  2024-09  by later-report (paraphrase, via unnamed Iraqi officials): \"Al-Sudani told officials U.S. combat forces were no longer needed.\"")]
    [InlineData("report-corrected   sudani-us-forces-unnecessary (iraq)  2024-10  later-report corrected its report: \"An earlier version misstated the date.\"")]
    [InlineData("amended            factions-press-for-withdrawal (iran-aligned-factions)  kind demand → claim (Coded as a demand in error.)")]
    [InlineData("voided             sudani-twice (iraq)  \"Entered in error.\"")]
    [InlineData("duplicate-linked   sudani-twice (iraq)  a duplicate of sudani-us-forces-unnecessary (The same remark, recorded twice.)")]
    [InlineData("duplicate-unlinked sudani-twice (iraq)  no longer a duplicate of sudani-us-forces-unnecessary (Two remarks after all.)")]
    [InlineData("graded             sudani-us-forces-unnecessary (iraq)  credibility 2 (Reported by two independent outlets.)")]
    [InlineData("source-graded      source later-report  reliability B (Usually reliable on Iraq.)")]
    public async Task each_correction_reads_as_one_line(string line)
    {
        var diff = await DiffAsync();

        // The console wraps long lines at its width; the words and their order are what a reader reads.
        Words(diff.Out).ShouldContain(Words(line));
    }

    private static string Words(string text) => string.Join(' ', text.Split((char[])[' ', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
}
