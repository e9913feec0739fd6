using Marten;
using NegotiationTracker.Domain.Common;
using NegotiationTracker.Domain.Negotiations;
using NegotiationTracker.Domain.Parties;
using NegotiationTracker.IntegrationTests.Fixtures;
using NegotiationTracker.Projections.Agreements;
using NegotiationTracker.Projections.Dossiers;
using NegotiationTracker.Projections.Negotiations;
using NegotiationTracker.Projections.Positions;
using NegotiationTracker.Projections.Proposals;
using NegotiationTracker.Projections.Statements;
using NegotiationTracker.Projections.Timeline;

namespace NegotiationTracker.IntegrationTests.Projections;

/// <summary>
/// A negotiation played through the grains with its dates recorded out of order: a counter-proposal, an agreement signed
/// by one party and then the other, a party that changes its stance, and a party that also speaks in another negotiation.
/// </summary>
public sealed class ScriptedNegotiationFixture : IAsyncLifetime
{
    public LedgerFixture Ledger { get; } = new();

    public Scenario Talks { get; private set; } = null!;

    public Scenario OtherTalks { get; private set; } = null!;

    public string Us { get; private set; } = "";

    public string Iraq { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await Ledger.InitializeAsync();
        Talks = await new Scenario(Ledger.Grains).OpenAsync();
        Us = await Talks.RegisterAsync("us");
        Iraq = await Talks.RegisterAsync("iraq");
        var r = Talks.Recording;

        // Recorded in this order, said in another: September, then a day in October, then August, then the year 2024.
        await Accept(Talks.Party(Iraq).Execute(Talks.Statement(Iraq, "sep", "We support withdrawal.", Stance.Supports) with { Said = PartialDate.Month(2024, 9) }, r));
        await Accept(Talks.Party(Iraq).Execute(Talks.Statement(Iraq, "oct", "We now oppose a quick withdrawal.", Stance.Opposes) with { Said = PartialDate.Day(2024, 10, 2) }, r));
        await Accept(Talks.Party(Iraq).Execute(Talks.Statement(Iraq, "aug", "Withdrawal is welcome.", Stance.Supports) with { Said = PartialDate.Month(2024, 8) }, r));
        await Accept(Talks.Party(Us).Execute(Talks.Statement(Us, "year", "Talks are under way.", stance: null) with { Said = PartialDate.Year(2024), IssueIds = [] }, r));

        var terms = new[] { new Term(Talks.Issue, "All troops leave within a year.") };
        await Accept(Talks.Negotiation.Execute(new TableProposal(Talks.NegotiationId, "p1", Us, "One-year withdrawal", terms, PartialDate.Day(2024, 10, 5), "article"), r));
        await Accept(Talks.Negotiation.Execute(new TableProposal(Talks.NegotiationId, "p2", Iraq, "Two-year withdrawal", [new Term(Talks.Issue, "All troops leave within two years.")], PartialDate.Day(2024, 10, 6), null), r));
        await Accept(Talks.Party(Iraq).Execute(new AnswerProposal(Talks.NegotiationId, "p1", Iraq, Answer.Counter, "p2", PartialDate.Day(2024, 10, 6), null), r));
        await Accept(Talks.Party(Us).Execute(new AnswerProposal(Talks.NegotiationId, "p2", Us, Answer.Accept, null, PartialDate.Day(2024, 10, 9), null), r));
        await Accept(Talks.Negotiation.Execute(new ReachAgreement(Talks.NegotiationId, "a1", "p2", "Withdrawal agreement", [], [Us, Iraq], PartialDate.Day(2024, 10, 10), "article"), r));
        await Accept(Talks.Negotiation.Execute(new SignAgreement(Talks.NegotiationId, "a1", Us, "envoy", PartialDate.Day(2024, 10, 11)), r));
        await Accept(Talks.Negotiation.Execute(new ChangeStatus(Talks.NegotiationId, NegotiationStatus.Active, "Talks began", PartialDate.Month(2024, 8)), r));
        await Accept(Talks.Negotiation.Execute(new TableProposal(Talks.NegotiationId, "p3", Us, "Joint patrols", terms, PartialDate.Day(2024, 10, 12), null), r));

        OtherTalks = await new Scenario(Ledger.Grains).OpenAsync();
        await Accept(OtherTalks.Negotiation.Execute(new JoinNegotiation(OtherTalks.NegotiationId, Iraq, PartyRole.Principal, PartialDate.Year(2025)), r));
        await Accept(OtherTalks.Party(Iraq).Execute(OtherTalks.Statement(Iraq, "elsewhere", "A statement in other talks.") with { Said = PartialDate.Day(2025, 3, 1) }, r));

        await Ledger.CatchUpAsync();
    }

    public Task DisposeAsync() => Ledger.DisposeAsync();

    public static async Task Accept(Task<NegotiationTracker.Grains.CommandResult> command) => (await command).ShouldBeAccepted();
}

public sealed class when_a_negotiation_is_scripted(ScriptedNegotiationFixture script) : IClassFixture<ScriptedNegotiationFixture>
{
    private IQuerySession Session() => script.Ledger.Store.QuerySession();

    [Fact]
    public async Task the_timeline_orders_entries_by_when_they_happened_coarser_dates_first_then_by_recording()
    {
        await using var session = Session();
        var timeline = (await NegotiationTimeline.QueryAsync(session, script.Talks.NegotiationId)).ShouldNotBeNull();

        var statements = timeline.Where(e => e.Kind == TimelineKinds.Statement).Select(e => e.Subject).ToList();
        statements.ShouldBe(["year", "aug", "sep", "oct"]);
        timeline.Select(e => (e.SaidFrom, -e.SaidUntil.Ticks, e.Id)).ShouldBeInOrder();
    }

    [Fact]
    public async Task the_timeline_has_one_entry_per_event_of_the_negotiation_each_with_its_recorder()
    {
        await using var session = Session();
        var timeline = (await NegotiationTimeline.QueryAsync(session, script.Talks.NegotiationId)).ShouldNotBeNull();
        var events = await script.Ledger.AllEventsAsync();

        var expected = events.Where(e => e.Data switch
        {
            StatementMade s => s.NegotiationId == script.Talks.NegotiationId,
            ProposalAnswered a => a.NegotiationId == script.Talks.NegotiationId,
            _ => e.StreamKey == $"negotiation/{script.Talks.NegotiationId}",
        }).Select(e => e.Sequence);
        timeline.Select(e => e.Sequence).ShouldBe(expected, ignoreOrder: true);
        timeline.ShouldAllBe(e => e.RecordedBy == "tester" && e.RecordedAt > DateTimeOffset.MinValue);
    }

    [Fact]
    public async Task the_position_history_marks_the_shift_and_keeps_what_the_stance_was_before()
    {
        await using var session = Session();
        var history = ((await PositionHistories.ForNegotiationAsync(session, script.Talks.NegotiationId)).ShouldNotBeNull()).Single(h => h.PartyId == script.Iraq && h.IssueId == script.Talks.Issue);

        history.Evidence.Select(e => e.StatementId).ShouldBe(["aug", "sep", "oct"]);
        history.Periods.Count.ShouldBe(2);
        history.Periods[0].ShouldSatisfyAllConditions(
            p => p.Stance.ShouldBe(Stance.Supports),
            p => p.StatementIds.ShouldBe(["aug", "sep"]),
            p => p.IsShift.ShouldBeFalse());
        history.Periods[1].ShouldSatisfyAllConditions(
            p => p.Stance.ShouldBe(Stance.Opposes),
            p => p.ShiftedFrom.ShouldBe(Stance.Supports),
            p => p.Since.ShouldBe(PartialDate.Day(2024, 10, 2)));
    }

    [Fact]
    public async Task a_statement_without_a_stance_has_no_position_history()
    {
        await using var session = Session();
        var histories = (await PositionHistories.ForNegotiationAsync(session, script.Talks.NegotiationId)).ShouldNotBeNull();

        histories.ShouldNotContain(h => h.PartyId == script.Us);
    }

    [Fact]
    public async Task the_proposal_lineage_links_the_counter_proposal_to_the_one_it_counters_and_to_its_agreement()
    {
        await using var session = Session();
        var proposals = (await ProposalLineages.ForNegotiationAsync(session, script.Talks.NegotiationId)).ShouldNotBeNull();

        var p1 = proposals.Single(p => p.ProposalId == "p1");
        var p2 = proposals.Single(p => p.ProposalId == "p2");
        p1.Answers.ShouldHaveSingleItem().ShouldSatisfyAllConditions(a => a.Answer.ShouldBe(Answer.Counter), a => a.CounterProposal.ShouldBe("p2"));
        p1.Status.ShouldBe("countered");
        p2.Counters.ShouldBe("p1");
        p2.Answers.ShouldHaveSingleItem().Answer.ShouldBe(Answer.Accept);
        p2.Status.ShouldBe("adopted");
        p2.AgreementId.ShouldBe("a1");
        ProposalLineages.Chain(proposals, "p2").Select(p => p.ProposalId).ShouldBe(["p1", "p2"]);
        ProposalLineages.Chain(proposals, "p1").Select(p => p.ProposalId).ShouldBe(["p1", "p2"]);
    }

    [Fact]
    public async Task the_agreement_register_takes_the_adopted_proposals_terms_and_tracks_signatures()
    {
        await using var session = Session();
        var agreement = ((await AgreementRegister.ForNegotiationAsync(session, script.Talks.NegotiationId)).ShouldNotBeNull()).ShouldHaveSingleItem();

        agreement.Terms.ShouldHaveSingleItem().Text.ShouldBe("All troops leave within two years.");
        agreement.PartyIds.ShouldBe([script.Us, script.Iraq]);
        var signature = agreement.Signatures.ShouldHaveSingleItem();
        signature.Party.ShouldBe(script.Us);
        signature.Signatory.ShouldBe("envoy");
        signature.Said.ShouldBe(PartialDate.Day(2024, 10, 11));
        agreement.Status.ShouldBe(AgreementRecord.Statuses.PartlySigned);
    }

    [Fact]
    public async Task the_state_counts_statements_per_party_and_open_proposals()
    {
        await using var session = Session();
        var state = (await NegotiationState.LoadAsync(session, script.Talks.NegotiationId)).ShouldNotBeNull();

        state.Parties.Single(p => p.Id == script.Iraq).Statements.ShouldBe(3);
        state.Parties.Single(p => p.Id == script.Us).Statements.ShouldBe(1);
        state.OpenProposals.ShouldBe(1);
        state.Status.ShouldBe(NegotiationStatus.Active);
    }

    [Fact]
    public async Task the_party_dossier_lists_what_it_said_and_did_in_every_negotiation_newest_first()
    {
        await using var session = Session();
        var dossier = (await PartyDossier.LoadAsync(session, script.Iraq)).ShouldNotBeNull();

        dossier.Entries.First().Subject.ShouldBe("elsewhere");
        dossier.Entries.Select(e => e.NegotiationId).Distinct().ShouldBe([script.OtherTalks.NegotiationId, script.Talks.NegotiationId], ignoreOrder: true);
        dossier.Entries.Where(e => e.Kind == TimelineKinds.Statement).Select(e => e.Subject).ShouldBe(["elsewhere", "oct", "sep", "aug"]);
        dossier.Entries.Select(e => e.SaidFrom).ShouldBeInOrder(SortDirection.Descending);
    }

    [Fact]
    public async Task the_source_index_lists_the_statements_citing_each_source()
    {
        await using var session = Session();
        var sources = await SourceCitations.ForNegotiationAsync(session, (await session.LoadAsync<NegotiationSummary>(script.Talks.NegotiationId)).ShouldNotBeNull(), [], []);

        sources.ShouldHaveSingleItem().Statements.Select(s => s.StatementId).ShouldBe(["year", "aug", "sep", "oct"]);
    }
}
