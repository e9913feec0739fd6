using NegotiationTracker.Domain.Common;
using NegotiationTracker.Domain.Negotiations;
using NegotiationTracker.Domain.Parties;
using static NegotiationTracker.Domain.Tests.Given;

namespace NegotiationTracker.Domain.Tests.Parties;

file static class Spoken
{
    /// <summary>iraq has joined a negotiation on two issues that cites one source; iran-aligned-factions is registered but has not joined.</summary>
    public static Negotiation In() => OpenedNegotiation("us-troop-presence", "isis-resurgence-risk").WithMembers("us", "iraq").WithSource("article");

    /// <summary>iraq, with its prime minister.</summary>
    public static Party Iraq() => RegisteredParty("iraq", "al-sudani");

    public static Decision Decide(MakeStatement command, Party? party = null) => PartyDecider.Decide(command, party ?? Iraq(), In(), Now);
}

public class when_a_member_speaks_through_one_of_its_people
{
    private readonly Decision _decision = Spoken.Decide(Statement() with { SpeakerId = "al-sudani", SourceId = "article" });

    [Fact]
    public void the_statement_is_made_by_the_party()
    {
        var made = _decision.ShouldAppendOnly<StatementMade>();

        made.PartyId.ShouldBe("iraq");
        made.SpeakerId.ShouldBe("al-sudani");
        made.StatementId.ShouldBe("sudani-us-forces-unnecessary");
    }

    [Fact]
    public void the_statement_keeps_its_text_issues_and_source()
    {
        var made = _decision.ShouldAppendOnly<StatementMade>();

        made.Text.ShouldBe("U.S. forces are no longer necessary in Iraq.");
        made.IssueIds.ShouldBe(["us-troop-presence"]);
        made.SourceId.ShouldBe("article");
    }
}

public class when_a_party_that_has_not_joined_speaks
{
    [Fact]
    public void the_statement_is_rejected_and_names_the_party() =>
        Spoken.Decide(Statement(partyId: "iran-aligned-factions"), RegisteredParty("iran-aligned-factions"))
            .ShouldBeRejectedAs("rule-broken").Message.ShouldContain("party iran-aligned-factions has not joined");
}

public class when_a_party_that_is_not_registered_speaks
{
    [Fact]
    public void the_statement_is_not_found_and_names_the_party() =>
        PartyDecider.Decide(Statement(), null, Spoken.In(), Now).ShouldBeRejectedAs("not-found").Message.ShouldContain("party iraq is not registered");
}

public class when_a_party_speaks_in_a_negotiation_that_is_not_opened
{
    [Fact]
    public void the_statement_is_not_found_and_names_the_negotiation() =>
        PartyDecider.Decide(Statement(), Spoken.Iraq(), null, Now).ShouldBeRejectedAs("not-found").Message.ShouldContain($"negotiation {NegotiationId}");
}

public class when_the_speaker_is_not_one_of_the_partys_people
{
    [Fact]
    public void the_statement_is_not_found_and_names_the_speaker() =>
        Spoken.Decide(Statement() with { SpeakerId = "weinstein" })
            .ShouldBeRejectedAs("not-found").Message.ShouldContain("speaker weinstein is not one of iraq's people");
}

public class when_a_statement_is_on_an_issue_the_negotiation_does_not_have
{
    [Fact]
    public void the_statement_is_not_found_and_names_the_issue() =>
        Spoken.Decide(Statement() with { IssueIds = ["us-troop-presence", "oil-revenue"] })
            .ShouldBeRejectedAs("not-found").Message.ShouldContain("issue oil-revenue");
}

public class when_a_statement_cites_a_source_that_is_not_registered
{
    [Fact]
    public void the_statement_is_not_found_and_names_the_source() =>
        Spoken.Decide(Statement() with { SourceId = "rumour-mill" })
            .ShouldBeRejectedAs("not-found").Message.ShouldContain("source rumour-mill");
}

public class when_a_statement_takes_a_stance_on_no_issue
{
    [Fact]
    public void the_stance_is_invalid() => Spoken.Decide(Statement() with { IssueIds = [] }).ShouldBeInvalid("stance");
}

public class when_a_statement_on_no_issue_takes_no_stance
{
    [Fact]
    public void the_statement_is_made() => Spoken.Decide(Statement() with { IssueIds = [], Stance = null }).ShouldAppendOnly<StatementMade>();
}

public class when_a_statement_names_an_issue_twice
{
    [Fact]
    public void the_issues_are_invalid() =>
        Spoken.Decide(Statement() with { IssueIds = ["us-troop-presence", "us-troop-presence"] }).ShouldBeInvalid("issues");
}

public class when_a_statement_text_holds_a_control_character
{
    [Theory]
    [InlineData("U.S. forces \u0007are no longer necessary.", "U+0007")]
    [InlineData("U.S. forces are \u202Eno longer necessary.", "U+202E")]
    [InlineData("U.S. forces are \u2066no longer\u2069 necessary.", "U+2066")]
    [InlineData("U.S. forces are\u0000 no longer necessary.", "U+0000")]
    public void the_text_is_rejected_naming_the_character(string text, string character) =>
        Spoken.Decide(Statement() with { Text = text }).ShouldBeInvalid("text").Message.ShouldContain(character);
}

public class when_a_statement_text_runs_over_several_lines
{
    [Fact]
    public void the_line_breaks_and_tabs_are_kept() =>
        Spoken.Decide(Statement() with { Text = "First line.\r\nSecond line,\tindented." })
            .ShouldAppendOnly<StatementMade>().Text.ShouldBe("First line.\r\nSecond line,\tindented.");
}

public class when_a_statement_text_is_longer_than_the_limit
{
    [Fact]
    public void the_text_is_rejected_naming_the_limit() =>
        Spoken.Decide(Statement() with { Text = new string('a', Validate.MaxTextLength + 1) })
            .ShouldBeInvalid("text").Message.ShouldContain("20000");

    [Fact]
    public void a_text_at_the_limit_is_made() =>
        Spoken.Decide(Statement() with { Text = new string('a', Validate.MaxTextLength) }).ShouldAppendOnly<StatementMade>();
}

public class when_a_statement_has_no_text
{
    [Fact]
    public void the_text_is_rejected_as_required() => Spoken.Decide(Statement() with { Text = "  " }).ShouldBeInvalid("text").Message.ShouldContain("required");
}

public class when_a_statement_id_is_not_a_slug
{
    [Theory]
    [InlineData("S 1")]
    [InlineData("Bad_Id")]
    [InlineData("double--hyphen")]
    [InlineData("-leading")]
    public void the_statement_is_rejected_naming_the_field_and_the_id(string statementId) =>
        Spoken.Decide(Statement(statementId)).ShouldBeInvalid("statement id").Message.ShouldContain($"'{statementId}'");
}

public class when_a_statement_id_is_longer_than_an_id_may_be
{
    [Fact]
    public void the_statement_is_rejected_naming_the_field() =>
        Spoken.Decide(Statement(new string('s', Validate.MaxIdLength + 1))).ShouldBeInvalid("statement id");
}

public class when_a_statement_is_said_in_the_future
{
    [Fact]
    public void the_statement_is_rejected_naming_the_date() =>
        Spoken.Decide(Statement() with { Said = Tomorrow }).ShouldBeInvalid("said").Message.ShouldContain("2026-11-26 is in the future");

    [Fact]
    public void a_statement_said_in_the_month_of_now_is_made() =>
        Spoken.Decide(Statement() with { Said = PartialDate.Month(2026, 11) }).ShouldAppendOnly<StatementMade>();
}

public class when_the_same_statement_is_made_again
{
    [Fact]
    public void nothing_is_appended()
    {
        var party = Spoken.Iraq().After(Spoken.Decide(Statement()));

        // The retry carries equal issues in a list of its own.
        Spoken.Decide(Statement() with { IssueIds = ["us-troop-presence"] }, party).ShouldAppendNothing();
    }
}

public class when_a_statement_id_is_used_again_for_other_text
{
    [Fact]
    public void it_is_a_conflict_that_names_the_id()
    {
        var party = Spoken.Iraq().After(Spoken.Decide(Statement()));

        Spoken.Decide(Statement() with { Text = "U.S. forces are still needed." }, party)
            .ShouldBeRejectedAs("conflict").Message.ShouldContain("statement id sudani-us-forces-unnecessary");
    }
}

public class when_a_statement_id_is_used_again_for_other_issues
{
    [Fact]
    public void it_is_a_conflict()
    {
        var party = Spoken.Iraq().After(Spoken.Decide(Statement()));

        Spoken.Decide(Statement() with { IssueIds = ["isis-resurgence-risk"] }, party).ShouldBeRejectedAs("conflict");
    }
}

public class when_a_statement_id_is_used_again_in_another_negotiation
{
    [Fact]
    public void the_statement_is_made()
    {
        var party = Spoken.Iraq().After(new StatementMade(
            "sudani-us-forces-unnecessary", "another-negotiation", "iraq", null, StatementKind.Claim, null, [], "Something else.", Attribution.Quote, September2024, null));

        Spoken.Decide(Statement(), party).ShouldAppendOnly<StatementMade>();
    }
}
