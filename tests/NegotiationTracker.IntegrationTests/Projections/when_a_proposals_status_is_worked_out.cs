using NegotiationTracker.Domain.Common;
using NegotiationTracker.Projections.Proposals;

namespace NegotiationTracker.IntegrationTests.Projections;

public sealed class when_a_proposals_status_is_worked_out
{
    [Fact]
    public void without_answers_it_is_open_and_on_the_table() =>
        ProposalStatuses.Of(false, false, []).ShouldSatisfyAllConditions(
            s => s.ShouldBe("open"),
            s => ProposalStatuses.OnTheTable(s).ShouldBeTrue());

    [Fact]
    public void accepted_by_everyone_who_answered_it_is_accepted_and_still_on_the_table() =>
        ProposalStatuses.Of(false, false, [("iraq", Answer.Accept), ("kurdistan", Answer.Accept)]).ShouldSatisfyAllConditions(
            s => s.ShouldBe("accepted"),
            s => ProposalStatuses.OnTheTable(s).ShouldBeTrue());

    [Fact]
    public void one_rejection_makes_it_rejected_and_off_the_table() =>
        ProposalStatuses.Of(false, false, [("iraq", Answer.Accept), ("kurdistan", Answer.Reject)]).ShouldSatisfyAllConditions(
            s => s.ShouldBe("rejected"),
            s => ProposalStatuses.OnTheTable(s).ShouldBeFalse());

    [Fact]
    public void a_counter_proposal_makes_it_countered_even_beside_a_rejection() =>
        ProposalStatuses.Of(false, false, [("iraq", Answer.Reject), ("kurdistan", Answer.Counter)]).ShouldBe("countered");

    [Fact]
    public void a_party_that_changes_its_answer_counts_with_its_latest() =>
        ProposalStatuses.Of(false, false, [("iraq", Answer.Reject), ("iraq", Answer.Accept)]).ShouldBe("accepted");

    [Fact]
    public void withdrawn_and_adopted_win_over_any_answer()
    {
        ProposalStatuses.Of(true, false, [("iraq", Answer.Accept)]).ShouldBe("withdrawn");
        ProposalStatuses.Of(false, true, [("iraq", Answer.Reject)]).ShouldBe("adopted");
    }
}
