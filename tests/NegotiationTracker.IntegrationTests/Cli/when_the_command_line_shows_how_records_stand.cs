using static NegotiationTracker.IntegrationTests.Cli.CorrectedLedgerOnTheCommandLine;

namespace NegotiationTracker.IntegrationTests.Cli;

[Collection(CorrectedLedgerOnTheCommandLine.Name)]
public sealed class when_the_command_line_shows_how_records_stand(CorrectedLedgerOnTheCommandLine ledger)
{
    [Fact]
    public async Task the_diff_marks_a_statement_added_and_voided_between_the_moments()
    {
        var diff = await ledger.RunAsync("diff", Negotiation, "--known-at", Instant(ledger.BeforeCorrections), "--known-at", Instant(ledger.AfterCorrections));

        diff.ExitCode.ShouldBe(0, diff.ToString());
        string.Join(" ", diff.Out.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)).ShouldContain("[sudani-twice] (void)");
    }

    [Fact]
    public async Task the_timeline_marks_a_void_record_and_a_retracted_one()
    {
        var timeline = await ledger.RunAsync("timeline", Negotiation);

        timeline.ExitCode.ShouldBe(0, timeline.ToString());
        timeline.Out.ShouldContain("[void: entered in error]");
        timeline.Out.ShouldContain("[retracted]");
    }

    [Fact]
    public async Task a_brief_that_leaves_contested_statements_out_says_so()
    {
        var report = await ledger.RunAsync("report", Negotiation, "--exclude-contested");

        report.ExitCode.ShouldBe(0, report.ToString());
        report.Out.ShouldContain("**Positions leave out statements their speakers denied.**");
    }

    [Fact]
    public async Task a_state_that_leaves_contested_statements_out_still_lists_every_party()
    {
        var state = await ledger.RunAsync("state", Negotiation, "--exclude-contested", "--min-credibility", "3", "--format", "json");

        state.ExitCode.ShouldBe(0, state.ToString());
        var json = state.Out.Replace(" ", "");
        json.ShouldContain("\"contested\":false");
        json.ShouldNotContain("\"contested\":true");
    }

    [Fact]
    public async Task a_credibility_outside_the_admiralty_scale_is_refused()
    {
        var state = await ledger.RunAsync("state", Negotiation, "--min-credibility", "7");

        state.ExitCode.ShouldBe(2, state.ToString());
        state.Error.ShouldContain("--min-credibility 7 is not between 1 and 6");
    }
}
