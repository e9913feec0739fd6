using NegotiationTracker.Domain.Negotiations;
using NegotiationTracker.Domain.Parties;
using static NegotiationTracker.Domain.Tests.Corrections.Recorded;
using static NegotiationTracker.Domain.Tests.Given;

namespace NegotiationTracker.Domain.Tests.Corrections;

public class when_a_statement_is_graded
{
    [Fact]
    public void the_grade_is_recorded_with_its_reason() =>
        Decide(Grade(2)).ShouldAppendOnly<StatementGraded>()
            .ShouldBe(new StatementGraded(NegotiationId, Made, "iraq", 2, "Confirmed by two independent outlets."));

    [Theory]
    [InlineData(1)]
    [InlineData(6)]
    public void each_end_of_the_scale_is_a_grade(int credibility) => Decide(Grade(credibility)).ShouldAppendOnly<StatementGraded>();
}

public class when_a_statement_is_graded_off_the_admiralty_scale
{
    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(-1)]
    public void the_credibility_is_invalid_and_names_the_grade(int credibility) =>
        Decide(Grade(credibility)).ShouldBeInvalid("credibility").Message.ShouldContain($"credibility {credibility} is not on the Admiralty scale");
}

public class when_a_statement_is_given_the_grade_it_has_for_another_reason
{
    [Fact]
    public void the_rule_is_broken_and_says_it_is_already_graded() =>
        Decide(Grade(2, "A third outlet confirms it."), Spoken().Corrected(Grade(2)))
            .ShouldBeRejectedAs("rule-broken").Message.ShouldBe($"statement {Made} is already graded 2");
}

public class when_a_graded_statement_is_given_a_new_grade
{
    [Fact]
    public void the_new_grade_is_appended() =>
        Decide(Grade(4, "The second outlet copied the first."), Spoken().Corrected(Grade(2))).ShouldAppendOnly<StatementGraded>().Credibility.ShouldBe(4);
}

// Fails today: see the report that came with it.
// A correction identical to one already in the record (same kind, same content) is that record: it appends nothing, so a
// seed file can always be imported again. Going back to an earlier grade is recorded by giving the new grade its own reason.
public class when_a_statement_is_graded_back_to_an_earlier_grade
{
    [Fact]
    public void with_the_same_reason_it_is_the_earlier_grade_and_appends_nothing() =>
        Decide(Grade(2), Spoken().Corrected(Grade(2), Grade(4, "The second outlet copied the first."))).ShouldAppendNothing();

    [Fact]
    public void with_a_reason_of_its_own_it_is_recorded()
    {
        var party = Spoken().Corrected(Grade(2), Grade(4, "The second outlet copied the first."));

        var decision = Decide(Grade(2, "A third outlet confirmed it independently."), party);

        decision.Rejection.ShouldBeNull();
        party.After(decision).StandingOf(Made).Credibility.ShouldBe(2);
    }
}

file static class Graded
{
    public static Negotiation In() => Recorded.In();

    public static GradeSource Grade(char reliability = 'B', string sourceId = "nyt", string reason = "Usually reliable on Iraq.") =>
        new(NegotiationId, sourceId, reliability, reason);
}

public class when_a_source_is_graded
{
    [Fact]
    public void the_grade_is_recorded() =>
        NegotiationDecider.Decide(Graded.Grade('B'), Graded.In()).ShouldAppendOnly<SourceGraded>()
            .ShouldBe(new SourceGraded(NegotiationId, "nyt", 'B', "Usually reliable on Iraq."));

    [Fact]
    public void the_negotiation_knows_the_grade() =>
        Graded.In().After(NegotiationDecider.Decide(Graded.Grade('B'), Graded.In())).SourceGrades["nyt"].ShouldBe('B');
}

public class when_a_source_is_graded_off_the_admiralty_scale
{
    [Theory]
    [InlineData('G')]
    [InlineData('a')]
    [InlineData('?')]
    public void the_reliability_is_invalid_and_names_the_grade(char reliability) =>
        NegotiationDecider.Decide(Graded.Grade(reliability), Graded.In()).ShouldBeInvalid("reliability").Message.ShouldContain($"reliability '{reliability}'");
}

public class when_a_source_that_is_not_registered_is_graded
{
    [Fact]
    public void the_source_is_not_found_and_named() =>
        NegotiationDecider.Decide(Graded.Grade(sourceId: "rumour-mill"), Graded.In())
            .ShouldBeRejectedAs("not-found").Message.ShouldBe($"source rumour-mill is not registered in {NegotiationId}");
}

public class when_a_source_is_graded_in_a_negotiation_that_is_not_opened
{
    [Fact]
    public void it_is_not_found() => NegotiationDecider.Decide(Graded.Grade(), null).ShouldBeRejectedAs("not-found");
}

public class when_a_source_is_given_the_grade_it_has
{
    [Fact]
    public void nothing_is_appended() =>
        NegotiationDecider.Decide(Graded.Grade('B'), Graded.In().After(NegotiationDecider.Decide(Graded.Grade('B'), Graded.In()))).ShouldAppendNothing();

    [Fact]
    public void nothing_is_appended_even_for_another_reason() =>
        NegotiationDecider.Decide(Graded.Grade('B', reason: "Checked again."), Graded.In().After(NegotiationDecider.Decide(Graded.Grade('B'), Graded.In())))
            .ShouldAppendNothing();
}

public class when_a_graded_source_is_given_a_new_grade
{
    [Fact]
    public void the_new_grade_is_appended() =>
        NegotiationDecider.Decide(Graded.Grade('D', reason: "Two retractions this year."), Graded.In().After(NegotiationDecider.Decide(Graded.Grade('B'), Graded.In())))
            .ShouldAppendOnly<SourceGraded>().Reliability.ShouldBe('D');
}
