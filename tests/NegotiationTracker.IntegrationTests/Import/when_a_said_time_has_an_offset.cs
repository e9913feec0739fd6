using System.Text.Json;
using NegotiationTracker.Grains;
using NegotiationTracker.Grains.Integrity;
using NegotiationTracker.IntegrationTests.Fixtures;
using NegotiationTracker.Projections.Statements;
using NegotiationTracker.SeedFiles;

namespace NegotiationTracker.IntegrationTests.Import;

/// <summary>A file gives one statement's time at +03:00 and another's in UTC; both come back as the file gave them.</summary>
public sealed class when_a_said_time_has_an_offset(LedgerFixture ledger) : IClassFixture<LedgerFixture>
{
    private static string Yaml(string negotiationId) => $$"""
        negotiation: {id: {{negotiationId}}, title: "Ceasefire talks", opened: "2020", issues: [{id: ceasefire, title: "Ceasefire"}]}
        parties:
          - {id: offset-north, name: "North", kind: state, role: principal}
        events:
          - statement: {id: in-doha, by: offset-north, "on": [ceasefire], kind: position, stance: supports, text: "Signed in Doha.", attribution: paraphrase, said: "2020-02-29T15:00+03:00"}
          - statement: {id: in-utc, by: offset-north, "on": [ceasefire], kind: position, stance: supports, text: "Announced.", attribution: paraphrase, said: "2020-02-29T18:00:00Z"}
        """;

    private async Task<(string NegotiationId, IReadOnlyList<StatementView> Log)> ImportAsync()
    {
        var negotiationId = Scenario.Unique("doha");
        await ledger.Import.ImportAsync(SeedFileReader.Parse("doha.yaml", Yaml(negotiationId)), Recording.By("tester"));
        await using var session = ledger.Store.QuerySession();
        return (negotiationId, (await StatementLog.QueryAsync(session, new StatementFilter(negotiationId))).ShouldNotBeNull());
    }

    [Fact]
    public async Task the_statement_log_as_json_gives_the_time_at_the_offset_the_file_gave()
    {
        var (_, log) = await ImportAsync();

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(log, new JsonSerializerOptions(JsonSerializerDefaults.Web)));
        json.RootElement.EnumerateArray().Select(s => (s.GetProperty("id").GetString(), s.GetProperty("said").GetString()))
            .ShouldBe([("in-doha", "2020-02-29T15:00:00+03:00"), ("in-utc", "2020-02-29T18:00:00Z")]);
    }

    [Fact]
    public async Task the_statements_are_still_ordered_and_filtered_by_instant()
    {
        var (negotiationId, _) = await ImportAsync();

        // 15:00+03:00 is 12:00Z: before a filter from 13:00Z, which only the UTC statement is not.
        await using var session = ledger.Store.QuerySession();
        var after = (await StatementLog.QueryAsync(session, new StatementFilter(negotiationId, From: Domain.Common.PartialDate.Parse("2020-02-29T13:00:00Z")))).ShouldNotBeNull();
        after.Select(s => s.Id).ShouldBe(["in-utc"]);
    }

    [Fact]
    public async Task the_sealed_events_verify()
    {
        var (negotiationId, _) = await ImportAsync();

        var verifier = new LedgerVerifier(ledger.Store);
        (await verifier.VerifyAsync(await verifier.NegotiationStreamsAsync(negotiationId))).Findings.ShouldBeEmpty();
    }
}
