using NegotiationTracker.Domain.Common;
using NegotiationTracker.Domain.Negotiations;
using static NegotiationTracker.Domain.Tests.Given;

namespace NegotiationTracker.Domain.Tests.Negotiations;

public class when_the_tabling_party_withdraws_its_proposal
{
    [Fact]
    public void the_proposal_is_withdrawn() =>
        NegotiationDecider.Decide(
                new WithdrawProposal(NegotiationId, "two-year-withdrawal", "us", "Talks moved on", September2024),
                OpenedNegotiation("withdrawal-timeline").WithMembers("us", "iraq").WithProposal("two-year-withdrawal", "us", "withdrawal-timeline"),
                Now)
            .ShouldAppendOnly<ProposalWithdrawn>().ShouldBe(new ProposalWithdrawn(NegotiationId, "two-year-withdrawal", "us", "Talks moved on", September2024));
}

public class when_another_party_withdraws_a_proposal
{
    [Fact]
    public void the_rule_is_broken_and_the_tabling_party_named() =>
        NegotiationDecider.Decide(
                new WithdrawProposal(NegotiationId, "two-year-withdrawal", "iraq", null, September2024),
                OpenedNegotiation("withdrawal-timeline").WithMembers("us", "iraq").WithProposal("two-year-withdrawal", "us", "withdrawal-timeline"),
                Now)
            .ShouldBeRejectedAs("rule-broken").Message.ShouldContain("only us");
}

public class when_a_withdrawn_proposal_is_withdrawn_again
{
    [Fact]
    public void nothing_is_appended() =>
        NegotiationDecider.Decide(
                new WithdrawProposal(NegotiationId, "two-year-withdrawal", "us", null, September2024),
                OpenedNegotiation("withdrawal-timeline").WithMembers("us").WithProposal("two-year-withdrawal", "us", "withdrawal-timeline").WithWithdrawnProposal("two-year-withdrawal"),
                Now)
            .ShouldAppendNothing();
}

public class when_a_proposal_that_became_an_agreement_is_withdrawn
{
    [Fact]
    public void the_rule_is_broken_and_the_agreement_named() =>
        NegotiationDecider.Decide(
                new WithdrawProposal(NegotiationId, "two-year-withdrawal", "us", null, September2024),
                OpenedNegotiation("withdrawal-timeline").WithMembers("us", "iraq")
                    .WithProposal("two-year-withdrawal", "us", "withdrawal-timeline")
                    .WithAgreement("withdrawal-agreement", "two-year-withdrawal", "us", "iraq"),
                Now)
            .ShouldBeRejectedAs("rule-broken").Message.ShouldContain("agreement withdrawal-agreement");
}

public class when_a_proposal_that_was_never_tabled_is_withdrawn
{
    [Fact]
    public void it_is_not_found_and_names_the_proposal() =>
        NegotiationDecider.Decide(new WithdrawProposal(NegotiationId, "two-year-withdrawal", "us", null, September2024), OpenedNegotiation().WithMembers("us"), Now)
            .ShouldBeRejectedAs("not-found").Message.ShouldContain("proposal two-year-withdrawal");
}

public class when_an_observer_withdraws_a_proposal_it_tabled_before_the_role_rules
{
    // The ledger may hold a proposal an observer tabled before roles were enforced; it is no licence to act now.
    [Fact]
    public void it_is_refused_naming_the_party_and_its_role() =>
        NegotiationDecider.Decide(
                new WithdrawProposal(NegotiationId, "un-plan", "un", null, September2024),
                OpenedNegotiation("withdrawal-timeline").WithMembers("us").WithMember("un", PartyRole.Observer).WithProposal("un-plan", "un", "withdrawal-timeline"),
                Now)
            .ShouldBeRejectedAs("rule-broken").Message.ShouldBe("un is an observer in us-iraq-withdrawal: an observer may not withdraw proposals");
}
