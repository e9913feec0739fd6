using NegotiationTracker.Domain.Common;
using NegotiationTracker.Domain.Negotiations;
using NegotiationTracker.Domain.Parties;
using static NegotiationTracker.Domain.Tests.Given;

namespace NegotiationTracker.Domain.Tests.Parties;

file static class Proposed
{
    /// <summary>us and iraq have joined; us tabled two-year-withdrawal and iraq tabled three-year-withdrawal.</summary>
    public static Negotiation In() =>
        OpenedNegotiation("withdrawal-timeline").WithMembers("us", "iraq")
            .WithProposal("two-year-withdrawal", "us", "withdrawal-timeline")
            .WithProposal("three-year-withdrawal", "iraq", "withdrawal-timeline");

    public static Decision Decide(AnswerProposal command, Negotiation? negotiation = null, Party? party = null) =>
        PartyDecider.Decide(command, party ?? RegisteredParty(command.PartyId), negotiation ?? In(), Now);
}

public class when_a_member_accepts_a_proposal
{
    [Fact]
    public void the_answer_is_recorded() =>
        Proposed.Decide(AnswerTo("two-year-withdrawal", "iraq", Answer.Accept))
            .ShouldAppendOnly<ProposalAnswered>()
            .ShouldBe(new ProposalAnswered(NegotiationId, "two-year-withdrawal", "iraq", Answer.Accept, null, September2024, null));
}

public class when_a_member_counters_with_a_proposal_it_tabled
{
    [Fact]
    public void the_answer_names_the_counter_proposal() =>
        Proposed.Decide(AnswerTo("two-year-withdrawal", "iraq", Answer.Counter, "three-year-withdrawal"))
            .ShouldAppendOnly<ProposalAnswered>().CounterProposalId.ShouldBe("three-year-withdrawal");
}

public class when_a_proposal_that_was_never_tabled_is_answered
{
    [Fact]
    public void it_is_not_found_and_names_the_proposal() =>
        Proposed.Decide(AnswerTo("status-of-forces", "iraq", Answer.Accept))
            .ShouldBeRejectedAs("not-found").Message.ShouldContain("proposal status-of-forces");
}

public class when_a_withdrawn_proposal_is_answered
{
    [Fact]
    public void the_rule_is_broken_and_the_proposal_named_withdrawn() =>
        Proposed.Decide(AnswerTo("two-year-withdrawal", "iraq", Answer.Accept), Proposed.In().WithWithdrawnProposal("two-year-withdrawal"))
            .ShouldBeRejectedAs("rule-broken").Message.ShouldContain("proposal two-year-withdrawal is withdrawn");
}

public class when_an_adopted_proposal_is_answered
{
    [Fact]
    public void the_rule_is_broken_and_the_proposal_named_adopted() =>
        Proposed.Decide(AnswerTo("two-year-withdrawal", "iraq", Answer.Reject), Proposed.In().WithAgreement("withdrawal-agreement", "two-year-withdrawal", "us", "iraq"))
            .ShouldBeRejectedAs("rule-broken").Message.ShouldContain("is adopted, not open");
}

public class when_a_party_answers_its_own_proposal
{
    [Fact]
    public void the_rule_is_broken_and_the_party_named() =>
        Proposed.Decide(AnswerTo("two-year-withdrawal", "us", Answer.Accept))
            .ShouldBeRejectedAs("rule-broken").Message.ShouldContain("party us tabled proposal two-year-withdrawal");
}

public class when_a_party_that_has_not_joined_answers_a_proposal
{
    [Fact]
    public void the_rule_is_broken_and_the_party_named() =>
        Proposed.Decide(AnswerTo("two-year-withdrawal", "iran-aligned-factions", Answer.Reject))
            .ShouldBeRejectedAs("rule-broken").Message.ShouldContain("party iran-aligned-factions has not joined");
}

public class when_a_counter_names_no_counter_proposal
{
    [Fact]
    public void the_counter_is_invalid() =>
        Proposed.Decide(AnswerTo("two-year-withdrawal", "iraq", Answer.Counter)).ShouldBeInvalid("counter");
}

public class when_a_counter_names_a_proposal_that_was_never_tabled
{
    [Fact]
    public void it_is_not_found_and_names_the_counter_proposal() =>
        Proposed.Decide(AnswerTo("two-year-withdrawal", "iraq", Answer.Counter, "five-year-withdrawal"))
            .ShouldBeRejectedAs("not-found").Message.ShouldContain("counter-proposal five-year-withdrawal was not tabled by iraq");
}

public class when_a_counter_names_a_proposal_another_party_tabled
{
    [Fact]
    public void it_is_not_found_and_names_the_counter_proposal()
    {
        var negotiation = Proposed.In().WithMembers("kurdistan").WithProposal("kurdish-access", "kurdistan", "withdrawal-timeline");

        Proposed.Decide(AnswerTo("two-year-withdrawal", "iraq", Answer.Counter, "kurdish-access"), negotiation)
            .ShouldBeRejectedAs("not-found").Message.ShouldContain("counter-proposal kurdish-access was not tabled by iraq");
    }
}

public class when_an_acceptance_names_a_counter_proposal
{
    [Fact]
    public void the_counter_is_invalid_and_the_answer_named() =>
        Proposed.Decide(AnswerTo("two-year-withdrawal", "iraq", Answer.Accept, "three-year-withdrawal"))
            .ShouldBeInvalid("counter").Message.ShouldContain("not accept");
}

public class when_an_answer_cites_a_source_that_is_not_registered
{
    [Fact]
    public void it_is_not_found_and_names_the_source() =>
        Proposed.Decide(AnswerTo("two-year-withdrawal", "iraq", Answer.Accept) with { SourceId = "rumour-mill" })
            .ShouldBeRejectedAs("not-found").Message.ShouldContain("source rumour-mill");
}

public class when_an_answer_is_said_in_the_future
{
    [Fact]
    public void it_is_rejected_naming_the_date() =>
        Proposed.Decide(AnswerTo("two-year-withdrawal", "iraq", Answer.Accept) with { Said = Tomorrow }).ShouldBeInvalid("said");
}

public class when_the_same_answer_is_given_twice
{
    [Fact]
    public void nothing_is_appended_the_second_time()
    {
        var command = AnswerTo("two-year-withdrawal", "iraq", Answer.Accept);
        var iraq = RegisteredParty("iraq").After(Proposed.Decide(command));

        Proposed.Decide(command, party: iraq).ShouldAppendNothing();
    }
}

public class when_a_party_answers_the_same_proposal_again_differently
{
    [Fact]
    public void the_new_answer_is_recorded()
    {
        var iraq = RegisteredParty("iraq").After(Proposed.Decide(AnswerTo("two-year-withdrawal", "iraq", Answer.Accept)));

        Proposed.Decide(AnswerTo("two-year-withdrawal", "iraq", Answer.Reject) with { Said = PartialDate.Month(2024, 10) }, party: iraq)
            .ShouldAppendOnly<ProposalAnswered>().Answer.ShouldBe(Answer.Reject);
    }
}

public class when_a_commentator_answers_a_proposal
{
    [Fact]
    public void it_is_refused_naming_the_party_and_its_role() =>
        Proposed.Decide(AnswerTo("two-year-withdrawal", "weinstein", Answer.Reject), Proposed.In().WithMember("weinstein", PartyRole.Commentator))
            .ShouldBeRejectedAs("rule-broken").Message
            .ShouldBe("weinstein is a commentator in us-iraq-withdrawal: a commentator may not answer proposals");
}

public class when_an_observer_answers_a_proposal
{
    [Fact]
    public void it_is_refused_naming_the_party_and_its_role() =>
        Proposed.Decide(AnswerTo("two-year-withdrawal", "un", Answer.Accept), Proposed.In().WithMember("un", PartyRole.Observer))
            .ShouldBeRejectedAs("rule-broken").Message
            .ShouldBe("un is an observer in us-iraq-withdrawal: an observer may not answer proposals");
}

public class when_a_stakeholder_answers_a_proposal
{
    [Fact]
    public void the_answer_is_recorded() =>
        Proposed.Decide(AnswerTo("two-year-withdrawal", "kurdistan", Answer.Reject), Proposed.In().WithMember("kurdistan", PartyRole.Stakeholder))
            .ShouldAppendOnly<ProposalAnswered>().PartyId.ShouldBe("kurdistan");
}

public class when_a_mediator_answers_a_proposal
{
    [Fact]
    public void the_answer_is_recorded() =>
        Proposed.Decide(AnswerTo("two-year-withdrawal", "eu", Answer.Accept), Proposed.In().WithMember("eu", PartyRole.Mediator))
            .ShouldAppendOnly<ProposalAnswered>().PartyId.ShouldBe("eu");
}

public class when_an_answer_stored_in_utc_is_recorded_again_at_the_offset_its_source_gave
{
    [Fact]
    public void nothing_is_appended()
    {
        var stored = new ProposalAnswered(NegotiationId, "two-year-withdrawal", "iraq", Answer.Accept, null, PartialDate.Parse("2024-09-27T11:30:00Z"), null);

        Proposed.Decide(AnswerTo("two-year-withdrawal", "iraq", Answer.Accept) with { Said = PartialDate.Parse("2024-09-27T14:30:00+03:00") }, party: RegisteredParty("iraq").After(stored))
            .ShouldAppendNothing();
    }
}
