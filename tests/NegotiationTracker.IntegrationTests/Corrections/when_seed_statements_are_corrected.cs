using NegotiationTracker.Domain.Parties;
using System.Text.Json;
using JasperFx.Events.Daemon;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using NegotiationTracker.Domain.Common;
using NegotiationTracker.Grains;
using NegotiationTracker.Grains.Import;
using NegotiationTracker.IntegrationTests.Fixtures;
using NegotiationTracker.Projections.Negotiations;
using NegotiationTracker.Projections.Positions;
using NegotiationTracker.Replay;
using NegotiationTracker.Projections.Statements;
using NegotiationTracker.Projections.Timeline;
using NegotiationTracker.SeedFiles;

namespace NegotiationTracker.IntegrationTests.Corrections;

/// <summary>The U.S.–Iraq seed imported, then a second file of corrections and provenance about its statements.</summary>
public sealed class CorrectedSeedFixture : IAsyncLifetime
{
    public const string Corrections = """
        negotiation: {id: us-iraq-withdrawal, title: "U.S.-Iraq negotiations on the withdrawal of U.S. troops from Iraq", opened: "2024", issues: []}
        sources:
          - {id: later-report, title: "A later report of the talks", outlet: "The New York Times", published: "2024-10"}
        parties: []
        events:
          - report: {statement: sudani-us-forces-unnecessary, by: iraq, source: later-report, attribution: paraphrase, text: "Al-Sudani told officials U.S. combat forces were no longer needed.", via: "NYT citing unnamed Iraqi officials", said: "2024-09"}
          - clarification: {statement: sudani-us-forces-unnecessary, by: iraq, text: "He meant combat forces; advisers may stay.", said: "2024-10"}
          - grade: {statement: sudani-us-forces-unnecessary, by: iraq, credibility: 2, reason: "Reported by two independent outlets."}
          - grade: {source: article, reliability: C, reason: "Outlet unknown; consistent with other reporting."}
          - retraction: {statement: rubin-against-withdrawal, by: rubin, reason: "Rubin said his remarks were about a faster withdrawal.", said: "2024-10"}
          - amendment: {statement: factions-press-for-withdrawal, by: iran-aligned-factions, field: kind, from: demand, to: claim, reason: "Coded as a demand in error; the article reports pressure, not a demand."}
        """;

    public SeedImportedFixture Seeded { get; } = new();

    public LedgerFixture Ledger => Seeded.Ledger;

    public DateTimeOffset BeforeCorrections { get; private set; }

    public ImportResult CorrectionsImport { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Seeded.InitializeAsync();
        BeforeCorrections = DateTimeOffset.UtcNow;
        CorrectionsImport = await Ledger.Import.ImportAsync(SeedFileReader.Parse("corrections.yaml", Corrections), new Recording("auditor-b", "corrections-1"));
        await Ledger.CatchUpAsync();
    }

    public Task DisposeAsync() => Seeded.DisposeAsync();
}

public sealed class when_seed_statements_are_corrected(CorrectedSeedFixture fixture) : IClassFixture<CorrectedSeedFixture>
{
    private const string Negotiation = "us-iraq-withdrawal";

    private IQuerySession Session() => fixture.Ledger.Store.QuerySession();

    [Fact]
    public void every_correction_was_appended()
    {
        // One new source, one report, one clarification, two grades, one retraction, one amendment.
        fixture.CorrectionsImport.EventsAppended.ShouldBe(7);
    }

    [Fact]
    public async Task the_statement_log_leaves_the_retracted_statement_out_unless_asked_and_then_marks_it()
    {
        await using var session = Session();
        var standing = (await StatementLog.QueryAsync(session, new StatementFilter(Negotiation))).ShouldNotBeNull();
        var all = (await StatementLog.QueryAsync(session, new StatementFilter(Negotiation, IncludeRetracted: true))).ShouldNotBeNull();

        standing.ShouldNotContain(s => s.Id == "rubin-against-withdrawal");
        var retracted = all.Single(s => s.Id == "rubin-against-withdrawal");
        retracted.Status.ShouldBe("retracted");
        retracted.Text.ShouldContain("Rubin");
        var note = retracted.Annotations.ShouldHaveSingleItem();
        note.Kind.ShouldBe("retracted");
        note.RecordedBy.ShouldBe("auditor-b");
    }

    [Fact]
    public async Task a_retracted_statement_no_longer_establishes_a_stance()
    {
        await using var session = Session();
        var state = (await NegotiationState.LoadAsync(session, Negotiation)).ShouldNotBeNull();
        var histories = (await PositionHistories.ForNegotiationAsync(session, Negotiation)).ShouldNotBeNull();

        state.Positions.ShouldNotContain(p => p.StatementId == "rubin-against-withdrawal");
        histories.ShouldNotContain(h => h.Evidence.Any(e => e.StatementId == "rubin-against-withdrawal"));
    }

    [Fact]
    public async Task an_amendment_changes_the_current_reading_and_keeps_the_old_value()
    {
        await using var session = Session();
        var record = (await session.LoadAsync<StatementRecord>(Party.StatementKey(Negotiation, "factions-press-for-withdrawal"))).ShouldNotBeNull();

        record.Kind.ShouldBe(StatementKind.Claim);
        record.Annotations.ShouldHaveSingleItem().Detail.ShouldBe("kind: \"demand\" → \"claim\"");
    }

    [Fact]
    public async Task the_reported_statement_carries_its_second_source_its_clarification_and_its_grade()
    {
        await using var session = Session();
        var statement = ((await StatementLog.QueryAsync(session, new StatementFilter(Negotiation, Speaker: "al-sudani"))).ShouldNotBeNull()).ShouldHaveSingleItem();

        var report = statement.Reports.ShouldHaveSingleItem();
        report.SourceId.ShouldBe("later-report");
        report.ReportedVia.ShouldBe("NYT citing unnamed Iraqi officials");
        statement.Annotations.Select(a => a.Kind).ShouldBe(["reported", "clarified", "graded"]);
        statement.Credibility.ShouldBe(2);
        statement.SourceReliability.ShouldBe('C');
    }

    [Fact]
    public async Task the_audit_of_a_statement_lists_every_event_touching_it_with_its_recorder()
    {
        await using var session = Session();
        var audit = (await StatementAudit.LoadAsync(session, Negotiation, "sudani-us-forces-unnecessary")).ShouldNotBeNull();

        audit.Events.Select(e => e.Type).ShouldBe(
            ["source_registered", "statement_made", "source_registered", "statement_reported", "statement_clarified", "statement_graded", "source_graded"]);
        audit.Events.Where(e => e.Type != "source_registered" && e.Type != "statement_made").ShouldAllBe(e => e.RecordedBy == "auditor-b" && e.CorrelationId == "corrections-1");
        audit.Events.Single(e => e.Type == "statement_made").RecordedBy.ShouldBe("analyst-a");
    }

    [Fact]
    public async Task what_we_knew_before_the_corrections_still_shows_the_retracted_stance()
    {
        await using var session = Session();
        var events = (await NegotiationReplay.LoadAsync(session, Negotiation)).ShouldNotBeNull();

        var before = (await events.StateAsync(session, asOf: null, knownAt: PartialDate.At(fixture.BeforeCorrections))).ShouldNotBeNull();
        var after = (await events.StateAsync(session, asOf: null, knownAt: null)).ShouldNotBeNull();

        before.Positions.ShouldContain(p => p.StatementId == "rubin-against-withdrawal");
        after.Positions.ShouldNotContain(p => p.StatementId == "rubin-against-withdrawal");
        var live = (await NegotiationState.LoadAsync(session, Negotiation)).ShouldNotBeNull();
        JsonSerializer.Serialize(after.Positions).ShouldBe(JsonSerializer.Serialize(live.Positions));
    }

    [Fact]
    public async Task the_diff_across_the_corrections_lists_them_as_applied()
    {
        await using var session = Session();
        var events = (await NegotiationReplay.LoadAsync(session, Negotiation)).ShouldNotBeNull();

        var diff = NegotiationDiff.Between(events.KnownAt(PartialDate.At(fixture.BeforeCorrections)), events);

        diff.CorrectionsApplied.Count.ShouldBe(6);
        diff.StatementsAdded.ShouldBeEmpty();
    }

    [Fact]
    public async Task importing_the_original_seed_again_after_an_amendment_appends_nothing()
    {
        var again = await fixture.Ledger.Import.ImportAsync(SeedFileReader.Read(Paths.Seed), Recording.By("analyst-c"));

        again.EventsAppended.ShouldBe(0);
    }

    [Fact]
    public async Task a_correction_of_an_unknown_statement_is_rejected_with_its_line_and_nothing_is_appended()
    {
        var before = (await fixture.Ledger.AllEventsAsync()).Count;
        var broken = CorrectedSeedFixture.Corrections.Replace("retraction: {statement: rubin-against-withdrawal", "retraction: {statement: rubin-never-said");

        var rejected = await Should.ThrowAsync<SeedFileRejected>(() => fixture.Ledger.Import.ImportAsync(SeedFileReader.Parse("broken.yaml", broken), Recording.By("tester")));

        rejected.Errors.ShouldContain(e => e.Line == 10 && e.Message.Contains("statement rubin-never-said was not made by rubin"));
        (await fixture.Ledger.AllEventsAsync()).Count.ShouldBe(before);
    }

    [Theory]
    [InlineData(StatementLogProjection.ProjectionName)]
    [InlineData(NegotiationSummaryProjection.ProjectionName)]
    [InlineData(CurrentPositionsProjection.ProjectionName)]
    [InlineData(PositionHistoryProjection.ProjectionName)]
    [InlineData(TimelineProjection.ProjectionName)]
    public async Task a_rebuilt_view_with_corrections_is_identical_to_the_live_one(string projection)
    {
        var live = await SnapshotAsync(projection);

        var daemon = fixture.Ledger.Cluster.Silos[0].ServiceProvider.GetRequiredService<IProjectionCoordinator>().DaemonForMainDatabase();
        await daemon.RebuildProjectionAsync(projection, CancellationToken.None);

        (await SnapshotAsync(projection)).ShouldBe(live);
    }

    private async Task<string> SnapshotAsync(string projection)
    {
        await using var session = Session();
        return await ViewSnapshot.OfAsync(session, projection);
    }
}
