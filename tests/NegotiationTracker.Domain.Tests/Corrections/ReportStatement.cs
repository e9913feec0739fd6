using NegotiationTracker.Domain.Common;
using NegotiationTracker.Domain.Parties;
using static NegotiationTracker.Domain.Tests.Corrections.Recorded;
using static NegotiationTracker.Domain.Tests.Given;

namespace NegotiationTracker.Domain.Tests.Corrections;

public class when_another_source_reports_a_statement
{
    [Fact]
    public void the_report_is_recorded_with_its_source_and_who_it_cites() =>
        Decide(Report("nyt")).ShouldAppendOnly<StatementReported>().ShouldBe(new StatementReported(
            NegotiationId, Made, "iraq", "nyt", Attribution.Reported, "Iraq no longer needs U.S. forces, officials said.", "unnamed Iraqi officials", September2024));
}

public class when_a_statement_is_reported_by_a_source_not_registered_in_the_negotiation
{
    [Fact]
    public void the_source_is_not_found_and_named() =>
        Decide(Report("rumour-mill")).ShouldBeRejectedAs("not-found").Message.ShouldBe($"source rumour-mill is not registered in {NegotiationId}");
}

public class when_a_statement_is_reported_in_a_negotiation_that_is_not_opened
{
    [Fact]
    public void the_report_is_not_found() => PartyDecider.Decide(Report(), Spoken(), null, Now).ShouldBeRejectedAs("not-found");
}

public class when_a_statement_is_reported_by_a_source_that_is_not_a_slug
{
    [Fact]
    public void the_source_is_invalid() => Decide(Report("The Times")).ShouldBeInvalid("source");
}

public class when_the_same_source_reports_a_statement_twice_with_the_same_text
{
    [Fact]
    public void nothing_is_appended() => Decide(Report("nyt"), Spoken().Corrected(Report("nyt"))).ShouldAppendNothing();
}

public class when_the_same_source_reports_a_statement_again_in_other_words
{
    [Fact]
    public void the_second_report_is_recorded() =>
        Decide(Report("nyt", "Iraq's prime minister said U.S. forces are not needed."), Spoken().Corrected(Report("nyt"))).ShouldAppendOnly<StatementReported>();
}

public class when_a_report_is_said_in_the_future
{
    [Fact]
    public void the_date_is_invalid() => Decide(Report(said: Tomorrow)).ShouldBeInvalid("said");
}

public class when_a_report_cites_through_a_line_with_a_control_character
{
    [Fact]
    public void the_via_is_invalid() => Decide(Report() with { ReportedVia = "unnamed\u0007officials" }).ShouldBeInvalid("reported via");
}

public class when_the_original_source_corrects_its_report
{
    [Fact]
    public void the_correction_is_recorded() =>
        Decide(ReportCorrection("article")).ShouldAppendOnly<ReportCorrected>()
            .ShouldBe(new ReportCorrected(NegotiationId, Made, "iraq", "article", "An earlier version misstated the date of the interview.", September2024));
}

public class when_a_source_recorded_as_reporting_a_statement_corrects_its_report
{
    [Fact]
    public void the_correction_is_recorded() =>
        Decide(ReportCorrection("nyt"), Spoken().Corrected(Report("nyt"))).ShouldAppendOnly<ReportCorrected>().SourceId.ShouldBe("nyt");
}

public class when_a_source_that_did_not_report_a_statement_corrects_it
{
    [Fact]
    public void the_rule_is_broken_and_names_the_source_and_the_statement() =>
        Decide(ReportCorrection("reuters"), Spoken().Corrected(Report("nyt")))
            .ShouldBeRejectedAs("rule-broken").Message.ShouldBe($"source reuters did not report statement {Made}");

    [Fact]
    public void a_report_of_another_statement_does_not_count() =>
        Decide(ReportCorrection("nyt", statementId: Aside), Spoken().Corrected(Report("nyt")))
            .ShouldBeRejectedAs("rule-broken").Message.ShouldContain("source nyt did not report");

    [Fact]
    public void a_source_that_was_never_registered_breaks_the_same_rule() =>
        Decide(ReportCorrection("rumour-mill")).ShouldBeRejectedAs("rule-broken");
}

public class when_a_report_correction_is_said_in_the_future
{
    [Fact]
    public void the_date_is_invalid() => Decide(ReportCorrection(said: Tomorrow)).ShouldBeInvalid("said");
}
