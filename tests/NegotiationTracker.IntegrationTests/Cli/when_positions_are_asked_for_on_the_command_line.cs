using System.Text.Json;
using Marten;
using NegotiationTracker.Cli.Output;
using NegotiationTracker.Domain.Parties;
using NegotiationTracker.Hosting.EventStore;
using NegotiationTracker.Projections.Positions;
using static NegotiationTracker.IntegrationTests.Cli.CorrectedLedgerOnTheCommandLine;

namespace NegotiationTracker.IntegrationTests.Cli;

[Collection(CorrectedLedgerOnTheCommandLine.Name)]
public sealed class when_positions_are_asked_for_on_the_command_line(CorrectedLedgerOnTheCommandLine ledger)
{
    [Fact]
    public async Task the_json_is_the_position_histories_the_library_answers()
    {
        var json = await ledger.RunAsync("positions", Negotiation, "--format", "json");

        json.ExitCode.ShouldBe(0, json.ToString());
        // The command caught the async views up before it read them.
        using var store = DocumentStore.For(options => NegotiationStore.Configure(options, ledger.ConnectionString));
        await using var session = store.QuerySession();
        var histories = (await PositionHistories.QueryAsync(session, Negotiation, null, null, EvidenceFilter.All)).ShouldNotBeNull();
        histories.ShouldNotBeEmpty();
        json.Out.ShouldBe(JsonSerializer.Serialize(histories, Formats.Json) + Environment.NewLine);
    }

    [Fact]
    public async Task a_party_and_an_issue_keep_only_that_partys_history_on_that_issue()
    {
        var json = await ledger.RunAsync("positions", Negotiation, "--party", "iraq", "--issue", "us-troop-presence", "--format", "json");

        json.ExitCode.ShouldBe(0, json.ToString());
        var history = JsonDocument.Parse(json.Out).RootElement.EnumerateArray().ShouldHaveSingleItem();
        history.GetProperty("partyId").GetString().ShouldBe("iraq");
        history.GetProperty("issueId").GetString().ShouldBe("us-troop-presence");
        history.GetProperty("current").GetProperty("stance").GetString().ShouldBe("opposes");
    }

    [Fact]
    public async Task an_issue_keeps_every_partys_history_on_it_alone()
    {
        var json = await ledger.RunAsync("positions", Negotiation, "--issue", "us-troop-presence", "--format", "json");

        json.ExitCode.ShouldBe(0, json.ToString());
        var histories = JsonDocument.Parse(json.Out).RootElement.EnumerateArray().ToList();
        histories.Select(h => h.GetProperty("issueId").GetString()).Distinct().ShouldBe(["us-troop-presence"]);
        histories.Select(h => h.GetProperty("partyId").GetString()).ShouldContain("iraq");
        histories.Count.ShouldBeGreaterThan(1);
    }

    [Fact]
    public async Task the_csv_has_one_row_per_period_of_one_stance()
    {
        var csv = await ledger.RunAsync("positions", Negotiation, "--format", "csv");
        var json = await ledger.RunAsync("positions", Negotiation, "--format", "json");

        csv.ExitCode.ShouldBe(0, csv.ToString());
        var (header, rows) = ReadCsv(csv.Out);
        header.ShouldBe(["negotiationId", "issueId", "partyId", "stance", "since", "until", "statementIds", "isShift", "shiftedFrom", "contested", "contestedStatementIds"]);
        rows.Count.ShouldBe(JsonDocument.Parse(json.Out).RootElement.EnumerateArray().Sum(h => h.GetProperty("periods").GetArrayLength()));
        var iraq = rows.Single(r => r["partyId"] == "iraq" && r["issueId"] == "us-troop-presence");
        (iraq["negotiationId"], iraq["stance"], iraq["since"], iraq["until"], iraq["statementIds"], iraq["isShift"], iraq["shiftedFrom"], iraq["contested"])
            .ShouldBe((Negotiation, "opposes", "2024-09", "", "sudani-us-forces-unnecessary", "False", "", "False"));
    }

    [Fact]
    public async Task the_table_has_a_section_per_issue_with_each_partys_stance()
    {
        var table = await ledger.RunAsync("positions", Negotiation, "--issue", "us-troop-presence");

        table.ExitCode.ShouldBe(0, table.ToString());
        table.Out.ShouldContain("us-troop-presence");
        table.Out.ShouldContain("opposes since 2024-09");
        table.Out.ShouldContain("sudani-us-forces-unnecessary");
    }

    [Fact]
    public async Task an_unknown_negotiation_is_not_found()
    {
        var positions = await ledger.RunAsync("positions", "nowhere-talks");

        positions.ExitCode.ShouldBe(3, positions.ToString());
        positions.Error.ShouldContain("negotiation nowhere-talks is not in the ledger");
    }

    [Fact]
    public async Task a_credibility_outside_the_scale_is_refused_by_the_parser()
    {
        var positions = await ledger.RunAsync("positions", Negotiation, "--min-credibility", "7");

        positions.ExitCode.ShouldBe(2, positions.ToString());
        positions.Error.ShouldContain("--min-credibility 7 is not between 1 and 6");
    }
}
