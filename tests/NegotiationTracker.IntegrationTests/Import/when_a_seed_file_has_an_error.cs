using NegotiationTracker.Grains;
using NegotiationTracker.IntegrationTests.Fixtures;
using NegotiationTracker.SeedFiles;

namespace NegotiationTracker.IntegrationTests.Import;

public sealed class when_a_seed_file_has_an_error(LedgerFixture ledger) : IClassFixture<LedgerFixture>
{
    // Each case is a valid file with one line broken; the line number is where the error must be reported.
    private const string Valid = """
        negotiation: {id: NEGOTIATION, title: "Ceasefire talks", opened: "2024-09", issues: [{id: ceasefire, title: "Ceasefire"}]}
        sources: [{id: report, title: "A report"}]
        parties:
          - {id: north, name: "North", kind: state, role: principal, people: [{id: envoy, name: "The Envoy"}]}
          - {id: south, name: "South", kind: state, role: principal}
        events:
          - statement: {id: s1, by: north, speaker: envoy, "on": [ceasefire], kind: position, stance: supports, text: "Yes.", attribution: paraphrase, said: "2024-09", source: report}
          - statement: {id: s2, by: south, "on": [ceasefire], kind: position, stance: opposes, text: "No.", attribution: paraphrase, said: "2024-09"}
        """;

    public static TheoryData<string, string, string, int, string> BrokenFiles => new()
    {
        { "unknown party", "by: south,", "by: east,", 8, "party east is not registered" },
        { "unknown issue", "\"on\": [ceasefire], kind: position, stance: opposes", "\"on\": [borders], kind: position, stance: opposes", 8, "issue borders is not an issue" },
        { "duplicate id", "{id: s2,", "{id: s1,", 8, "statement id s1 is already used" },
        { "malformed date", "said: \"2024-09\"}\n", "said: \"2024-02-30\"}\n", 8, "said '2024-02-30' is not a date" },
        { "missing required field", "text: \"No.\", ", "", 8, "missing required key 'text'" },
    };

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public async Task the_file_is_rejected_with_its_name_and_line_and_nothing_is_appended(string problem, string valid, string broken, int line, string message)
    {
        var negotiationId = Scenario.Unique("talks");
        var text = (Valid + "\n").Replace("NEGOTIATION", negotiationId);
        var at = text.LastIndexOf(valid, StringComparison.Ordinal);
        at.ShouldBeGreaterThan(0, problem);
        var yaml = text[..at] + broken + text[(at + valid.Length)..];
        var before = (await ledger.AllEventsAsync()).Count;

        var rejected = await Should.ThrowAsync<SeedFileRejected>(async () =>
            await ledger.Import.ImportAsync(SeedFileReader.Parse("broken.yaml", yaml), Recording.By("tester")));

        var error = rejected.Errors.ShouldHaveSingleItem(problem);
        error.File.ShouldBe("broken.yaml");
        error.Line.ShouldBe(line, problem);
        error.Message.ShouldContain(message, Case.Sensitive, problem);
        (await ledger.AllEventsAsync()).Count.ShouldBe(before, problem);
    }

    [Fact]
    public async Task the_same_file_without_the_error_imports()
    {
        var yaml = Valid.Replace("NEGOTIATION", Scenario.Unique("talks"));

        var result = await ledger.Import.ImportAsync(SeedFileReader.Parse("valid.yaml", yaml), Recording.By("tester"));

        result.EventsAppended.ShouldBeGreaterThan(0);
    }
}
