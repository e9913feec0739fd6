using NegotiationTracker.Domain.Common;
using NegotiationTracker.Domain.Negotiations;
using static NegotiationTracker.Domain.Tests.Given;

namespace NegotiationTracker.Domain.Tests.Negotiations;

public class when_two_members_reach_an_agreement
{
    [Fact]
    public void the_agreement_is_recorded_with_both_parties() =>
        NegotiationDecider.Decide(
                new ReachAgreement(NegotiationId, "withdrawal-agreement", null, "Withdrawal agreement", [Term("withdrawal-timeline")], ["us", "iraq"], September2024, null),
                OpenedNegotiation("withdrawal-timeline").WithMembers("us", "iraq"),
                Now)
            .ShouldAppendOnly<AgreementReached>().PartyIds.ShouldBe(["us", "iraq"]);
}

public class when_an_agreement_names_a_single_party
{
    [Fact]
    public void it_is_rejected_naming_the_parties() =>
        NegotiationDecider.Decide(
                new ReachAgreement(NegotiationId, "withdrawal-agreement", null, "Withdrawal agreement", [Term("withdrawal-timeline")], ["us"], September2024, null),
                OpenedNegotiation("withdrawal-timeline").WithMembers("us", "iraq"),
                Now)
            .ShouldBeInvalid("parties").Message.ShouldContain("at least two parties");
}

public class when_an_agreement_names_a_party_that_has_not_joined
{
    [Fact]
    public void the_rule_is_broken_and_the_party_named() =>
        NegotiationDecider.Decide(
                new ReachAgreement(NegotiationId, "withdrawal-agreement", null, "Withdrawal agreement", [Term("withdrawal-timeline")], ["us", "iran"], September2024, null),
                OpenedNegotiation("withdrawal-timeline").WithMembers("us", "iraq"),
                Now)
            .ShouldBeRejectedAs("rule-broken").Message.ShouldContain("party iran has not joined");
}

public class when_an_agreement_without_terms_adopts_a_proposal
{
    private readonly Decision _decision = NegotiationDecider.Decide(
        new ReachAgreement(NegotiationId, "withdrawal-agreement", "two-year-withdrawal", "Withdrawal agreement", [], ["us", "iraq"], September2024, null),
        OpenedNegotiation("withdrawal-timeline", "us-troop-presence").WithMembers("us", "iraq")
            .WithProposal("two-year-withdrawal", "us", "withdrawal-timeline", "us-troop-presence"),
        Now);

    [Fact]
    public void it_takes_the_terms_of_the_proposal() =>
        _decision.ShouldAppendOnly<AgreementReached>().Terms.ShouldBe([Term("withdrawal-timeline"), Term("us-troop-presence")]);

    [Fact]
    public void the_proposal_is_adopted()
    {
        var state = OpenedNegotiation("withdrawal-timeline", "us-troop-presence").WithMembers("us", "iraq")
            .WithProposal("two-year-withdrawal", "us", "withdrawal-timeline", "us-troop-presence")
            .After(_decision);

        state.Proposals["two-year-withdrawal"].Status.ShouldBe(ProposalStatus.Adopted);
    }
}

public class when_an_agreement_with_terms_of_its_own_adopts_a_proposal
{
    [Fact]
    public void it_keeps_its_own_terms() =>
        NegotiationDecider.Decide(
                new ReachAgreement(NegotiationId, "withdrawal-agreement", "two-year-withdrawal", "Withdrawal agreement", [Term("us-troop-presence")], ["us", "iraq"], September2024, null),
                OpenedNegotiation("withdrawal-timeline", "us-troop-presence").WithMembers("us", "iraq")
                    .WithProposal("two-year-withdrawal", "us", "withdrawal-timeline"),
                Now)
            .ShouldAppendOnly<AgreementReached>().Terms.ShouldBe([Term("us-troop-presence")]);
}

public class when_an_agreement_adopts_a_withdrawn_proposal
{
    [Fact]
    public void the_rule_is_broken_and_the_proposal_named_withdrawn() =>
        NegotiationDecider.Decide(
                new ReachAgreement(NegotiationId, "withdrawal-agreement", "two-year-withdrawal", "Withdrawal agreement", [], ["us", "iraq"], September2024, null),
                OpenedNegotiation("withdrawal-timeline").WithMembers("us", "iraq")
                    .WithProposal("two-year-withdrawal", "us", "withdrawal-timeline")
                    .WithWithdrawnProposal("two-year-withdrawal"),
                Now)
            .ShouldBeRejectedAs("rule-broken").Message.ShouldContain("proposal two-year-withdrawal was withdrawn");
}

public class when_an_agreement_adopts_a_proposal_another_agreement_adopted
{
    [Fact]
    public void the_rule_is_broken_and_the_other_agreement_named() =>
        NegotiationDecider.Decide(
                new ReachAgreement(NegotiationId, "second-agreement", "two-year-withdrawal", "Second agreement", [], ["us", "iraq"], September2024, null),
                OpenedNegotiation("withdrawal-timeline").WithMembers("us", "iraq")
                    .WithProposal("two-year-withdrawal", "us", "withdrawal-timeline")
                    .WithAgreement("withdrawal-agreement", "two-year-withdrawal", "us", "iraq"),
                Now)
            .ShouldBeRejectedAs("rule-broken").Message.ShouldContain("agreement withdrawal-agreement");
}

public class when_an_agreement_adopts_a_proposal_that_was_never_tabled
{
    [Fact]
    public void it_is_not_found_and_names_the_proposal() =>
        NegotiationDecider.Decide(
                new ReachAgreement(NegotiationId, "withdrawal-agreement", "two-year-withdrawal", "Withdrawal agreement", [], ["us", "iraq"], September2024, null),
                OpenedNegotiation("withdrawal-timeline").WithMembers("us", "iraq"),
                Now)
            .ShouldBeRejectedAs("not-found").Message.ShouldContain("proposal two-year-withdrawal");
}

public class when_the_same_agreement_is_recorded_again
{
    [Fact]
    public void nothing_is_appended()
    {
        ReachAgreement Command() => new(NegotiationId, "withdrawal-agreement", "two-year-withdrawal", "Withdrawal agreement", [], ["us", "iraq"], September2024, null);
        var state = OpenedNegotiation("withdrawal-timeline").WithMembers("us", "iraq").WithProposal("two-year-withdrawal", "us", "withdrawal-timeline");
        state = state.After(NegotiationDecider.Decide(Command(), state, Now));

        NegotiationDecider.Decide(Command(), state, Now).ShouldAppendNothing();
    }
}

public class when_an_agreement_id_is_used_again_for_another_agreement
{
    [Fact]
    public void it_is_a_conflict_that_names_the_agreement_it_already_is() =>
        NegotiationDecider.Decide(
                new ReachAgreement(NegotiationId, "withdrawal-agreement", null, "Another agreement", [Term("withdrawal-timeline")], ["us", "iraq"], September2024, null),
                OpenedNegotiation("withdrawal-timeline").WithMembers("us", "iraq").WithAgreement("withdrawal-agreement", null, "us", "iraq"),
                Now)
            .ShouldBeRejectedAs("conflict").Message.ShouldContain("\"Title of withdrawal-agreement\"");
}

public class when_an_agreement_is_said_to_be_reached_in_the_future
{
    [Fact]
    public void it_is_rejected_naming_the_date() =>
        NegotiationDecider.Decide(
                new ReachAgreement(NegotiationId, "withdrawal-agreement", null, "Withdrawal agreement", [Term("withdrawal-timeline")], ["us", "iraq"], Tomorrow, null),
                OpenedNegotiation("withdrawal-timeline").WithMembers("us", "iraq"),
                Now)
            .ShouldBeInvalid("said");
}

public class when_an_agreement_names_an_observer_as_a_party
{
    [Fact]
    public void it_is_refused_naming_the_party_and_its_role() =>
        NegotiationDecider.Decide(
                new ReachAgreement(NegotiationId, "withdrawal-agreement", null, "Withdrawal agreement", [Term("withdrawal-timeline")], ["us", "iraq", "un"], September2024, null),
                OpenedNegotiation("withdrawal-timeline").WithMembers("us", "iraq").WithMember("un", PartyRole.Observer),
                Now)
            .ShouldBeRejectedAs("rule-broken").Message.ShouldBe("un is an observer in us-iraq-withdrawal: an observer may not be a party to an agreement");
}
