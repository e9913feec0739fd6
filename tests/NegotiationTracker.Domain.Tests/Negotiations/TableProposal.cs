using NegotiationTracker.Domain.Common;
using NegotiationTracker.Domain.Negotiations;
using static NegotiationTracker.Domain.Tests.Given;

namespace NegotiationTracker.Domain.Tests.Negotiations;

public class when_a_member_tables_a_proposal
{
    private readonly Decision _decision = NegotiationDecider.Decide(
        new TableProposal(NegotiationId, "two-year-withdrawal", "us", "Withdrawal over two years", [Term("withdrawal-timeline")], September2024, "article"),
        OpenedNegotiation("withdrawal-timeline").WithMembers("us", "iraq").WithSource("article"),
        Now);

    [Fact]
    public void the_proposal_is_tabled_by_that_party()
    {
        var tabled = _decision.ShouldAppendOnly<ProposalTabled>();

        tabled.ProposalId.ShouldBe("two-year-withdrawal");
        tabled.PartyId.ShouldBe("us");
        tabled.SourceId.ShouldBe("article");
    }

    [Fact]
    public void the_proposal_carries_its_terms() => _decision.ShouldAppendOnly<ProposalTabled>().Terms.ShouldBe([Term("withdrawal-timeline")]);
}

public class when_a_party_that_has_not_joined_tables_a_proposal
{
    [Fact]
    public void the_rule_is_broken_and_the_party_named() =>
        NegotiationDecider.Decide(
                new TableProposal(NegotiationId, "two-year-withdrawal", "iran", "Withdrawal", [Term("withdrawal-timeline")], September2024, null),
                OpenedNegotiation("withdrawal-timeline").WithMembers("us", "iraq"),
                Now)
            .ShouldBeRejectedAs("rule-broken").Message.ShouldContain("party iran has not joined");
}

public class when_a_term_names_an_issue_the_negotiation_does_not_have
{
    [Fact]
    public void it_is_not_found_and_names_the_issue() =>
        NegotiationDecider.Decide(
                new TableProposal(NegotiationId, "two-year-withdrawal", "us", "Withdrawal", [Term("withdrawal-timeline"), Term("oil-revenue")], September2024, null),
                OpenedNegotiation("withdrawal-timeline").WithMembers("us"),
                Now)
            .ShouldBeRejectedAs("not-found").Message.ShouldContain("issue oil-revenue");
}

public class when_a_proposal_has_no_terms
{
    [Fact]
    public void it_is_rejected_naming_the_terms() =>
        NegotiationDecider.Decide(
                new TableProposal(NegotiationId, "two-year-withdrawal", "us", "Withdrawal", [], September2024, null),
                OpenedNegotiation("withdrawal-timeline").WithMembers("us"),
                Now)
            .ShouldBeInvalid("terms").Message.ShouldContain("at least one term");
}

public class when_a_proposal_cites_a_source_that_is_not_registered
{
    [Fact]
    public void it_is_not_found_and_names_the_source() =>
        NegotiationDecider.Decide(
                new TableProposal(NegotiationId, "two-year-withdrawal", "us", "Withdrawal", [Term("withdrawal-timeline")], September2024, "rumour-mill"),
                OpenedNegotiation("withdrawal-timeline").WithMembers("us"),
                Now)
            .ShouldBeRejectedAs("not-found").Message.ShouldContain("source rumour-mill");
}

public class when_a_proposal_id_is_used_again_for_other_content
{
    private readonly Decision _decision = NegotiationDecider.Decide(
        new TableProposal(NegotiationId, "two-year-withdrawal", "us", "Withdrawal over three years", [Term("withdrawal-timeline")], September2024, null),
        OpenedNegotiation("withdrawal-timeline").WithMembers("us").WithProposal("two-year-withdrawal", "us", "withdrawal-timeline"),
        Now);

    [Fact]
    public void it_is_a_conflict() => _decision.ShouldBeRejectedAs("conflict");

    [Fact]
    public void the_conflict_names_the_proposal_it_already_is() => _decision.Rejection!.Message.ShouldContain("\"Title of two-year-withdrawal\"");
}

public class when_a_proposal_is_tabled_again_with_other_terms
{
    [Fact]
    public void it_is_a_conflict() =>
        NegotiationDecider.Decide(
                new TableProposal(NegotiationId, "two-year-withdrawal", "us", "Title of two-year-withdrawal", [Term("us-troop-presence")], September2024, null),
                OpenedNegotiation("withdrawal-timeline", "us-troop-presence").WithMembers("us").WithProposal("two-year-withdrawal", "us", "withdrawal-timeline"),
                Now)
            .ShouldBeRejectedAs("conflict");
}

public class when_the_same_proposal_is_tabled_again
{
    [Fact]
    public void nothing_is_appended()
    {
        TableProposal Command() => new(NegotiationId, "two-year-withdrawal", "us", "Withdrawal", [Term("withdrawal-timeline"), Term("us-troop-presence")], September2024, null);
        var state = OpenedNegotiation("withdrawal-timeline", "us-troop-presence").WithMembers("us");
        state = state.After(NegotiationDecider.Decide(Command(), state, Now));

        // A retry carries equal terms in a list of its own.
        NegotiationDecider.Decide(Command(), state, Now).ShouldAppendNothing();
    }
}

public class when_a_proposal_is_said_to_be_tabled_in_the_future
{
    [Fact]
    public void it_is_rejected_naming_the_date() =>
        NegotiationDecider.Decide(
                new TableProposal(NegotiationId, "two-year-withdrawal", "us", "Withdrawal", [Term("withdrawal-timeline")], Tomorrow, null),
                OpenedNegotiation("withdrawal-timeline").WithMembers("us"),
                Now)
            .ShouldBeInvalid("said");
}

public class when_a_commentator_tables_a_proposal
{
    [Fact]
    public void it_is_refused_naming_the_party_and_its_role() =>
        NegotiationDecider.Decide(
                new TableProposal(NegotiationId, "rubin-plan", "rubin", "Stay indefinitely", [Term("withdrawal-timeline")], September2024, null),
                OpenedNegotiation("withdrawal-timeline").WithMembers("us", "iraq").WithMember("rubin", PartyRole.Commentator),
                Now)
            .ShouldBeRejectedAs("rule-broken").Message.ShouldBe("rubin is a commentator in us-iraq-withdrawal: a commentator may not table proposals");
}

public class when_a_stakeholder_tables_a_proposal
{
    [Fact]
    public void the_proposal_is_tabled() =>
        NegotiationDecider.Decide(
                new TableProposal(NegotiationId, "kurdish-access", "kurdistan", "Access to the Kurdish region", [Term("withdrawal-timeline")], September2024, null),
                OpenedNegotiation("withdrawal-timeline").WithMembers("us", "iraq").WithMember("kurdistan", PartyRole.Stakeholder),
                Now)
            .ShouldAppendOnly<ProposalTabled>().PartyId.ShouldBe("kurdistan");
}
