using NegotiationTracker.SeedFiles;
using static NegotiationTracker.Domain.Tests.SeedFiles.Seeds;

namespace NegotiationTracker.Domain.Tests.SeedFiles;

public class when_the_real_seed_file_is_checked_against_an_empty_store
{
    [Fact]
    public void every_step_is_allowed() => CheckAgainstEmptyStore(SeedFileReader.Read(RealSeedPath())).ShouldBeEmpty();
}

public class when_a_minimal_seed_file_is_checked_against_an_empty_store
{
    [Fact]
    public void every_step_is_allowed() => CheckAgainstEmptyStore(Minimal).ShouldBeEmpty();
}

public class when_a_statement_is_made_by_a_party_the_file_does_not_register
{
    private static readonly string Yaml = WithEvents("""
          - statement:
              id: s2
              by: iran
              "on": [troops]
              kind: demand
              text: "U.S. troops must leave."
              attribution: reported
              said: "2024-09"
        """);

    private readonly SeedError _error = CheckAgainstEmptyStore(Yaml).ShouldHaveSingleItem();

    [Fact]
    public void the_error_is_on_the_line_of_the_statement() => _error.Line.ShouldBe(LineOfTheLast(Yaml, "statement"));

    [Fact]
    public void the_error_names_the_statement_and_the_party() => _error.Message.ShouldBe("statement s2: party iran is not registered");
}

public class when_a_statement_is_on_an_issue_the_file_does_not_open
{
    private static readonly string Yaml = WithEvents("""
          - statement:
              id: s2
              by: us
              "on": [oil-revenue]
              kind: demand
              text: "Oil revenue stays in Iraq."
              attribution: reported
              said: "2024-09"
        """);

    private readonly SeedError _error = CheckAgainstEmptyStore(Yaml).ShouldHaveSingleItem();

    [Fact]
    public void the_error_is_on_the_line_of_the_statement() => _error.Line.ShouldBe(LineOfTheLast(Yaml, "statement"));

    [Fact]
    public void the_error_names_the_issue() => _error.Message.ShouldBe("statement s2: issue oil-revenue is not an issue of talks");
}

public class when_a_party_uses_a_statement_id_twice_in_a_file
{
    private static readonly string Yaml = WithEvents("""
          - statement:
              id: s1
              by: iraq
              "on": [troops]
              kind: position
              text: "U.S. forces are still needed."
              attribution: quote
              said: "2024-09"
        """);

    private readonly SeedError _error = CheckAgainstEmptyStore(Yaml).ShouldHaveSingleItem();

    [Fact]
    public void the_error_is_on_the_line_of_the_second_statement() => _error.Line.ShouldBe(LineOfTheLast(Yaml, "statement"));

    [Fact]
    public void the_error_names_the_id() => _error.Message.ShouldBe("statement s1: statement id s1 is already used in talks");
}

public class when_two_parties_use_the_same_statement_id_in_a_file
{
    private static readonly string Yaml = WithEvents("""
          - statement:
              id: s1
              by: us
              "on": [troops]
              kind: position
              text: "U.S. forces will leave."
              attribution: reported
              said: "2024-09"
        """);

    private readonly SeedError _error = CheckAgainstEmptyStore(Yaml).ShouldHaveSingleItem();

    [Fact]
    public void the_error_is_on_the_line_of_the_second_statement() => _error.Line.ShouldBe(LineOfTheLast(Yaml, "statement"));

    [Fact]
    public void the_error_names_the_party_that_used_it_first() => _error.Message.ShouldBe("statement s1: statement id s1 is already used in talks by iraq");
}

public class when_a_statement_id_in_the_file_is_already_used_by_another_party_in_the_store
{
    private readonly SeedError _error = CheckAgainstEmptyStore(SeedFileReader.Parse(FileName, Minimal), new Dictionary<string, string> { ["s1"] = "us" })
        .ShouldHaveSingleItem();

    [Fact]
    public void the_error_is_on_the_line_of_the_statement() => _error.Line.ShouldBe(LineOf(Minimal, "- statement:"));

    [Fact]
    public void the_error_names_the_party_that_owns_it() => _error.Message.ShouldBe("statement s1: statement id s1 is already used in talks by us");
}

public class when_a_statement_id_in_the_file_is_already_used_by_the_same_party_in_the_store
{
    [Fact]
    public void no_error_is_reported() =>
        CheckAgainstEmptyStore(SeedFileReader.Parse(FileName, Minimal), new Dictionary<string, string> { ["s1"] = "iraq" }).ShouldBeEmpty();
}

public class when_a_proposal_that_was_never_tabled_is_answered
{
    private static readonly string Yaml = WithEvents("""
          - answer:
              proposal: three-years
              by: iraq
              answer: reject
              said: "2024-09"
        """);

    private readonly SeedError _error = CheckAgainstEmptyStore(Yaml).ShouldHaveSingleItem();

    [Fact]
    public void the_error_is_on_the_line_of_the_answer() => _error.Line.ShouldBe(LineOf(Yaml, "- answer:"));

    [Fact]
    public void the_error_names_the_proposal() => _error.Message.ShouldBe("answer of iraq to three-years: proposal three-years was not tabled in talks");
}

public class when_a_commentator_answers_a_proposal_in_a_file
{
    // rubin joins the minimal file as a commentator: it may comment on the proposal but not answer it.
    private static readonly string Yaml = WithEvents("""
          - answer:
              proposal: two-years
              by: rubin
              answer: reject
              said: "2024-09"
        """);

    private readonly SeedError _error = CheckAgainstEmptyStore(Yaml).ShouldHaveSingleItem();

    [Fact]
    public void the_error_is_on_the_line_of_the_answer() => _error.Line.ShouldBe(LineOf(Yaml, "- answer:"));

    [Fact]
    public void the_error_names_the_party_and_its_role() =>
        _error.ToString().ShouldBe($"{FileName}:{LineOf(Yaml, "- answer:")}: answer of rubin to two-years: rubin is a commentator in talks: a commentator may not answer proposals");
}

public class when_the_jcpoa_seed_file_is_checked_against_an_empty_store
{
    [Fact]
    public void every_step_is_allowed() =>
        CheckAgainstEmptyStore(SeedFileReader.Read(Path.Combine(Path.GetDirectoryName(RealSeedPath())!, "iran-nuclear-jcpoa.yaml"))).ShouldBeEmpty();
}

public class when_a_statement_cites_a_source_the_file_does_not_register
{
    private static readonly string Yaml = WithEvents("""
          - statement:
              id: s2
              by: us
              "on": [troops]
              kind: claim
              text: "About 2,500 U.S. troops remain."
              attribution: reported
              said: "2024-09"
              source: rumour-mill
        """);

    private readonly SeedError _error = CheckAgainstEmptyStore(Yaml).ShouldHaveSingleItem();

    [Fact]
    public void the_error_is_on_the_line_of_the_statement() => _error.Line.ShouldBe(LineOfTheLast(Yaml, "statement"));

    [Fact]
    public void the_error_names_the_source() => _error.Message.ShouldBe("statement s2: source rumour-mill is not registered in talks");
}

public class when_several_steps_of_a_file_are_not_allowed
{
    private static readonly string Yaml = WithEvents("""
          - statement:
              id: s2
              by: iran
              "on": [troops]
              kind: demand
              text: "U.S. troops must leave."
              attribution: reported
              said: "2024-09"
          - answer:
              proposal: three-years
              by: iraq
              answer: reject
        """);

    [Fact]
    public void each_is_reported_on_its_own_line() =>
        CheckAgainstEmptyStore(Yaml).Select(e => e.Line).ShouldBe([LineOfTheLast(Yaml, "statement"), LineOf(Yaml, "- answer:")]);
}

public class when_a_file_is_checked_before_the_dates_it_records
{
    [Fact]
    public void each_date_after_now_is_reported_in_the_future()
    {
        var file = SeedFileReader.Parse(FileName, Minimal);

        var errors = ImportPlan.Check(file, null, ImportPlan.PartiesNamed(file).ToDictionary(p => p, _ => (Domain.Parties.Party?)null), new Dictionary<string, string>(), new DateTimeOffset(2024, 8, 1, 0, 0, 0, TimeSpan.Zero));

        errors.Select(e => e.Line).ShouldBe([LineOf(Minimal, "- id: article"), LineOf(Minimal, "- statement:"), LineOf(Minimal, "- proposal:"), LineOf(Minimal, "- join:")]);
    }
}
