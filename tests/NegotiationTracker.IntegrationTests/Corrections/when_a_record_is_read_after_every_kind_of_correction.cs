using JasperFx.Events.Daemon;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using NegotiationTracker.Domain.Common;
using NegotiationTracker.Domain.Parties;
using NegotiationTracker.Grains;
using NegotiationTracker.IntegrationTests.Fixtures;
using NegotiationTracker.Projections.Dossiers;
using NegotiationTracker.Projections.Negotiations;
using NegotiationTracker.Projections.Positions;
using NegotiationTracker.Replay;
using NegotiationTracker.Projections.Timeline;
using NegotiationTracker.Reports;
using NegotiationTracker.SeedFiles;

namespace NegotiationTracker.IntegrationTests.Corrections;

/// <summary>
/// Talks coded by an analyst, then a second file weeks later with every kind of correction: one statement amended on its
/// stance, issues, text and said date, one voided, one linked as a duplicate, one retracted, one denied and graded.
/// </summary>
public sealed class CorrectedTalksFixture : IAsyncLifetime
{
    public const string Negotiation = "doha-talks";

    private const string Talks = """
        negotiation: {id: doha-talks, title: "Doha talks", opened: "2019", issues: [{id: withdrawal, title: "Withdrawal"}, {id: ceasefire, title: "Ceasefire"}]}
        sources:
          - {id: wire, title: "Wire report", outlet: "Wire"}
          - {id: text, title: "Text of the agreement"}
        parties:
          - {id: doha-us, name: "United States", kind: state, role: principal, people: [{id: khalilzad, name: "Zalmay Khalilzad", title: "Envoy"}]}
          - {id: doha-taliban, name: "Taliban", kind: faction, role: principal}
        events:
          - statement: {id: early, by: doha-taliban, "on": [withdrawal], kind: position, stance: supports, text: "We want the withdrawal.", attribution: paraphrase, said: "2019-11", source: wire}
          - statement: {id: moved, by: doha-us, speaker: khalilzad, "on": [withdrawal], kind: position, stance: supports, text: "The original text.", attribution: quote, said: "2020-03", source: wire}
          - statement: {id: wrong, by: doha-us, "on": [ceasefire], kind: demand, stance: opposes, text: "Entered in error.", attribution: reported, said: "2020-01", source: wire}
          - statement: {id: twice, by: doha-taliban, "on": [withdrawal], kind: position, stance: supports, text: "We want the withdrawal.", attribution: paraphrase, said: "2019-11", source: wire}
          - statement: {id: withdrawn, by: doha-taliban, "on": [ceasefire], kind: offer, stance: supports, text: "A ceasefire now.", attribution: quote, said: "2020-01", source: wire}
          - statement: {id: denied, by: doha-taliban, "on": [withdrawal], kind: position, stance: opposes, text: "No deal without prisoners.", attribution: reported, said: "2020-02", source: wire}
          - proposal: {id: deal, by: doha-us, title: "The deal", terms: [{issue: withdrawal, text: "Withdrawal in 14 months."}], said: "2020-02"}
          - agreement: {id: doha, proposal: deal, title: "Agreement for Bringing Peace", parties: [doha-us, doha-taliban], said: "2020-02-29", source: text}
        """;

    private const string Corrections = """
        negotiation: {id: doha-talks, title: "Doha talks", opened: "2019", issues: []}
        sources: []
        parties: []
        events:
          - amendment: {statement: moved, by: doha-us, field: stance, from: supports, to: opposes, reason: "Misread the quote."}
          - amendment: {statement: moved, by: doha-us, field: issues, from: withdrawal, to: "withdrawal,ceasefire", reason: "It spoke to both."}
          - amendment: {statement: moved, by: doha-us, field: text, from: "The original text.", to: "The corrected text.", reason: "Transcription."}
          - amendment: {statement: moved, by: doha-us, field: said, from: "2020-03", to: "2020-03-01", reason: "The wire gives the day."}
          - void: {statement: wrong, by: doha-us, reason: "entered in error"}
          - duplicate: {statement: twice, of: early, by: doha-taliban, reason: "The same remark, coded twice."}
          - retraction: {statement: withdrawn, by: doha-taliban, reason: "Withdrawn the next day.", said: "2020-01"}
          - denial: {statement: denied, by: doha-taliban, reason: "The spokesman denies it.", said: "2020-02"}
          - grade: {statement: denied, by: doha-taliban, credibility: 4, reason: "One unnamed source."}
        """;

    public LedgerFixture Ledger { get; } = new();

    public DateTimeOffset BeforeCorrections { get; private set; }

    public async Task InitializeAsync()
    {
        await Ledger.InitializeAsync();
        await Ledger.Import.ImportAsync(SeedFileReader.Parse("talks.yaml", Talks), new Recording("analyst", "talks"));
        await Ledger.CatchUpAsync();
        BeforeCorrections = DateTimeOffset.UtcNow;
        await Ledger.Import.ImportAsync(SeedFileReader.Parse("corrections.yaml", Corrections), new Recording("analyst", "corrections"));
        await Ledger.CatchUpAsync();
    }

    public Task DisposeAsync() => Ledger.DisposeAsync();
}

public sealed class when_a_record_is_read_after_every_kind_of_correction(CorrectedTalksFixture fixture) : IClassFixture<CorrectedTalksFixture>
{
    private const string Negotiation = CorrectedTalksFixture.Negotiation;

    private IQuerySession Session() => fixture.Ledger.Store.QuerySession();

    private async Task<TimelineEntry> StatementRowAsync(string statementId)
    {
        await using var session = Session();
        return ((await NegotiationTimeline.QueryAsync(session, Negotiation)).ShouldNotBeNull()).Single(e => e.Kind == TimelineKinds.Statement && e.Subject == statementId);
    }

    [Fact]
    public async Task the_timeline_shows_the_amended_stance_issues_text_and_date()
    {
        var row = await StatementRowAsync("moved");

        row.Stance.ShouldBe(Stance.Opposes);
        row.IssueIds.ShouldBe(["withdrawal", "ceasefire"]);
        row.Title.ShouldBe("The corrected text.");
        row.Said.ShouldBe(PartialDate.Day(2020, 3, 1));
    }

    [Fact]
    public async Task the_dossier_shows_the_amended_reading_too()
    {
        await using var session = Session();
        var dossier = (await PartyDossier.LoadAsync(session, "doha-us")).ShouldNotBeNull();

        var row = dossier.Entries.Single(e => e.Kind == TimelineKinds.Statement && e.Subject == "moved");
        row.Stance.ShouldBe(Stance.Opposes);
        row.Title.ShouldBe("The corrected text.");
    }

    [Fact]
    public async Task the_state_and_the_timeline_agree_on_the_amended_stance()
    {
        await using var session = Session();
        var state = (await NegotiationState.LoadAsync(session, Negotiation)).ShouldNotBeNull();
        var row = await StatementRowAsync("moved");

        state.Positions.Where(p => p.Party == "doha-us").Select(p => (p.Issue, p.Stance)).ShouldBe([("ceasefire", Stance.Opposes), ("withdrawal", Stance.Opposes)], ignoreOrder: true);
        row.Stance.ShouldBe(Stance.Opposes);
    }

    [Fact]
    public async Task a_replay_dates_a_statement_by_its_amended_said_date()
    {
        await using var session = Session();
        var events = (await NegotiationReplay.LoadAsync(session, Negotiation)).ShouldNotBeNull();

        var then = (await events.StateAsync(session, PartialDate.Day(2020, 3, 15), null)).ShouldNotBeNull();

        then.Positions.ShouldContain(p => p.Party == "doha-us" && p.StatementId == "moved");
    }

    [Fact]
    public async Task a_replay_known_before_the_amendment_keeps_the_original_said_date()
    {
        await using var session = Session();
        var events = (await NegotiationReplay.LoadAsync(session, Negotiation)).ShouldNotBeNull();

        var then = (await events.StateAsync(session, PartialDate.Day(2020, 3, 15), PartialDate.At(fixture.BeforeCorrections))).ShouldNotBeNull();

        then.Positions.ShouldNotContain(p => p.StatementId == "moved");
    }

    [Theory]
    [InlineData("wrong", RecordStatuses.Void)]
    [InlineData("twice", RecordStatuses.Duplicate)]
    [InlineData("withdrawn", RecordStatuses.Retracted)]
    [InlineData("early", RecordStatuses.Standing)]
    public async Task the_timeline_marks_each_statement_with_its_status(string statementId, string status)
    {
        (await StatementRowAsync(statementId)).Status.ShouldBe(status);
    }

    [Fact]
    public async Task the_timeline_marks_a_denied_statement_contested_and_graded()
    {
        var row = await StatementRowAsync("denied");

        row.Contested.ShouldBeTrue();
        row.Credibility.ShouldBe(4);
    }

    [Fact]
    public async Task a_diff_across_the_import_marks_the_void_duplicate_and_retracted_statements_it_added()
    {
        await using var session = Session();
        var events = (await NegotiationReplay.LoadAsync(session, Negotiation)).ShouldNotBeNull();

        var diff = new DiffMoments([], [PartialDate.Year(2000), PartialDate.At(DateTimeOffset.UtcNow)]).Between(events);

        diff.StatementsAdded.Single(s => s.StatementId == "wrong").Status.ShouldBe(RecordStatuses.Void);
        diff.StatementsAdded.Single(s => s.StatementId == "twice").Status.ShouldBe(RecordStatuses.Duplicate);
        diff.StatementsAdded.Single(s => s.StatementId == "withdrawn").Status.ShouldBe(RecordStatuses.Retracted);
        diff.StatementsAdded.Single(s => s.StatementId == "denied").Contested.ShouldBeTrue();
        diff.StatementsAdded.Single(s => s.StatementId == "moved").Text.ShouldBe("The corrected text.");
    }

    [Fact]
    public async Task void_and_duplicate_records_are_not_counted_as_statements()
    {
        await using var session = Session();
        var state = (await NegotiationState.LoadAsync(session, Negotiation)).ShouldNotBeNull();

        // Six records: one void and one duplicate leave four on the record, the retracted one among them.
        state.Statements.ShouldBe(4);
        state.Parties.Single(p => p.Id == "doha-us").Statements.ShouldBe(1);
        state.Parties.Single(p => p.Id == "doha-taliban").Statements.ShouldBe(3);
    }

    [Fact]
    public async Task the_brief_the_listing_and_the_state_count_the_same_statements()
    {
        await using var session = Session();
        var report = (await NegotiationReport.LoadAsync(session, Negotiation, DateTimeOffset.UtcNow)).ShouldNotBeNull();
        var listing = (await NegotiationListing.ListAsync(session, 0, 10)).Items.Single(n => n.Id == Negotiation);

        report.StatementsOnRecord.ShouldBe(report.State.Parties.Sum(p => p.Statements));
        listing.Statements.ShouldBe(report.StatementsOnRecord);
        report.StatementCount().ShouldBe("4 (1 retracted, 1 contested)");
        MarkdownReport.Render(report).ShouldContain("**Statements:** 4 (1 retracted, 1 contested)");
    }

    [Fact]
    public async Task a_source_is_cited_by_the_records_on_the_record_and_by_the_agreement()
    {
        await using var session = Session();
        var report = (await NegotiationReport.LoadAsync(session, Negotiation, DateTimeOffset.UtcNow)).ShouldNotBeNull();

        var wire = report.Sources.Single(s => s.Source.Id == "wire");
        wire.Statements.Select(s => s.StatementId).ShouldBe(["early", "withdrawn", "denied", "moved"], ignoreOrder: true);
        report.Sources.Single(s => s.Source.Id == "text").Describe().ShouldBe("1 agreement");
    }

    [Fact]
    public async Task a_denied_statement_sets_a_stance_marked_contested()
    {
        await using var session = Session();
        var state = (await NegotiationState.LoadAsync(session, Negotiation)).ShouldNotBeNull();

        var position = state.Positions.Single(p => p.Party == "doha-taliban" && p.Issue == "withdrawal");
        position.StatementId.ShouldBe("denied");
        position.Contested.ShouldBeTrue();
        position.Credibility.ShouldBe(4);
    }

    [Fact]
    public async Task leaving_contested_statements_out_gives_the_stance_the_party_last_took_uncontested()
    {
        await using var session = Session();
        var events = (await NegotiationReplay.LoadAsync(session, Negotiation)).ShouldNotBeNull();

        var state = (await events.StateAsync(session, null, null, new EvidenceFilter(ExcludeContested: true))).ShouldNotBeNull();

        var position = state.Positions.Single(p => p.Party == "doha-taliban" && p.Issue == "withdrawal");
        (position.StatementId, position.Stance, position.Contested).ShouldBe(("early", Stance.Supports, false));
    }

    [Fact]
    public async Task a_minimum_credibility_leaves_out_statements_graded_below_it()
    {
        await using var session = Session();
        var events = (await NegotiationReplay.LoadAsync(session, Negotiation)).ShouldNotBeNull();

        var state = (await events.StateAsync(session, null, null, new EvidenceFilter(MinCredibility: 3))).ShouldNotBeNull();

        state.Positions.Single(p => p.Party == "doha-taliban" && p.Issue == "withdrawal").StatementId.ShouldBe("early");
    }

    [Fact]
    public async Task the_brief_marks_a_shift_that_rests_on_a_denied_statement_as_contested()
    {
        await using var session = Session();
        var report = (await NegotiationReport.LoadAsync(session, Negotiation, DateTimeOffset.UtcNow)).ShouldNotBeNull();

        report.Positions.Single(i => i.IssueId == "withdrawal").Parties.Single(p => p.PartyId == "doha-taliban").Contested.ShouldBeTrue();
        HtmlReport.Render(report).ShouldContain("now opposes (contested: the speaker denies it) (was supports)");
    }

    [Fact]
    public async Task the_chart_draws_void_duplicate_retracted_and_contested_statements_apart()
    {
        await using var session = Session();
        var report = (await NegotiationReport.LoadAsync(session, Negotiation, DateTimeOffset.UtcNow)).ShouldNotBeNull();

        var svg = SvgTimeline.Render(report);

        foreach (var status in new[] { RecordStatuses.Void, RecordStatuses.Duplicate, RecordStatuses.Retracted })
        {
            svg.ShouldContain($"data-status=\"{status}\"");
        }

        svg.ShouldContain("data-contested=\"true\"");
    }

    [Fact]
    public async Task the_chart_caption_names_what_the_undated_entries_are()
    {
        await using var session = Session();
        var report = (await NegotiationReport.LoadAsync(session, Negotiation, DateTimeOffset.UtcNow)).ShouldNotBeNull();

        var html = HtmlReport.Render(report);

        html.ShouldContain("4 amendments, 2 sources, 1 duplicate link, 1 grade and 1 void are listed below but not drawn");
        html.ShouldNotContain("(issues, sources, parties joining)");
    }

    [Theory]
    [InlineData(TimelineProjection.ProjectionName)]
    [InlineData(PositionHistoryProjection.ProjectionName)]
    public async Task a_rebuilt_view_reads_the_records_as_the_live_one_does(string projection)
    {
        string live;
        await using (var session = Session())
        {
            live = await ViewSnapshot.OfAsync(session, projection);
        }

        var daemon = fixture.Ledger.Cluster.Silos[0].ServiceProvider.GetRequiredService<IProjectionCoordinator>().DaemonForMainDatabase();
        await daemon.RebuildProjectionAsync(projection, CancellationToken.None);

        await using var after = Session();
        (await ViewSnapshot.OfAsync(after, projection)).ShouldBe(live);
        (await StatementRowAsync("moved")).Stance.ShouldBe(Stance.Opposes);
    }
}

public sealed class when_a_brief_leaves_contested_statements_out(CorrectedTalksFixture fixture) : IClassFixture<CorrectedTalksFixture>
{
    private async Task<NegotiationReport> BriefAsync(EvidenceFilter evidence)
    {
        await using var session = fixture.Ledger.Store.QuerySession();
        return (await NegotiationReport.LoadAsync(session, CorrectedTalksFixture.Negotiation, DateTimeOffset.UtcNow, evidence)).ShouldNotBeNull();
    }

    [Fact]
    public async Task the_positions_matrix_shows_the_stance_of_the_latest_uncontested_statement()
    {
        var report = await BriefAsync(new EvidenceFilter(ExcludeContested: true));

        var position = report.Positions.Single(i => i.IssueId == "withdrawal").Parties.Single(p => p.PartyId == "doha-taliban");
        (position.Stance, position.LatestStatementId, position.Contested).ShouldBe((Stance.Supports, "early", false));
    }

    [Fact]
    public async Task the_brief_says_what_its_positions_leave_out()
    {
        var report = await BriefAsync(new EvidenceFilter(ExcludeContested: true, MinCredibility: 3));

        HtmlReport.Render(report).ShouldContain("Positions leave out statements their speakers denied and statements graded less credible than 3.");
    }

    [Fact]
    public async Task a_brief_on_every_statement_says_nothing_of_the_kind()
    {
        MarkdownReport.Render(await BriefAsync(EvidenceFilter.All)).ShouldNotContain("Positions leave out");
    }
}
