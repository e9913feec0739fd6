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

/// <summary>
/// The minimal file with one more step it may not take, each row a situation: the error stands on the line of that step
/// and says what is wrong with it.
/// </summary>
public class when_a_step_of_a_file_is_not_allowed
{
    private sealed record Case(string Yaml, int Line, string Message);

    private static readonly Dictionary<string, Case> Cases = new[]
    {
        StatementCase("a statement is made by a party the file does not register",
            Statement("s2", "iran", "troops", "demand", "U.S. troops must leave.", "reported"),
            "statement s2: party iran is not registered"),
        StatementCase("a statement is on an issue the file does not open",
            Statement("s2", "us", "oil-revenue", "demand", "Oil revenue stays in Iraq.", "reported"),
            "statement s2: issue oil-revenue is not an issue of talks"),
        StatementCase("a party uses a statement id twice in a file",
            Statement("s1", "iraq", "troops", "position", "U.S. forces are still needed.", "quote"),
            "statement s1: statement id s1 is already used in talks"),
        StatementCase("two parties use the same statement id in a file",
            Statement("s1", "us", "troops", "position", "U.S. forces will leave.", "reported"),
            "statement s1: statement id s1 is already used in talks by iraq"),
        StatementCase("a statement cites a source the file does not register",
            Statement("s2", "us", "troops", "claim", "About 2,500 U.S. troops remain.", "reported", source: "rumour-mill"),
            "statement s2: source rumour-mill is not registered in talks"),
        AnswerCase("a proposal that was never tabled is answered",
            Answer("three-years", "iraq"),
            "answer of iraq to three-years: proposal three-years was not tabled in talks"),
        // rubin joins the minimal file as a commentator: it may comment on the proposal but not answer it.
        AnswerCase("a commentator answers a proposal in a file",
            Answer("two-years", "rubin"),
            "answer of rubin to two-years: rubin is a commentator in talks: a commentator may not answer proposals"),
    }.ToDictionary();

    public static TheoryData<string> Situations() => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(Situations))]
    public void the_error_is_on_the_line_of_the_step(string situation) =>
        ErrorIn(situation).Line.ShouldBe(Cases[situation].Line);

    [Theory]
    [MemberData(nameof(Situations))]
    public void the_error_names_what_is_wrong(string situation) =>
        ErrorIn(situation).Message.ShouldBe(Cases[situation].Message);

    [Theory]
    [MemberData(nameof(Situations))]
    public void the_error_reads_as_file_line_and_message(string situation) =>
        ErrorIn(situation).ToString().ShouldBe($"{FileName}:{Cases[situation].Line}: {Cases[situation].Message}");

    private static SeedError ErrorIn(string situation) => CheckAgainstEmptyStore(Cases[situation].Yaml).ShouldHaveSingleItem();

    private static KeyValuePair<string, Case> StatementCase(string situation, string statement, string message)
    {
        var yaml = WithEvents(statement);
        return new(situation, new Case(yaml, LineOfTheLast(yaml, "statement"), message));
    }

    private static KeyValuePair<string, Case> AnswerCase(string situation, string answer, string message)
    {
        var yaml = WithEvents(answer);
        return new(situation, new Case(yaml, LineOf(yaml, "- answer:"), message));
    }
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

public class when_the_jcpoa_seed_file_is_checked_against_an_empty_store
{
    [Fact]
    public void every_step_is_allowed() =>
        CheckAgainstEmptyStore(SeedFileReader.Read(Path.Combine(Path.GetDirectoryName(RealSeedPath())!, "iran-nuclear-jcpoa.yaml"))).ShouldBeEmpty();
}

public class when_several_steps_of_a_file_are_not_allowed
{
    private static readonly string Yaml = WithEvents(
        Statement("s2", "iran", "troops", "demand", "U.S. troops must leave.", "reported") + "\n" + Answer("three-years", "iraq", said: null));

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
