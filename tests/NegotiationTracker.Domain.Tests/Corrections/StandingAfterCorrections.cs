using NegotiationTracker.Domain.Common;
using NegotiationTracker.Domain.Parties;
using static NegotiationTracker.Domain.Tests.Corrections.Recorded;
using static NegotiationTracker.Domain.Tests.Given;

namespace NegotiationTracker.Domain.Tests.Corrections;

public class when_a_statement_has_no_later_events
{
    [Fact]
    public void it_stands() => Spoken().StandingOf(Made).ShouldBe(Standing.Unchallenged);

    [Fact]
    public void a_statement_never_made_stands_unchallenged_too() => Spoken().StandingOf(Unspoken).Stands.ShouldBeTrue();
}

public class when_a_statement_has_been_retracted
{
    private static readonly Party Before = Spoken();

    private readonly Party _party = Before.Corrected(Retraction());

    [Fact]
    public void it_no_longer_stands() => _party.StandingOf(Made).Stands.ShouldBeFalse();

    [Fact]
    public void it_is_marked_retracted() => _party.StandingOf(Made).Retracted.ShouldBeTrue();

    [Fact]
    public void the_statement_as_made_is_unchanged() => _party.AsMade().ShouldBeSameAs(Before.AsMade());

    [Fact]
    public void it_still_reads_as_made() => _party.Reading().ShouldBeSameAs(Before.AsMade());

    [Fact]
    public void the_other_records_still_stand() => _party.StandingOf(Again).Stands.ShouldBeTrue();
}

public class when_a_statement_has_been_voided
{
    private readonly Party _party = Spoken().Corrected(Voiding());

    [Fact]
    public void it_no_longer_stands() => _party.StandingOf(Made).Stands.ShouldBeFalse();

    [Fact]
    public void it_is_marked_void() => _party.StandingOf(Made).Voided.ShouldBeTrue();

    [Fact]
    public void it_stays_in_the_ledger() => _party.Statements.ShouldContainKey(Party.StatementKey(NegotiationId, Made));
}

public class when_a_record_has_been_linked_as_a_duplicate
{
    private readonly Party _party = Spoken().Corrected(Link());

    [Fact]
    public void it_no_longer_stands() => _party.StandingOf(Again).Stands.ShouldBeFalse();

    [Fact]
    public void it_names_the_record_it_duplicates() => _party.StandingOf(Again).DuplicateOf.ShouldBe(Made);

    [Fact]
    public void the_record_it_duplicates_still_stands() => _party.StandingOf(Made).Stands.ShouldBeTrue();
}

public class when_a_duplicate_link_has_been_undone
{
    private readonly Party _party = Spoken().Corrected(Link(), Unlink());

    [Fact]
    public void the_record_stands_again() => _party.StandingOf(Again).Stands.ShouldBeTrue();

    [Fact]
    public void it_duplicates_nothing() => _party.StandingOf(Again).DuplicateOf.ShouldBeNull();
}

public class when_a_statement_has_been_denied
{
    private readonly Party _party = Spoken().Corrected(Denial());

    [Fact]
    public void it_still_stands_because_the_reports_stand() => _party.StandingOf(Made).Stands.ShouldBeTrue();

    [Fact]
    public void it_is_marked_denied() => _party.StandingOf(Made).Denied.ShouldBeTrue();
}

public class when_a_statement_has_been_clarified_reported_and_its_report_corrected
{
    private readonly Party _party = Spoken().Corrected(Clarification(), Report(), ReportCorrection());

    [Fact]
    public void it_still_stands() => _party.StandingOf(Made).Stands.ShouldBeTrue();

    [Fact]
    public void the_reporting_source_is_recorded() => _party.StandingOf(Made).ReportedBy.ShouldHaveSingleItem().ShouldBe("nyt");
}

public class when_a_statement_has_been_graded
{
    [Fact]
    public void it_carries_the_grade() => Spoken().Corrected(Grade(2)).StandingOf(Made).Credibility.ShouldBe(2);

    [Fact]
    public void the_latest_grade_holds() => Spoken().Corrected(Grade(2), Grade(5, "The second outlet copied the first.")).StandingOf(Made).Credibility.ShouldBe(5);

    [Fact]
    public void it_still_stands() => Spoken().Corrected(Grade(6)).StandingOf(Made).Stands.ShouldBeTrue();
}

public class when_a_statement_has_been_amended
{
    private readonly Party _party = Spoken().Corrected(Amendment("stance", "opposes", "conditional"));

    [Fact]
    public void its_current_reading_has_the_new_value() => _party.Reading().Stance.ShouldBe(Stance.Conditional);

    [Fact]
    public void the_statement_as_made_keeps_the_original_value() => _party.AsMade().Stance.ShouldBe(Stance.Opposes);

    [Fact]
    public void the_other_fields_read_as_made() => (_party.Reading() with { Stance = Stance.Opposes }).ShouldBe(_party.AsMade());

    [Fact]
    public void it_still_stands() => _party.StandingOf(Made).Stands.ShouldBeTrue();

    [Fact]
    public void making_the_original_statement_again_appends_nothing() =>
        PartyDecider.Decide(Original(), _party, In(), Now).ShouldAppendNothing();

    [Fact]
    public void the_other_records_of_the_utterance_are_not_amended() => _party.Reading(Again).Stance.ShouldBe(Stance.Opposes);
}

public class when_a_statement_has_been_amended_twice
{
    private readonly Party _party = Spoken().Corrected(
        Amendment("stance", "opposes", "conditional"),
        Amendment("stance", "conditional", "neutral", "A second reading of the transcript."));

    [Fact]
    public void its_current_reading_has_the_latest_value() => _party.Reading().Stance.ShouldBe(Stance.Neutral);

    [Fact]
    public void recording_the_first_amendment_again_appends_nothing() =>
        Decide(Amendment("stance", "opposes", "conditional"), _party).ShouldAppendNothing();

    [Fact]
    public void making_the_original_statement_again_appends_nothing() =>
        PartyDecider.Decide(Original(), _party, In(), Now).ShouldAppendNothing();
}
