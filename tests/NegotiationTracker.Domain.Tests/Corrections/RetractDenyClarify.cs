using NegotiationTracker.Domain.Parties;
using static NegotiationTracker.Domain.Tests.Corrections.Recorded;
using static NegotiationTracker.Domain.Tests.Given;

namespace NegotiationTracker.Domain.Tests.Corrections;

public class when_a_statement_is_retracted
{
    [Fact]
    public void the_retraction_is_recorded_with_its_reason_and_date() =>
        Decide(Retraction()).ShouldAppendOnly<StatementRetracted>()
            .ShouldBe(new StatementRetracted(NegotiationId, Made, "iraq", "Walked back after meeting the U.S. envoy.", September2024));
}

public class when_a_retracted_statement_is_retracted_again_for_another_reason
{
    [Fact]
    public void the_rule_is_broken_and_says_it_is_already_retracted() =>
        Decide(Retraction("He now says the troops may stay."), Spoken().Corrected(Retraction()))
            .ShouldBeRejectedAs("rule-broken").Message.ShouldBe($"statement {Made} is already retracted");
}

public class when_a_retraction_is_said_in_the_future
{
    [Fact]
    public void the_date_is_invalid() => Decide(Retraction(said: Tomorrow)).ShouldBeInvalid("said").Message.ShouldContain("in the future");
}

public class when_a_retraction_has_no_date
{
    [Fact]
    public void the_retraction_is_recorded() =>
        PartyDecider.Decide(Retraction() with { Said = null }, Spoken(), Now).ShouldAppendOnly<StatementRetracted>().Said.ShouldBeNull();
}

public class when_a_retraction_reason_runs_over_two_lines
{
    [Fact]
    public void the_reason_is_invalid_because_a_reason_is_one_line() =>
        Decide(Retraction("Walked back.\nAfter the envoy left.")).ShouldBeInvalid("reason").Message.ShouldContain("U+000A");
}

public class when_a_statement_is_denied_twice_for_different_reasons
{
    [Fact]
    public void both_denials_are_recorded() =>
        Decide(Denial("A second statement from his office denies it again."), Spoken().Corrected(Denial())).ShouldAppendOnly<StatementDenied>();
}

public class when_a_retracted_statement_is_denied
{
    [Fact]
    public void the_denial_is_recorded() => Decide(Denial(), Spoken().Corrected(Retraction())).ShouldAppendOnly<StatementDenied>();
}

public class when_a_denial_is_said_in_the_future
{
    [Fact]
    public void the_date_is_invalid() => Decide(Denial(said: Tomorrow)).ShouldBeInvalid("said");
}

public class when_a_statement_is_clarified
{
    [Fact]
    public void the_clarification_is_recorded_with_its_text() =>
        Decide(Clarification()).ShouldAppendOnly<StatementClarified>().Clarification.ShouldBe("He meant combat troops, not advisers.");

    [Fact]
    public void a_clarification_may_run_over_several_lines() =>
        Decide(Clarification("He meant combat troops.\nAdvisers may stay.")).ShouldAppendOnly<StatementClarified>();
}

public class when_a_clarification_is_said_in_the_future
{
    [Fact]
    public void the_date_is_invalid() => Decide(Clarification(said: Tomorrow)).ShouldBeInvalid("said");
}
