using System.Text.Json;
using NegotiationTracker.Domain.Negotiations;
using NegotiationTracker.Domain.Parties;
using NegotiationTracker.Grains;
using NegotiationTracker.IntegrationTests.Fixtures;
using NegotiationTracker.Projections.Negotiations;
using NegotiationTracker.Projections.Statements;
using NegotiationTracker.SeedFiles;

namespace NegotiationTracker.IntegrationTests.Import;

public sealed class when_the_seed_file_is_imported(SeedImportedFixture fixture) : IClassFixture<SeedImportedFixture>
{
    private LedgerFixture Ledger => fixture.Ledger;

    private IEnumerable<T> FileEvents<T>() => fixture.Seed.Events.Select(e => e.Command).OfType<T>();

    [Fact]
    public async Task every_statement_in_the_file_is_in_the_statement_log_with_its_attribution()
    {
        await using var session = Ledger.Store.QuerySession();
        var log = (await StatementLog.QueryAsync(session, new StatementFilter(fixture.Seed.NegotiationId))).ShouldNotBeNull();

        var expected = FileEvents<MakeStatement>().ToList();
        log.Select(s => s.Id).ShouldBe(expected.Select(s => s.StatementId), ignoreOrder: true);
        foreach (var statement in expected)
        {
            var row = log.Single(s => s.Id == statement.StatementId);
            row.Party.ShouldBe(statement.PartyId);
            row.Speaker.ShouldBe(statement.SpeakerId);
            row.Kind.ShouldBe(statement.Kind);
            row.Stance.ShouldBe(statement.Stance);
            row.Issues.ShouldBe(statement.IssueIds);
            row.Text.ShouldBe(statement.Text);
            row.Attribution.ShouldBe(statement.Attribution);
            row.Said.ShouldBe(statement.Said);
            row.Source?.Id.ShouldBe(statement.SourceId);
        }
    }

    [Fact]
    public async Task al_sudanis_statement_names_him_the_government_he_speaks_for_and_the_article()
    {
        await using var session = Ledger.Store.QuerySession();
        var log = (await StatementLog.QueryAsync(session, new StatementFilter(fixture.Seed.NegotiationId, Speaker: "al-sudani"))).ShouldNotBeNull();

        var statement = log.ShouldHaveSingleItem();
        statement.SpeakerName.ShouldBe("Mohammed Shia al-Sudani");
        statement.Party.ShouldBe("iraq");
        statement.Text.ShouldContain("no longer necessary");
        statement.Source.ShouldNotBeNull().Title.ShouldBe("U.S. Plans Complete Military Withdrawal from Iraq Amid Security Concerns");
    }

    [Fact]
    public async Task the_state_lists_every_party_with_its_kind_and_role_and_every_issue()
    {
        await using var session = Ledger.Store.QuerySession();
        var state = (await NegotiationState.LoadAsync(session, fixture.Seed.NegotiationId)).ShouldNotBeNull();

        var registered = fixture.Seed.Parties.Select(p => p.Command).OfType<RegisterParty>().ToList();
        var joined = fixture.Seed.Parties.Select(p => p.Command).OfType<JoinNegotiation>().ToDictionary(j => j.PartyId);
        state.Parties.Select(p => (p.Id, p.Name, p.Kind, p.Role))
            .ShouldBe(registered.Select(r => (r.PartyId, r.Name, (Domain.Common.PartyKind?)r.Kind, joined[r.PartyId].Role)), ignoreOrder: true);
        state.Issues.Select(i => i.Id).ShouldBe(fixture.Seed.Negotiation.Issues.Select(i => i.IssueId), ignoreOrder: true);
        state.Title.ShouldBe(fixture.Seed.Negotiation.Title);
    }

    [Fact]
    public async Task the_state_shows_the_withdrawal_proposal_with_its_answers_and_the_latest_stances()
    {
        await using var session = Ledger.Store.QuerySession();
        var state = (await NegotiationState.LoadAsync(session, fixture.Seed.NegotiationId)).ShouldNotBeNull();

        var tabled = FileEvents<TableProposal>().ToList();
        state.Proposals.Select(p => p.Id).ShouldBe(tabled.Select(p => p.ProposalId));
        var answers = FileEvents<AnswerProposal>().ToList();
        state.Proposals.SelectMany(p => p.Answers).Count().ShouldBe(answers.Count);

        var stances = FileEvents<MakeStatement>().Where(s => s.Stance is not null)
            .SelectMany(s => s.IssueIds.Select(i => (s.PartyId, Issue: i))).Distinct().Count();
        state.Positions.Count.ShouldBe(stances);
        state.Positions.ShouldContain(p => p.Party == "iraq" && p.Issue == "us-troop-presence" && p.Stance == Domain.Common.Stance.Opposes);
    }

    [Fact]
    public async Task every_event_records_who_recorded_it_and_the_import_correlation_id()
    {
        var events = await Ledger.AllEventsAsync();

        events.Count.ShouldBe(fixture.FirstImport.EventsAppended);
        events.ShouldAllBe(e => e.UserName == "analyst-a" && e.CorrelationId == "seed-import-1");
    }

    [Fact]
    public async Task importing_it_again_appends_nothing()
    {
        var before = (await Ledger.AllEventsAsync()).Count;

        var again = await Ledger.Import.ImportAsync(SeedFileReader.Read(Paths.Seed), Recording.By("analyst-b"));

        again.EventsAppended.ShouldBe(0);
        (await Ledger.AllEventsAsync()).Count.ShouldBe(before);
    }

    [Fact]
    public async Task rebuilding_the_views_from_the_events_alone_gives_the_same_state()
    {
        await using var before = Ledger.Store.QuerySession();
        var live = JsonSerializer.Serialize(await NegotiationState.LoadAsync(before, fixture.Seed.NegotiationId));

        using var daemon = await Ledger.Store.BuildProjectionDaemonAsync();
        await daemon.RebuildProjectionAsync<NegotiationSummaryProjection>(CancellationToken.None);

        await using var after = Ledger.Store.QuerySession();
        JsonSerializer.Serialize(await NegotiationState.LoadAsync(after, fixture.Seed.NegotiationId)).ShouldBe(live);
    }

    [Fact]
    public async Task a_reactivated_grain_rebuilds_the_same_state_from_its_stream()
    {
        var grain = Ledger.Grains.GetGrain<NegotiationTracker.Grains.Negotiations.INegotiationGrain>(fixture.Seed.NegotiationId);
        var before = JsonSerializer.Serialize(await grain.GetState());

        await Ledger.Cluster.DeactivateAsync(grain);

        JsonSerializer.Serialize(await grain.GetState()).ShouldBe(before);
    }

    [Fact]
    public async Task the_negotiation_stream_holds_only_the_negotiations_own_events_and_each_party_stream_its_own()
    {
        var events = await Ledger.AllEventsAsync();

        Type[] negotiationEvents = [typeof(NegotiationOpened), typeof(IssueAdded), typeof(SourceRegistered), typeof(PartyJoined), typeof(NegotiationStatusChanged),
            typeof(ProposalTabled), typeof(ProposalWithdrawn), typeof(AgreementReached), typeof(AgreementSigned)];
        Type[] partyEvents = [typeof(PartyRegistered), typeof(PersonAffiliated), typeof(StatementMade), typeof(ProposalAnswered)];
        events.Where(e => e.StreamKey!.StartsWith("negotiation/")).Select(e => e.EventType).ShouldAllBe(t => negotiationEvents.Contains(t));
        events.Where(e => e.StreamKey!.StartsWith("party/")).Select(e => e.EventType).ShouldAllBe(t => partyEvents.Contains(t));
        events.GroupBy(e => e.StreamKey).ShouldAllBe(stream => stream.Select(e => e.Version).SequenceEqual(Enumerable.Range(1, stream.Count()).Select(v => (long)v)));
    }
}
