using System.Text.Json;
using NegotiationTracker.Domain.Common;
using NegotiationTracker.Domain.Negotiations;
using NegotiationTracker.Domain.Parties;
using NegotiationTracker.Grains;
using NegotiationTracker.IntegrationTests.Fixtures;
using NegotiationTracker.Projections.Negotiations;
using NegotiationTracker.Replay;

namespace NegotiationTracker.IntegrationTests.Replay;

/// <summary>
/// A negotiation scripted command by command, with the live state and the clock read after each command. Afterwards every
/// moment is replayed from the event store and must equal what the live view showed then.
/// </summary>
public sealed class ReplayFixture : IAsyncLifetime
{
    public LedgerFixture Ledger { get; } = new();

    public Scenario Talks { get; private set; } = null!;

    public List<(DateTimeOffset At, string LiveState)> Moments { get; } = [];

    public string Us { get; private set; } = "";

    public string Iraq { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await Ledger.InitializeAsync();
        Talks = await new Scenario(Ledger.Grains).OpenAsync();
        Us = await Talks.RegisterAsync("us");
        Iraq = await Talks.RegisterAsync("iraq");
        await RecordMomentAsync();

        var r = Talks.Recording;
        await Step(Talks.Party(Iraq).Execute(Talks.Statement(Iraq, "sep", "We support withdrawal.", Stance.Supports) with { Said = PartialDate.Month(2024, 9) }, r));
        await Step(Talks.Negotiation.Execute(new ChangeStatus(Talks.NegotiationId, NegotiationStatus.Active, "Talks began", PartialDate.Month(2024, 8)), r));
        await Step(Talks.Party(Iraq).Execute(Talks.Statement(Iraq, "oct", "We oppose it now.", Stance.Opposes) with { Said = PartialDate.Day(2024, 10, 2) }, r));
        await Step(Talks.Negotiation.Execute(new TableProposal(Talks.NegotiationId, "p1", Us, "Withdrawal plan", [new Term(Talks.Issue, "Leave in two years.")], PartialDate.Day(2024, 10, 5), null), r));

        // Learned later about earlier days: a statement said in August, recorded after the October one.
        await Step(Talks.Party(Us).Execute(Talks.Statement(Us, "aug", "We will leave.", Stance.Supports) with { Said = PartialDate.Month(2024, 8) }, r));
        await Step(Talks.Party(Iraq).Execute(new AnswerProposal(Talks.NegotiationId, "p1", Iraq, Answer.Accept, null, PartialDate.Day(2024, 10, 7), null), r));
        await Step(Talks.Negotiation.Execute(new ReachAgreement(Talks.NegotiationId, "a1", "p1", "Withdrawal agreement", [], [Us, Iraq], PartialDate.Day(2024, 10, 9), null), r));
    }

    public Task DisposeAsync() => Ledger.DisposeAsync();

    private async Task Step(Task<CommandResult> command)
    {
        (await command).ShouldBeAccepted();
        await RecordMomentAsync();
    }

    private async Task RecordMomentAsync()
    {
        await using var session = Ledger.Store.QuerySession();
        var live = await NegotiationState.LoadAsync(session, Talks.NegotiationId);
        Moments.Add((DateTimeOffset.UtcNow, JsonSerializer.Serialize(live)));
    }
}

public sealed class when_the_state_is_replayed_to_a_moment(ReplayFixture script) : IClassFixture<ReplayFixture>
{
    private async Task<NegotiationState?> ReplayAsync(PartialDate? asOf, PartialDate? knownAt)
    {
        await using var session = script.Ledger.Store.QuerySession();
        var events = (await NegotiationReplay.LoadAsync(session, script.Talks.NegotiationId)).ShouldNotBeNull();
        return await events.StateAsync(session, asOf, knownAt);
    }

    [Fact]
    public async Task what_we_knew_at_each_moment_equals_what_the_live_view_showed_then()
    {
        script.Moments.Count.ShouldBe(8);
        foreach (var (at, live) in script.Moments)
        {
            JsonSerializer.Serialize(await ReplayAsync(null, PartialDate.At(at))).ShouldBe(live, $"known at {at:O}");
        }
    }

    [Fact]
    public async Task what_had_happened_by_a_date_leaves_out_later_happenings_even_when_recorded_earlier()
    {
        var state = (await ReplayAsync(PartialDate.Day(2024, 9, 30), null)).ShouldNotBeNull();

        state.Positions.Select(p => (p.Party, p.StatementId)).ShouldBe([(script.Iraq, "sep"), (script.Us, "aug")], ignoreOrder: true);
        state.Proposals.ShouldBeEmpty();
        state.Status.ShouldBe(NegotiationStatus.Active);
    }

    [Fact]
    public async Task a_month_has_not_surely_happened_by_a_day_inside_it()
    {
        var state = (await ReplayAsync(PartialDate.Day(2024, 9, 15), null)).ShouldNotBeNull();

        state.Positions.Select(p => p.StatementId).ShouldBe(["aug"]);
    }

    [Fact]
    public async Task both_clocks_together_leave_out_what_was_learned_later_about_earlier_days()
    {
        // Known just after the proposal was tabled (before the August statement was recorded), happened by the end of September.
        var knownAfterProposal = script.Moments[4].At;

        var state = (await ReplayAsync(PartialDate.Month(2024, 9), PartialDate.At(knownAfterProposal))).ShouldNotBeNull();

        state.Positions.Select(p => p.StatementId).ShouldBe(["sep"]);
    }

    [Fact]
    public async Task the_diff_between_two_moments_names_what_was_added_and_whose_stance_shifted()
    {
        await using var session = script.Ledger.Store.QuerySession();
        var events = (await NegotiationReplay.LoadAsync(session, script.Talks.NegotiationId)).ShouldNotBeNull();

        var diff = NegotiationDiff.Between(events.KnownAt(PartialDate.At(script.Moments[1].At)), events.KnownAt(PartialDate.At(script.Moments[7].At)));

        diff.StatementsAdded.Select(s => s.StatementId).ShouldBe(["oct", "aug"]);
        diff.StancesShifted.ShouldContain(s => s.Party == script.Iraq && s.From == Stance.Supports && s.To == Stance.Opposes && s.StatementId == "oct");
        diff.StancesShifted.ShouldContain(s => s.Party == script.Us && s.From == null && s.To == Stance.Supports);
        diff.ProposalsTabled.ShouldHaveSingleItem().ProposalId.ShouldBe("p1");
        diff.ProposalsAnswered.ShouldHaveSingleItem().Answer.ShouldBe(Answer.Accept);
        diff.AgreementsReached.ShouldHaveSingleItem().AgreementId.ShouldBe("a1");
        diff.StatusChanges.ShouldHaveSingleItem().Status.ShouldBe(NegotiationStatus.Active);
    }

    [Fact]
    public async Task the_history_lists_every_event_in_recorded_order_with_its_metadata()
    {
        await using var session = script.Ledger.Store.QuerySession();
        var history = (await NegotiationReplay.LoadAsync(session, script.Talks.NegotiationId)).ShouldNotBeNull().History();

        history.Select(h => h.Sequence).ShouldBeInOrder();
        history.ShouldAllBe(h => h.RecordedBy == "tester" && h.CorrelationId == script.Talks.Recording.CorrelationId);
        history.Select(h => h.Type).ShouldContain("statement_made");
        history.First().Type.ShouldBe("negotiation_opened");
        history.Where(h => h.Stream.StartsWith("party/")).ShouldAllBe(h => h.Type == "statement_made" || h.Type == "proposal_answered");
    }
}
