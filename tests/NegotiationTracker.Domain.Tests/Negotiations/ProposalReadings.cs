using NegotiationTracker.Domain.Common;
using NegotiationTracker.Domain.Negotiations;
using NegotiationTracker.Domain.Parties;

namespace NegotiationTracker.Domain.Tests.Negotiations;

public sealed class when_a_proposals_status_is_worked_out
{
    private static readonly ProposalTabled Tabled = new("talks", "p1", "us", "A proposal", [new Term("withdrawal", "Out in a year.")], PartialDate.Month(2024, 9), null);

    private static ProposalReading Read(params object[] facts) =>
        facts.Aggregate(ProposalReading.Evolve(null, Tabled)!, (reading, fact) => ProposalReading.Evolve(reading, fact)!);

    private static ProposalAnswered Answered(string party, Answer answer, string? counter = null) =>
        new("talks", "p1", party, answer, counter, PartialDate.Month(2024, 10), null);

    [Fact]
    public void without_answers_it_is_open_and_on_the_table() =>
        Read().Status.ShouldSatisfyAllConditions(
            s => s.ShouldBe("open"),
            s => ProposalReading.OnTheTable(s).ShouldBeTrue());

    [Fact]
    public void accepted_by_everyone_who_answered_it_is_accepted_and_still_on_the_table() =>
        Read(Answered("iraq", Answer.Accept), Answered("kurdistan", Answer.Accept)).Status.ShouldSatisfyAllConditions(
            s => s.ShouldBe("accepted"),
            s => ProposalReading.OnTheTable(s).ShouldBeTrue());

    [Fact]
    public void one_rejection_makes_it_rejected_and_off_the_table() =>
        Read(Answered("iraq", Answer.Accept), Answered("kurdistan", Answer.Reject)).Status.ShouldSatisfyAllConditions(
            s => s.ShouldBe("rejected"),
            s => ProposalReading.OnTheTable(s).ShouldBeFalse());

    [Fact]
    public void a_counter_proposal_makes_it_countered_even_beside_a_rejection() =>
        Read(Answered("iraq", Answer.Reject), Answered("kurdistan", Answer.Counter, "p2")).Status.ShouldBe("countered");

    [Fact]
    public void a_party_that_changes_its_answer_counts_with_its_latest() =>
        Read(Answered("iraq", Answer.Reject), Answered("iraq", Answer.Accept)).Status.ShouldBe("accepted");

    [Fact]
    public void a_withdrawn_proposal_stays_withdrawn_when_an_answer_is_recorded_after() =>
        Read(Answered("iraq", Answer.Accept), new ProposalWithdrawn("talks", "p1", "us", null, null), Answered("iraq", Answer.Reject)).Status.ShouldBe("withdrawn");

    [Fact]
    public void an_adopted_proposal_stays_adopted_whatever_is_answered_after() =>
        Read(new AgreementReached("talks", "a1", "p1", "The deal", [], ["us", "iraq"], null, null), Answered("iraq", Answer.Reject)).Status.ShouldBe("adopted");

    [Fact]
    public void facts_about_another_proposal_change_nothing() =>
        Read(new ProposalWithdrawn("talks", "p2", "us", null, null)).Status.ShouldBe("open");
}

public sealed class when_a_statement_is_read_after_its_corrections
{
    private static readonly StatementMade Made = new("s1", "talks", "taliban", null, StatementKind.Position, Stance.Supports, ["withdrawal"], "We want it.", Attribution.Quote, PartialDate.Month(2020, 3), "wire");

    private static StatementReading Read(params IStatementAnnotation[] facts) =>
        facts.Aggregate(StatementReading.Evolve(null, Made)!, (reading, fact) => StatementReading.Evolve(reading, fact)!);

    [Fact]
    public void amendments_change_the_current_fields_and_keep_the_original() =>
        Read(new RecordAmended("talks", "s1", "taliban", "stance", "supports", "opposes", "misread"), new RecordAmended("talks", "s1", "taliban", "said", "2020-03", "2020-03-01", "the day"))
            .ShouldSatisfyAllConditions(
                r => r.Current.Stance.ShouldBe(Stance.Opposes),
                r => r.Current.Said.ShouldBe(PartialDate.Day(2020, 3, 1)),
                r => r.Original.ShouldBe(Made));

    [Fact]
    public void a_void_record_stays_void_when_a_duplicate_link_is_removed() =>
        Read(new DuplicateLinked("talks", "s1", "taliban", "s0", "twice"), new RecordVoided("talks", "s1", "taliban", "error"), new DuplicateUnlinked("talks", "s1", "taliban", "s0", "not twice"))
            .Standing.Status.ShouldBe("void");

    [Fact]
    public void a_retracted_record_stays_retracted_when_a_duplicate_link_is_removed() =>
        Read(new StatementRetracted("talks", "s1", "taliban", "withdrawn", null), new DuplicateLinked("talks", "s1", "taliban", "s0", "twice"), new DuplicateUnlinked("talks", "s1", "taliban", "s0", "not twice"))
            .Standing.Status.ShouldBe("retracted");

    [Fact]
    public void an_unlinked_duplicate_stands_again() =>
        Read(new DuplicateLinked("talks", "s1", "taliban", "s0", "twice"), new DuplicateUnlinked("talks", "s1", "taliban", "s0", "not twice"))
            .Standing.Status.ShouldBe("standing");

    [Fact]
    public void a_denied_statement_stands_contested() =>
        Read(new StatementDenied("talks", "s1", "taliban", "never said", null)).Standing.ShouldSatisfyAllConditions(
            s => s.Stands.ShouldBeTrue(),
            s => s.Contested.ShouldBeTrue(),
            s => s.Status.ShouldBe("standing"));

    [Fact]
    public void a_retracted_statement_is_on_the_record_but_a_void_one_and_a_duplicate_are_not()
    {
        Read(new StatementRetracted("talks", "s1", "taliban", "withdrawn", null)).Standing.OnRecord.ShouldBeTrue();
        Read(new RecordVoided("talks", "s1", "taliban", "error")).Standing.OnRecord.ShouldBeFalse();
        Read(new DuplicateLinked("talks", "s1", "taliban", "s0", "twice")).Standing.OnRecord.ShouldBeFalse();
    }

    [Fact]
    public void an_ungraded_statement_passes_a_minimum_credibility_and_one_graded_worse_does_not()
    {
        Read().Standing.Passes(new EvidenceFilter(MinCredibility: 2)).ShouldBeTrue();
        Read(new StatementGraded("talks", "s1", "taliban", 4, "one source")).Standing.Passes(new EvidenceFilter(MinCredibility: 2)).ShouldBeFalse();
        Read(new StatementGraded("talks", "s1", "taliban", 2, "two sources")).Standing.Passes(new EvidenceFilter(MinCredibility: 2)).ShouldBeTrue();
    }

    [Fact]
    public void an_outlets_correction_is_kept_with_its_own_report() =>
        Read(new StatementReported("talks", "s1", "taliban", "nyt", Attribution.Paraphrase, "They want it.", null, null), new ReportCorrected("talks", "s1", "taliban", "nyt", "It was a paraphrase.", null))
            .Reports.ShouldHaveSingleItem().Corrections.ShouldBe(["It was a paraphrase."]);

    [Fact]
    public void facts_about_another_statement_change_nothing() =>
        Read(new StatementRetracted("talks", "s2", "taliban", "withdrawn", null)).Standing.Status.ShouldBe("standing");
}
