using NegotiationTracker.Domain.Parties;
using static NegotiationTracker.Domain.Tests.Corrections.Recorded;

namespace NegotiationTracker.Domain.Tests.Corrections;

// The rules every correction and provenance command shares, kind by kind.

file static class Kinds
{
    public static TheoryData<string> All() => [.. CorrectionKind.All.Select(k => k.Name)];

    /// <summary>The kinds a void record refuses: everything that says something about what was said, or links it.</summary>
    public static readonly string[] RefusedOnAVoidRecord = ["retraction", "denial", "clarification", "amendment", "void", "duplicate link"];

    /// <summary>The kinds still recorded on a void record: provenance (reports and their corrections), grades, and undoing a link.</summary>
    public static readonly string[] RecordedOnAVoidRecord = ["report", "report correction", "grade", "duplicate unlink"];
}

public class when_a_correction_is_made_to_a_statement_that_exists
{
    public static TheoryData<string> Kinds() => Corrections.Kinds.All();

    [Theory]
    [MemberData(nameof(Kinds))]
    public void exactly_its_event_is_appended(string kind)
    {
        var correction = CorrectionKind.Named(kind);

        var decision = Decide(correction.Usual(), correction.Before());

        decision.Rejection.ShouldBeNull();
        decision.Events.ShouldHaveSingleItem().ShouldBeOfType(correction.Event);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void the_event_names_the_statement_and_the_party(string kind)
    {
        var correction = CorrectionKind.Named(kind);

        var appended = Decide(correction.Usual(), correction.Before()).Events.ShouldHaveSingleItem();

        $"{appended}".ShouldContain($"StatementId = {correction.Statement}, PartyId = iraq");
    }
}

public class when_a_correction_is_made_to_a_statement_the_party_never_made
{
    public static TheoryData<string> Kinds() => Corrections.Kinds.All();

    [Theory]
    [MemberData(nameof(Kinds))]
    public void it_is_not_found_and_names_the_statement(string kind)
    {
        var correction = CorrectionKind.Named(kind);

        Decide(correction.Command(Unspoken, null), correction.Before())
            .ShouldBeRejectedAs("not-found").Message.ShouldBe($"statement {Unspoken} was not made by iraq in {Given.NegotiationId}");
    }
}

public class when_a_correction_is_made_for_a_party_that_is_not_registered
{
    public static TheoryData<string> Kinds() => Corrections.Kinds.All();

    [Theory]
    [MemberData(nameof(Kinds))]
    public void it_is_not_found(string kind) =>
        Decide(CorrectionKind.Named(kind).Usual(), null).ShouldBeRejectedAs("not-found").Message.ShouldContain("party is not registered");
}

public class when_the_same_correction_is_recorded_again
{
    public static TheoryData<string> Kinds() => Corrections.Kinds.All();

    [Theory]
    [MemberData(nameof(Kinds))]
    public void nothing_is_appended(string kind)
    {
        var correction = CorrectionKind.Named(kind);
        var party = correction.Before().Corrected(correction.Usual());

        Decide(correction.Usual(), party).ShouldAppendNothing();
    }
}

public class when_a_correction_has_no_text
{
    public static TheoryData<string> Kinds() => Corrections.Kinds.All();

    [Theory]
    [MemberData(nameof(Kinds))]
    public void an_empty_text_is_invalid_and_names_the_field(string kind)
    {
        var correction = CorrectionKind.Named(kind);

        Decide(correction.Command(correction.Statement, ""), correction.Before())
            .ShouldBeInvalid(correction.TextField).Message.ShouldContain("required");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void a_blank_text_is_invalid_and_names_the_field(string kind)
    {
        var correction = CorrectionKind.Named(kind);

        Decide(correction.Command(correction.Statement, "   "), correction.Before()).ShouldBeInvalid(correction.TextField);
    }
}

public class when_a_correction_text_holds_a_control_character
{
    public static TheoryData<string> Kinds() => Corrections.Kinds.All();

    [Theory]
    [MemberData(nameof(Kinds))]
    public void a_bell_is_invalid_and_names_the_field_and_the_character(string kind)
    {
        var correction = CorrectionKind.Named(kind);

        Decide(correction.Command(correction.Statement, "Walked \u0007back."), correction.Before())
            .ShouldBeInvalid(correction.TextField).Message.ShouldContain("U+0007");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void a_bidirectional_override_is_invalid_and_names_the_field_and_the_character(string kind)
    {
        var correction = CorrectionKind.Named(kind);

        Decide(correction.Command(correction.Statement, "Walked \u202Eback."), correction.Before())
            .ShouldBeInvalid(correction.TextField).Message.ShouldContain("U+202E");
    }
}

public class when_a_correction_names_a_statement_id_that_is_not_a_slug
{
    public static TheoryData<string> Kinds() => Corrections.Kinds.All();

    [Theory]
    [MemberData(nameof(Kinds))]
    public void it_is_invalid_and_names_the_statement(string kind)
    {
        var correction = CorrectionKind.Named(kind);

        Decide(correction.Command("Bad_Id", null), correction.Before()).ShouldBeInvalid("statement").Message.ShouldContain("'Bad_Id'");
    }
}

public class when_a_record_is_void
{
    public static TheoryData<string> Refused() => [.. Kinds.RefusedOnAVoidRecord];

    public static TheoryData<string> StillRecorded() => [.. Kinds.RecordedOnAVoidRecord];

    /// <summary>The kind's usual state, with its usual statement voided for a reason no kind uses as its own.</summary>
    private static Party VoidedBefore(CorrectionKind correction) =>
        correction.Before().Corrected(Voiding("Entered twice by mistake.", correction.Statement));

    [Theory]
    [MemberData(nameof(Refused))]
    public void a_correction_of_what_it_says_breaks_the_rule_and_says_it_is_void(string kind)
    {
        var correction = CorrectionKind.Named(kind);

        Decide(correction.Usual(), VoidedBefore(correction))
            .ShouldBeRejectedAs("rule-broken").Message.ShouldBe($"statement {correction.Statement} is void");
    }

    [Theory]
    [MemberData(nameof(StillRecorded))]
    public void provenance_grades_and_unlinking_are_still_recorded(string kind)
    {
        var correction = CorrectionKind.Named(kind);

        Decide(correction.Usual(), VoidedBefore(correction)).Events.ShouldHaveSingleItem().ShouldBeOfType(correction.Event);
    }

    [Fact]
    public void every_kind_is_either_refused_or_recorded() =>
        Kinds.RefusedOnAVoidRecord.Concat(Kinds.RecordedOnAVoidRecord).Order()
            .ShouldBe(CorrectionKind.All.Select(k => k.Name).Order());
}
