using NegotiationTracker.Domain.Common;
using NegotiationTracker.Domain.Negotiations;
using NegotiationTracker.Domain.Parties;
using NegotiationTracker.SeedFiles;
using static NegotiationTracker.Domain.Tests.SeedFiles.Seeds;

namespace NegotiationTracker.Domain.Tests.SeedFiles;

public class when_a_minimal_seed_file_is_read
{
    private readonly SeedFile _file = SeedFileReader.Parse(FileName, Minimal);

    private IReadOnlyList<object> Commands => [.. _file.Steps().Select(s => s.Command)];

    [Fact]
    public void its_steps_register_the_parties_then_open_the_negotiation_then_its_sources_then_joins_then_events() =>
        Commands.Select(c => c.GetType().Name).ShouldBe([
            nameof(RegisterParty), nameof(RegisterParty), nameof(AffiliatePerson), nameof(RegisterParty),
            nameof(OpenNegotiation),
            nameof(RegisterSource),
            nameof(JoinNegotiation), nameof(JoinNegotiation),
            nameof(MakeStatement), nameof(TableProposal), nameof(JoinNegotiation),
        ]);

    [Fact]
    public void the_parties_are_registered_in_the_order_listed() =>
        Commands.OfType<RegisterParty>().ShouldBe([
            new RegisterParty("us", "United States", PartyKind.State),
            new RegisterParty("iraq", "Republic of Iraq", PartyKind.State),
            new RegisterParty("rubin", "Michael Rubin", PartyKind.Person),
        ]);

    [Fact]
    public void a_person_is_affiliated_to_the_party_that_lists_them() =>
        Commands.OfType<AffiliatePerson>().ShouldHaveSingleItem().ShouldBe(new AffiliatePerson("iraq", "al-sudani", "Mohammed Shia al-Sudani", "Prime Minister"));

    [Fact]
    public void the_negotiation_is_opened_with_its_issues()
    {
        _file.Negotiation.NegotiationId.ShouldBe("talks");
        _file.Negotiation.Title.ShouldBe("U.S.-Iraq talks");
        _file.Negotiation.Opened.ShouldBe(PartialDate.Year(2024));
        _file.Negotiation.Issues.ShouldBe([new Issue("troops", "U.S. troops in Iraq"), new Issue("timeline", "Withdrawal timeline")]);
    }

    [Fact]
    public void the_source_is_registered_in_the_negotiation() =>
        Commands.OfType<RegisterSource>().ShouldHaveSingleItem().ShouldBe(new RegisterSource("talks", "article", "U.S. plans withdrawal", null, null, PartialDate.Month(2024, 9)));

    [Fact]
    public void a_party_listed_with_a_role_joins_when_the_negotiation_opened() =>
        Commands.OfType<JoinNegotiation>().Take(2).ShouldBe([
            new JoinNegotiation("talks", "us", PartyRole.Principal, PartialDate.Year(2024)),
            new JoinNegotiation("talks", "iraq", PartyRole.Principal, PartialDate.Year(2024)),
        ]);

    [Fact]
    public void a_party_listed_without_a_role_joins_only_through_its_join_event() =>
        Commands.OfType<JoinNegotiation>().Where(j => j.PartyId == "rubin").ShouldHaveSingleItem()
            .ShouldBe(new JoinNegotiation("talks", "rubin", PartyRole.Commentator, PartialDate.Month(2024, 9)));

    [Fact]
    public void the_statement_is_read_with_every_field()
    {
        var statement = Commands.OfType<MakeStatement>().ShouldHaveSingleItem();

        statement.IssueIds.ShouldBe(["troops"]);
        (statement with { IssueIds = [] }).ShouldBe(new MakeStatement(
            "s1", "talks", "iraq", "al-sudani", StatementKind.Position, Stance.Opposes, [], "U.S. forces are no longer necessary.", Attribution.Paraphrase, PartialDate.Month(2024, 9), "article"));
    }

    [Fact]
    public void the_proposal_is_read_with_its_terms() =>
        Commands.OfType<TableProposal>().ShouldHaveSingleItem().Terms.ShouldBe([new Term("timeline", "Troops leave within two years.")]);

    [Fact]
    public void each_event_knows_the_line_it_starts_on() =>
        _file.Events.Select(e => e.Line).ShouldBe([LineOf(Minimal, "- statement:"), LineOf(Minimal, "- proposal:"), LineOf(Minimal, "- join:")]);

    [Fact]
    public void each_event_is_named_for_error_messages() =>
        _file.Events.Select(e => e.What).ShouldBe(["statement s1", "proposal two-years", "join of rubin"]);
}

public class when_a_date_is_malformed
{
    private static readonly string Yaml = Minimal.Replacing("""
              attribution: paraphrase
              said: "2024-09"
        """, """
              attribution: paraphrase
              said: "2024-13-01"
        """);

    private readonly SeedError _error = ReadingErrors(Yaml).ShouldHaveSingleItem();

    [Fact]
    public void the_error_is_on_the_line_of_the_date() => _error.Line.ShouldBe(LineOf(Yaml, "2024-13-01"));

    [Fact]
    public void the_error_quotes_the_date_and_shows_the_forms_allowed()
    {
        _error.Message.ShouldContain("said '2024-13-01' is not a date");
        _error.Message.ShouldContain("2024-09-27");
    }

    [Fact]
    public void the_error_names_the_file() => _error.File.ShouldBe(FileName);
}

public class when_a_statement_has_no_text
{
    private static readonly string Yaml = Minimal.Replacing("      text: \"U.S. forces are no longer necessary.\"\n", "");

    private readonly SeedError _error = ReadingErrors(Yaml).ShouldHaveSingleItem();

    [Fact]
    public void the_error_is_on_the_first_line_of_the_statement() => _error.Line.ShouldBe(LineOf(Yaml, "id: s1"));

    [Fact]
    public void the_error_names_the_missing_key() => _error.Message.ShouldBe("statement: missing required key 'text'");
}

public class when_a_key_is_misspelt
{
    private static readonly string Yaml = Minimal.Replacing("      text: \"U.S.", "      txt: \"U.S.");

    private readonly IReadOnlyList<SeedError> _errors = ReadingErrors(Yaml);

    [Fact]
    public void the_unknown_key_is_reported_on_its_line() =>
        _errors.ShouldContain(e => e.Line == LineOf(Yaml, "txt:") && e.Message.Contains("unknown key 'txt'"));

    [Fact]
    public void the_error_lists_the_keys_expected() =>
        _errors.First(e => e.Message.Contains("unknown key")).Message.ShouldContain("expected id, by, on, kind, text, attribution, said, speaker, stance, source");

    [Fact]
    public void the_key_it_stood_for_is_reported_missing() =>
        _errors.ShouldContain(e => e.Message == "statement: missing required key 'text'");
}

public class when_a_vocabulary_word_is_unknown
{
    private static readonly string Yaml = Minimal.Replacing("kind: position", "kind: rumour");

    private readonly SeedError _error = ReadingErrors(Yaml).ShouldHaveSingleItem();

    [Fact]
    public void the_error_is_on_the_line_of_the_word() => _error.Line.ShouldBe(LineOf(Yaml, "kind: rumour"));

    [Fact]
    public void the_error_lists_the_choices() =>
        _error.Message.ShouldBe("statement: kind 'rumour' is not one of claim | position | demand | offer | concession | warning | assessment | denial");
}

public class when_an_event_has_two_keys
{
    private static readonly string Yaml = WithEvents("""
          - status:
              to: active
              reason: "Talks began"
            join:
              party: rubin
              role: observer
        """);

    private readonly SeedError _error = ReadingErrors(Yaml).ShouldHaveSingleItem();

    [Fact]
    public void the_error_is_on_the_line_the_event_starts() => _error.Line.ShouldBe(LineOf(Yaml, "- status:"));

    [Fact]
    public void the_error_says_an_event_has_exactly_one_key() => _error.Message.ShouldContain("an event is a mapping with exactly one key");
}

public class when_an_event_kind_is_unknown
{
    private static readonly string Yaml = WithEvents("""
          - rumour:
              by: us
        """);

    private readonly SeedError _error = ReadingErrors(Yaml).ShouldHaveSingleItem();

    [Fact]
    public void the_error_is_on_the_line_of_the_event() => _error.Line.ShouldBe(LineOf(Yaml, "- rumour:"));

    [Fact]
    public void the_error_names_the_kind_and_the_kinds_allowed() =>
        _error.Message.ShouldBe("unknown event 'rumour': use one of statement, proposal, answer, agreement, signature, status, join, report, retraction, denial, clarification, correction, amendment, void, duplicate, grade");
}

public class when_the_yaml_is_badly_indented
{
    private static readonly string Yaml = Minimal.Replacing("""
            name: "Michael Rubin"
            kind: person
        """, """
            name: "Michael Rubin"
           kind: person
        """);

    private readonly SeedError _error = ReadingErrors(Yaml).ShouldHaveSingleItem();

    [Fact]
    public void the_error_is_on_the_line_that_breaks_the_indentation() => _error.Line.ShouldBe(LineOf(Yaml, "   kind: person"));

    [Fact]
    public void the_error_says_the_yaml_is_not_valid() => _error.Message.ShouldStartWith("not valid YAML");
}

public class when_a_key_is_repeated
{
    private static readonly string Yaml = Minimal.Replacing("  title: \"U.S.-Iraq talks\"\n", "  title: \"U.S.-Iraq talks\"\n  title: \"Again\"\n");

    [Fact]
    public void the_error_is_on_the_line_of_the_repeated_key() =>
        ReadingErrors(Yaml).ShouldHaveSingleItem().Line.ShouldBe(LineOf(Yaml, "title: \"Again\""));
}

public class when_a_required_value_is_empty
{
    private static readonly string Yaml = Minimal.Replacing("      attribution: paraphrase\n", "      attribution:\n");

    private readonly SeedError _error = ReadingErrors(Yaml).ShouldHaveSingleItem();

    [Fact]
    public void the_error_is_on_the_line_of_the_empty_key() => _error.Line.ShouldBe(LineOf(Yaml, "attribution:"));

    [Fact]
    public void the_error_names_the_key() => _error.Message.ShouldBe("statement: attribution has no value");
}

public class when_a_seed_file_has_several_errors
{
    private static readonly string Yaml = Minimal
        .Replacing("opened: \"2024\"", "opened: \"last year\"")
        .Replacing("kind: position", "kind: rumour")
        .Replacing("      said: \"2024-09\"\n      source: article", "      said: \"2024-13\"\n      source: article")
        .Replacing("role: commentator", "role: heckler");

    private readonly IReadOnlyList<SeedError> _errors = ReadingErrors(Yaml);

    [Fact]
    public void every_error_is_reported() => _errors.Count.ShouldBe(4);

    [Fact]
    public void each_error_is_on_its_own_line() =>
        _errors.Select(e => e.Line).Order().ShouldBe([LineOf(Yaml, "last year"), LineOf(Yaml, "rumour"), LineOf(Yaml, "2024-13"), LineOf(Yaml, "heckler")]);

    [Fact]
    public void the_exception_message_lists_them_all_with_file_and_line()
    {
        var message = Should.Throw<SeedFileRejected>(() => SeedFileReader.Parse(FileName, Yaml)).Message;

        message.ShouldStartWith("4 errors:");
        message.ShouldContain($"{FileName}:{LineOf(Yaml, "heckler")}: join: role 'heckler' is not one of");
    }
}

public class when_a_seed_file_is_not_a_mapping
{
    [Fact]
    public void the_error_says_what_the_file_must_be() =>
        ReadingErrors("- just\n- a list\n").ShouldHaveSingleItem().Message.ShouldContain("must be a mapping");
}

public class when_a_seed_file_has_no_negotiation
{
    [Fact]
    public void the_missing_key_is_reported() =>
        ReadingErrors("parties: []\n").ShouldContain(e => e.Line == 1 && e.Message == "the file: missing required key 'negotiation'");
}
