using NegotiationTracker.SeedFiles;
using static NegotiationTracker.Domain.Tests.SeedFiles.Seeds;

namespace NegotiationTracker.Domain.Tests.Corrections;

public class when_a_file_retracts_and_amends_a_statement_it_makes
{
    private static readonly string Yaml = WithEvents("""
          - retraction:
              statement: s1
              reason: "Walked back after meeting the U.S. envoy."
              said: "2024-09"
          - amendment:
              statement: s1
              field: speaker
              from: al-sudani
              to: none
              reason: "The words were his spokesman's."
        """);

    [Fact]
    public void every_step_is_allowed() => CheckAgainstEmptyStore(Yaml).ShouldBeEmpty();
}

public class when_a_file_retracts_a_statement_twice_for_different_reasons
{
    private static readonly string Yaml = WithEvents("""
          - retraction:
              statement: s1
              reason: "Walked back after meeting the U.S. envoy."
          - retraction:
              statement: s1
              reason: "Walked back again."
        """);

    private readonly SeedError _error = CheckAgainstEmptyStore(Yaml).ShouldHaveSingleItem();

    [Fact]
    public void the_error_is_on_the_line_of_the_second_retraction() => _error.Line.ShouldBe(LineOfTheLast(Yaml, "retraction"));

    [Fact]
    public void the_error_says_it_is_already_retracted() => _error.Message.ShouldBe("retraction of s1: statement s1 is already retracted");
}

public class when_a_file_records_the_same_retraction_twice
{
    [Fact]
    public void every_step_is_allowed_and_the_second_appends_nothing() => CheckAgainstEmptyStore(WithEvents("""
          - retraction:
              statement: s1
              reason: "Walked back."
          - retraction:
              statement: s1
              reason: "Walked back."
        """)).ShouldBeEmpty();
}

public class when_a_file_amends_a_field_quoting_the_value_an_earlier_amendment_replaced
{
    private static readonly string Yaml = WithEvents("""
          - amendment:
              statement: s1
              field: stance
              from: opposes
              to: conditional
              reason: "The full interview."
          - amendment:
              statement: s1
              field: stance
              from: opposes
              to: neutral
              reason: "Another reading."
        """);

    [Fact]
    public void the_second_is_a_conflict_on_its_line() =>
        CheckAgainstEmptyStore(Yaml).ShouldHaveSingleItem().ShouldBe(new SeedError(
            FileName, LineOfTheLast(Yaml, "amendment"), "amendment of s1: the stance of statement s1 is now \"conditional\", not \"opposes\""));
}

public class when_a_file_corrects_anything_about_a_void_record
{
    private static readonly string Yaml = WithEvents("""
          - void:
              statement: s1
              reason: "Entered in error."
          - clarification:
              statement: s1
              text: "He meant advisers."
        """);

    [Fact]
    public void the_correction_is_refused_on_its_line() =>
        CheckAgainstEmptyStore(Yaml).ShouldHaveSingleItem().ShouldBe(new SeedError(FileName, LineOf(Yaml, "- clarification:"), "clarification of s1: statement s1 is void"));
}

public class when_a_file_corrects_a_report_by_a_source_that_did_not_report_it
{
    private static readonly string Yaml = WithEvents("""
          - correction:
              statement: s1
              source: nyt
              text: "Corrected."
        """);

    [Fact]
    public void the_correction_is_refused_on_its_line() =>
        CheckAgainstEmptyStore(Yaml).ShouldHaveSingleItem().ShouldBe(new SeedError(FileName, LineOf(Yaml, "- correction:"), "correction of s1 by nyt: source nyt did not report statement s1"));
}

public class when_a_file_grades_a_statement_with_a_word_for_a_credibility
{
    private static readonly string Yaml = WithEvents("""
          - grade:
              statement: s1
              credibility: high
              reason: "Confirmed."
        """);

    [Fact]
    public void the_file_is_refused_where_the_grade_is_read_and_the_error_says_what_a_credibility_is()
    {
        var rejected = Should.Throw<SeedFileRejected>(() => SeedFileReader.Parse("corrections.yaml", Yaml));

        var error = rejected.Errors.ShouldHaveSingleItem();
        error.Line.ShouldBe(LineOf(Yaml, "statement: s1"));
        error.Message.ShouldBe("grade: credibility 'high' is not a number from 1 (confirmed) to 6 (cannot be judged)");
    }
}

public class when_a_file_grades_a_source_it_does_not_register
{
    private static readonly string Yaml = WithEvents("""
          - grade:
              source: nyt
              reliability: B
              reason: "Usually reliable."
        """);

    [Fact]
    public void the_grade_is_refused_on_its_line() =>
        CheckAgainstEmptyStore(Yaml).ShouldHaveSingleItem().ShouldBe(new SeedError(FileName, LineOf(Yaml, "- grade:"), "grade of source nyt: source nyt is not registered in talks"));
}
